namespace BlazorSession.App.Session;

/// <summary>
/// The session of one circuit (one browser tab): the username, kept in memory for the circuit's lifetime and
/// persisted in two places: the tab's protected sessionStorage, and, when saved with "Keep me signed in", the
/// browser's protected localStorage, which every tab of the browser shares (<see cref="RememberedSignInStore"/>).
/// Which one the tab shows is <see cref="SessionPrecedence"/>'s rule. The stores are read once per circuit; pages
/// reached by in-app navigation see the name without another read, and another tab's change to the remembered
/// sign-in arrives through <see cref="FollowRememberedSignInAsync"/>.
/// </summary>
public sealed class SessionState(
    [FromKeyedServices(SessionPlace.Tab)] IBrowserSessionStore tabStore,
    RememberedSignInStore rememberedSignIn,
    ILogger<SessionState> logger,
    SessionMetrics metrics)
{
    internal const string StorageKey = "session";

    private TaskCompletionSource? _load;
    private int _readNumber;
    private StoredSession? _tab;
    private string _circuit = "none";

    public SessionLoadStatus Status { get; private set; } = SessionLoadStatus.NotLoaded;

    public bool IsLoaded => Status == SessionLoadStatus.Loaded;

    /// <summary>The name shown, or <c>null</c> when there is none (or it is not loaded yet: see <see cref="Status"/>).</summary>
    public string? Username { get; private set; }

    /// <summary>Raised after the state changes: loaded, set or cleared, by any component of the circuit or another tab.</summary>
    public event Action? Changed;

    /// <summary>Names the circuit in this state's log lines (its public <c>Circuit.Id</c>).</summary>
    internal void AttachToCircuit(string circuitId) => _circuit = circuitId;

    /// <summary>
    /// Reads the stores unless they have been read; concurrent first calls share one read. After a read that could
    /// not reach the browser, the next call tries again.
    /// </summary>
    public Task LoadAsync()
    {
        if (_load is null || (_load.Task.IsCompleted && Status == SessionLoadStatus.Unavailable))
        {
            _load = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _ = ReadStoresAsync(++_readNumber, _load);
        }

        return _load.Task;
    }

    /// <summary>
    /// After a reconnection: a read still in flight may have lost the browser's answer with the old connection, and
    /// would only time out after a minute (<c>AppLimits.JSInteropDefaultCallTimeout</c>), so it is made again. Whoever
    /// awaits the first read is answered by this one; the abandoned read's late outcome is ignored.
    /// </summary>
    internal void ReadAgainIfUnanswered()
    {
        if (_load is { Task.IsCompleted: false } pending)
        {
            _ = ReadStoresAsync(++_readNumber, pending);
        }
    }

    /// <summary>
    /// Validates, stores and publishes a new name: for this tab, and with <paramref name="keepSignedIn"/> also as
    /// the browser's remembered sign-in, for a new period. Without it a remembered sign-in is left as it is. Throws
    /// <see cref="ArgumentException"/> for a name <see cref="UsernameRules"/> rejects and
    /// <see cref="BrowserStoreUnavailableException"/> when the browser cannot be reached; in both cases the previous
    /// name is kept.
    /// </summary>
    public async Task SetUsernameAsync(string? input, bool keepSignedIn = false)
    {
        if (UsernameRules.Validate(input) is { } problem)
        {
            throw new ArgumentException(problem, nameof(input));
        }

        // A read finishing after this write would put the old name back: let it finish first.
        await LoadAsync();
        var username = UsernameRules.Normalize(input);
        var tab = StoredSession.For(username, followsRememberedSignIn: keepSignedIn);
        if (keepSignedIn)
        {
            await WriteAsync("remembering the sign-in", () => rememberedSignIn.RememberAsync(username));
            metrics.SignInRemembered();
        }

        await WriteAsync("saving the session", () => tabStore.SetAsync(StorageKey, tab));
        _tab = tab;
        metrics.NameSaved();
        Publish(username);
    }

    /// <summary>
    /// Removes the name, as Flask's <c>session.pop('username')</c>, and ends the remembered sign-in: signing out in
    /// one tab signs out every tab that followed it.
    /// </summary>
    public async Task ClearAsync()
    {
        await LoadAsync();
        await WriteAsync("ending the remembered sign-in", rememberedSignIn.ForgetAsync);
        await WriteAsync("clearing the session", () => tabStore.DeleteAsync(StorageKey));
        _tab = null;
        metrics.SessionCleared();
        Publish(null);
    }

    /// <summary>
    /// Another tab changed the remembered sign-in (RememberedSignInListener): a tab without a name of its own shows
    /// what it is now, and is signed out when it has ended. A tab with its own name keeps it.
    /// </summary>
    public async Task FollowRememberedSignInAsync()
    {
        await LoadAsync();
        if (!IsLoaded || SessionPrecedence.HasOwnName(_tab))
        {
            return;
        }

        string? remembered;
        try
        {
            remembered = await rememberedSignIn.ReadAsync(_circuit);
        }
        catch (BrowserStoreUnavailableException exception)
        {
            SessionLog.StoreUnavailable(logger, _circuit, "following another tab's sign-in", DescribeCause(exception));
            return;
        }

        await ForgetEndedSignInAsync(remembered);
        if (remembered != Username)
        {
            Publish(remembered);
        }
    }

    private async Task ReadStoresAsync(int readNumber, TaskCompletionSource done)
    {
        try
        {
            await ReadStoresAsync(readNumber);
            done.TrySetResult();
        }
        catch (Exception exception)
        {
            done.TrySetException(exception);
        }
    }

    private async Task ReadStoresAsync(int readNumber)
    {
        // Both places at once: a tab with nothing of its own (a new tab, the usual case) needs the remembered
        // sign-in, and asking for both costs one round trip to the browser instead of two.
        var tabRead = ReadTabAsync();
        var rememberedRead = rememberedSignIn.ReadAsync(_circuit);
        try
        {
            await Task.WhenAll(tabRead, rememberedRead);
        }
        catch (BrowserStoreUnavailableException exception) when (readNumber == _readNumber)
        {
            SessionLog.StoreUnavailable(logger, _circuit, "reading the session", DescribeCause(exception));
            Status = SessionLoadStatus.Unavailable;
            Changed?.Invoke();
            return;
        }
        catch (BrowserStoreUnavailableException)
        {
            return;
        }

        if (readNumber != _readNumber)
        {
            return;
        }

        _tab = tabRead.Result;
        await ForgetEndedSignInAsync(rememberedRead.Result);
        Publish(SessionPrecedence.Choose(_tab, rememberedRead.Result));
    }

    private async Task<StoredSession?> ReadTabAsync()
    {
        try
        {
            var stored = await tabStore.GetAsync<StoredSession>(StorageKey);
            return stored is { IsValid: false } ? throw new StoredValueUnreadableException(StorageKey) : stored;
        }
        catch (StoredValueUnreadableException exception)
        {
            var cause = DescribeCause(exception);
            SessionLog.StoredSessionUnreadable(logger, _circuit, cause);
            metrics.StoredValueUnreadable(cause, SessionPlace.Tab);
            await DeleteTabEntryAsync("deleting an unreadable session");
            return null;
        }
    }

    // A tab saved with "Keep me signed in" whose remembered sign-in has ended (signed out elsewhere, expired,
    // unreadable) is signed out too; its value goes, so that nothing of the ended sign-in is left in the tab.
    private async Task ForgetEndedSignInAsync(string? rememberedName)
    {
        if (rememberedName is null && _tab is { FollowsRememberedSignIn: true })
        {
            _tab = null;
            await DeleteTabEntryAsync("deleting the session of an ended sign-in");
        }
    }

    private async Task DeleteTabEntryAsync(string operation)
    {
        try
        {
            await tabStore.DeleteAsync(StorageKey);
        }
        catch (BrowserStoreUnavailableException exception)
        {
            // The entry is caught again on the next read; nothing is lost.
            SessionLog.StoreUnavailable(logger, _circuit, operation, DescribeCause(exception));
        }
    }

    // A write the browser could not take is logged here and still thrown: the page says so and offers a retry.
    private async Task WriteAsync(string operation, Func<ValueTask> write)
    {
        try
        {
            await write();
        }
        catch (BrowserStoreUnavailableException exception)
        {
            SessionLog.StoreUnavailable(logger, _circuit, operation, DescribeCause(exception));
            throw;
        }
    }

    private void Publish(string? username)
    {
        Username = username;
        Status = SessionLoadStatus.Loaded;
        Changed?.Invoke();
    }

    private static string DescribeCause(Exception exception) =>
        exception.InnerException?.GetType().Name ?? "unexpected payload";
}
