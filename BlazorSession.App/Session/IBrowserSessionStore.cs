namespace BlazorSession.App.Session;

/// <summary>
/// The seam between the session state and the browser's per-tab store, so a test double or another store can be
/// plugged in. Implementations translate their own failures into <see cref="StoredValueUnreadableException"/> and
/// <see cref="BrowserStoreUnavailableException"/>, which is all a caller has to handle.
/// </summary>
public interface IBrowserSessionStore
{
    /// <summary>Reads the value under <paramref name="key"/>, or <c>default</c> when nothing is stored there.</summary>
    ValueTask<T?> GetAsync<T>(string key);

    ValueTask SetAsync<T>(string key, T value) where T : notnull;

    ValueTask DeleteAsync(string key);
}
