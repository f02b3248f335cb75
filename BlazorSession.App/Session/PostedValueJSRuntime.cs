using Microsoft.JSInterop;

namespace BlazorSession.App.Session;

/// <summary>
/// Presents one value a tab sent over HTTP as that tab's <c>sessionStorage</c>, so the value is read by exactly the
/// code a circuit reads it with (<see cref="ProtectedSessionStore"/> over the framework's
/// <c>ProtectedSessionStorage</c>): same Data Protection purpose, same payload checks. Read-only: anything but
/// <c>sessionStorage.getItem</c> is refused.
/// </summary>
internal sealed class PostedValueJSRuntime(string postedValue) : IJSRuntime
{
    private const string GetItem = "sessionStorage.getItem";

    public ValueTask<TValue> InvokeAsync<TValue>(string identifier, object?[]? args) =>
        identifier == GetItem && postedValue is TValue value
            ? ValueTask.FromResult(value)
            : throw new InvalidOperationException($"Only {GetItem} can be answered from a posted value, not {identifier}.");

    public ValueTask<TValue> InvokeAsync<TValue>(string identifier, CancellationToken cancellationToken, object?[]? args) =>
        InvokeAsync<TValue>(identifier, args);
}
