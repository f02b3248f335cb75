namespace BlazorSession.App.Session;

/// <summary>
/// The seam between the session state and a browser store, so a test double or another store can be plugged in.
/// There is one per <see cref="SessionPlace"/>, registered as a keyed service under it. Implementations translate
/// their own failures into <see cref="StoredValueUnreadableException"/> and <see cref="BrowserStoreUnavailableException"/>,
/// which is all a caller has to handle.
/// </summary>
public interface IBrowserSessionStore
{
    /// <summary>Reads the value under <paramref name="key"/>, or <c>default</c> when nothing is stored there.</summary>
    ValueTask<T?> GetAsync<T>(string key);

    ValueTask SetAsync<T>(string key, T value) where T : notnull;

    ValueTask DeleteAsync(string key);
}

/// <summary>Where a session is kept.</summary>
public enum SessionPlace
{
    /// <summary>The tab's sessionStorage: its own, gone with the tab.</summary>
    Tab,

    /// <summary>The browser's localStorage, shared by all its tabs and kept across restarts ("Keep me signed in").</summary>
    Browser,
}
