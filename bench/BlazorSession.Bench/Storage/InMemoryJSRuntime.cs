using Microsoft.JSInterop;

namespace BlazorSession.Bench.Storage;

/// <summary>
/// Stands in for the browser behind <c>ProtectedSessionStorage</c>: answers <c>sessionStorage.getItem/setItem</c>
/// from a dictionary at once, so a benchmark measures the server's own work (JSON and Data Protection), not the
/// network round trip.
/// </summary>
internal sealed class InMemoryJSRuntime : IJSRuntime
{
    private readonly Dictionary<string, string> _items = [];

    public ValueTask<TValue> InvokeAsync<TValue>(string identifier, object?[]? args) =>
        InvokeAsync<TValue>(identifier, CancellationToken.None, args);

    public ValueTask<TValue> InvokeAsync<TValue>(string identifier, CancellationToken cancellationToken, object?[]? args)
    {
        var key = (string)args![0]!;
        switch (identifier)
        {
            case "sessionStorage.setItem":
                _items[key] = (string)args[1]!;
                return ValueTask.FromResult<TValue>(default!);
            case "sessionStorage.getItem":
                return ValueTask.FromResult((TValue)(object)_items.GetValueOrDefault(key)!);
            case "sessionStorage.removeItem":
                _items.Remove(key);
                return ValueTask.FromResult<TValue>(default!);
            default:
                throw new JSException($"{identifier} is not sessionStorage.");
        }
    }
}
