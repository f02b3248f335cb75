namespace BlazorSession.Storage;

/// <summary>Where in the browser a session is kept; each place is an <see cref="IBrowserStorage"/> keyed service.</summary>
public enum BrowserStoragePlace
{
    /// <summary>The tab's sessionStorage: its own, gone with the tab, kept across reloads.</summary>
    Tab,

    /// <summary>The browser's localStorage: shared by all its tabs and kept across restarts.</summary>
    Browser,
}
