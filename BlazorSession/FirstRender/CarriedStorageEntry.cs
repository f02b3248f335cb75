using Microsoft.JSInterop;
using Microsoft.JSInterop.Infrastructure;

namespace BlazorSession.FirstRender;

/// <summary>
/// One entry of the browser's storage as a request carried it, standing in for the browser behind the framework's
/// protected storage: its reads answer with the carried value, and its writes (<c>setItem(key, value)</c>,
/// <c>removeItem(key)</c>) are kept to be sent back with the response. So the values are protected and read by
/// exactly the code a circuit uses, with no knowledge of its purposes or names.
/// </summary>
internal sealed class CarriedStorageEntry(string? value) : IJSRuntime
{
    /// <summary>What the entry holds now (ciphertext), or null when nothing is stored.</summary>
    public string? Value { get; private set; } = value;

    /// <summary>Whether the server changed the entry, so the browser must be given <see cref="Value"/>.</summary>
    public bool Changed { get; private set; }

    /// <summary>What the entry holds, to put back with <see cref="Restore"/> when a change cannot be sent.</summary>
    public (string? Value, bool Changed) Save() => (Value, Changed);

    public void Restore((string? Value, bool Changed) saved) => (Value, Changed) = saved;

    public ValueTask<TValue> InvokeAsync<TValue>(string identifier, object?[]? args)
    {
        if (typeof(TValue) == typeof(IJSVoidResult))
        {
            Value = args is [_, string stored] ? stored : null;
            Changed = true;
            return ValueTask.FromResult(default(TValue)!);
        }

        return ValueTask.FromResult((TValue)(object?)Value!);
    }

    public ValueTask<TValue> InvokeAsync<TValue>(string identifier, CancellationToken cancellationToken, object?[]? args) =>
        InvokeAsync<TValue>(identifier, args);
}
