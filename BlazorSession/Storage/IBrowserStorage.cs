using System.Text.Json;

namespace BlazorSession.Storage;

/// <summary>
/// The seam between <see cref="BrowserSession"/> and one place in the browser: get, set and delete a JSON value under
/// a key. <see cref="ProtectedBrowserStorageAdapter"/> is the real one; BlazorSession.Testing has one in memory.
/// Implementations report their failures as <see cref="StoredValueUnreadableException"/> (something is there but
/// cannot be read) and <see cref="BrowserStorageUnavailableException"/> (the browser cannot be reached), which is all
/// a caller has to handle.
/// </summary>
public interface IBrowserStorage
{
    /// <summary>The value stored under <paramref name="key"/>, or <c>null</c> when nothing is stored there.</summary>
    ValueTask<JsonElement?> GetAsync(string key);

    /// <summary>Stores <paramref name="value"/> under <paramref name="key"/>; done when the browser has it.</summary>
    ValueTask SetAsync(string key, JsonElement value);

    ValueTask DeleteAsync(string key);
}
