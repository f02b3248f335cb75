namespace BlazorSession.App.Session;

/// <summary>
/// The app's use of the session object: the visitor's name under the key <c>username</c>, saved with the name's rules
/// (<see cref="UsernameRules"/>) and, with "Keep me signed in", in a permanent session every tab of the browser shares.
/// Everything else (loading, <c>Changed</c>, the other tabs, faults) is <see cref="BrowserSession"/>'s. Scoped.
/// </summary>
public sealed class UsernameSession(BrowserSession session, SessionMetrics metrics)
{
    public static readonly SessionKey<string> Key = new("username");

    /// <summary>
    /// The name shown, or <c>null</c> when there is none (or the session is not loaded yet). A stored value the rules
    /// would not have saved reads as none.
    /// </summary>
    public string? Username => session.Get(Key) is { } name && UsernameRules.IsSavedName(name) ? name : null;

    /// <summary>
    /// Validates, stores and publishes a new name. With <paramref name="keepSignedIn"/> the session becomes permanent
    /// (kept for <see cref="BrowserSessionOptions.RememberFor"/> and shared by the browser's tabs); without it the
    /// tab keeps the name as its own and a permanent session stays as it is for the other tabs. The name and where it
    /// is kept are one change, one write. Throws <see cref="ArgumentException"/> for a name the rules reject and
    /// <see cref="BrowserStorageUnavailableException"/> when the browser cannot be reached; in both cases the previous
    /// name is kept.
    /// </summary>
    public async Task SaveAsync(string? input, bool keepSignedIn = false)
    {
        if (UsernameRules.Validate(input) is { } problem)
        {
            throw new ArgumentException(problem, nameof(input));
        }

        await session.SetAsync(Key, UsernameRules.Normalize(input), permanent: keepSignedIn);
        metrics.NameSaved();
        if (keepSignedIn)
        {
            metrics.SignInRemembered();
        }
    }

    /// <summary>
    /// Clears the session, as Flask's <c>session.clear()</c>, and ends the permanent session: signing out in one tab
    /// signs out every tab that shared it.
    /// </summary>
    public async Task ClearAsync()
    {
        await session.ClearAsync();
        metrics.SessionCleared();
    }
}
