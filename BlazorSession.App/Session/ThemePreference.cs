namespace BlazorSession.App.Session;

/// <summary>The site's two themes.</summary>
public enum Theme
{
    Light,
    Dark,
}

/// <summary>
/// The seed tutorial's first reason for a session, a user preference: the theme, one typed value under the key
/// <c>theme</c>, kept where the session lives (the tab's, or every tab's when the visitor keeps the session).
/// </summary>
public static class ThemePreference
{
    public static readonly SessionKey<Theme> Key = new("theme");

    /// <summary>The chosen theme; light when none is chosen, or the session has not been read.</summary>
    public static Theme GetTheme(this BrowserSession session) => session.Get(Key);
}
