using System.Text.Json;
using Microsoft.JSInterop;

namespace BlazorSession.App.Preview;

/// <summary>
/// Presents the values a tab sent over HTTP as that tab's <c>sessionStorage</c> and its browser's <c>localStorage</c>,
/// so they are read by exactly the code a circuit reads them with (<see cref="BrowserSession"/> over the framework's
/// protected storage): same Data Protection purposes, same payload checks. Nothing is written: a deletion (of what
/// cannot be read) is left to the circuit, and anything else is refused.
/// </summary>
internal sealed class PostedValuesJSRuntime(PostedSessionValues posted) : IJSRuntime
{
    public ValueTask<TValue> InvokeAsync<TValue>(string identifier, object?[]? args) => identifier switch
    {
        FrameworkInternals.SessionStorageGetItem => ValueTask.FromResult((TValue)(object?)posted.Tab!),
        FrameworkInternals.LocalStorageGetItem => ValueTask.FromResult((TValue)(object?)posted.Browser!),
        FrameworkInternals.SessionStorageRemoveItem or FrameworkInternals.LocalStorageRemoveItem =>
            ValueTask.FromResult(default(TValue)!),
        _ => throw new InvalidOperationException($"Only getItem can be answered from posted values, and removeItem ignored, not {identifier}."),
    };

    public ValueTask<TValue> InvokeAsync<TValue>(string identifier, CancellationToken cancellationToken, object?[]? args) =>
        InvokeAsync<TValue>(identifier, args);
}

/// <summary>
/// The tab's protected value and the browser's, as stored (ciphertext), as its scripts send them: the preview
/// request's body, and the handoff cookie (<see cref="SessionHandoff"/>). Both are <c>JSON.stringify({ tab, browser })</c>.
/// </summary>
internal sealed record PostedSessionValues(string? Tab, string? Browser)
{
    /// <summary>The values in <paramref name="json"/>, or null when it is not such an object.</summary>
    public static PostedSessionValues? ParseOrNull(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<PostedSessionValues>(json, JsonSerializerOptions.Web);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
