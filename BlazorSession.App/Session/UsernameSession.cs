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
    public string? Username => session.Get(Key) is { } name && UsernameRules.Validate(name) is null
        && name == UsernameRules.Normalize(name) ? name : null;

    /// <summary>
    /// Validates, stores and publishes a new name. With <paramref name="keepSignedIn"/> the session becomes permanent
    /// (kept for <see cref="BrowserSessionOptions.RememberFor"/> and shared by the browser's tabs); without it the
    /// tab keeps the name as its own and a permanent session stays as it is for the other tabs. Throws
    /// <see cref="ArgumentException"/> for a name the rules reject and <see cref="BrowserStorageUnavailableException"/>
    /// when the browser cannot be reached; in both cases the previous name is kept.
    /// </summary>
    public async Task SaveAsync(string? input, bool keepSignedIn = false)
    {
        if (UsernameRules.Validate(input) is { } problem)
        {
            throw new ArgumentException(problem, nameof(input));
        }

        await session.LoadAsync();
        if (!keepSignedIn && session.IsPermanent)
        {
            await session.SetPermanentAsync(false);
        }

        // Set before the session is made permanent, so that no other tab is ever shown the name this one replaces.
        var previous = session.Get(Key);
        await session.SetAsync(Key, UsernameRules.Normalize(input));
        if (keepSignedIn && !session.IsPermanent)
        {
            try
            {
                await session.SetPermanentAsync(true);
            }
            catch (BrowserStorageUnavailableException)
            {
                await PutBackAsync(previous);
                throw;
            }
        }

        metrics.NameSaved();
        if (keepSignedIn)
        {
            metrics.SignInRemembered();
        }
    }

    // A save that failed half-way (the name stored for the tab, the browser's storage out of reach) keeps the name
    // the tab had; if even that cannot be written, the page still says the save failed, and a reload reads the truth.
    private async Task PutBackAsync(string? previous)
    {
        try
        {
            await (previous is null ? session.RemoveAsync(Key) : session.SetAsync(Key, previous));
        }
        catch (BrowserStorageUnavailableException)
        {
            // Already logged by the session; the caller reports the failure.
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
