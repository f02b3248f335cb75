namespace BlazorSession.App.Session;

/// <summary>
/// The session of one circuit (one browser tab): the username, kept in memory for the circuit's lifetime and
/// persisted to the tab's protected sessionStorage. The store is read once per circuit; pages reached by in-app
/// navigation see the name without another read.
/// </summary>
public sealed class SessionState(IBrowserSessionStore store, ILogger<SessionState> logger, SessionMetrics metrics)
{
    internal const string StorageKey = "session";

    private Task? _load;
    private string _circuit = "none";

    public SessionLoadStatus Status { get; private set; } = SessionLoadStatus.NotLoaded;

    public bool IsLoaded => Status == SessionLoadStatus.Loaded;

    /// <summary>The stored name, or <c>null</c> when none is stored (or it is not loaded yet: see <see cref="Status"/>).</summary>
    public string? Username { get; private set; }

    /// <summary>Raised after the state changes: loaded, set or cleared, by any component of the circuit.</summary>
    public event Action? Changed;

    /// <summary>Names the circuit in this state's log lines (its public <c>Circuit.Id</c>).</summary>
    internal void AttachToCircuit(string circuitId) => _circuit = circuitId;

    /// <summary>
    /// Reads the store unless it has been read; concurrent first calls share one read. After a read that could not
    /// reach the browser, the next call tries again.
    /// </summary>
    public Task LoadAsync()
    {
        if (_load is null || (_load.IsCompleted && Status == SessionLoadStatus.Unavailable))
        {
            _load = ReadStoreAsync();
        }

        return _load;
    }

    /// <summary>
    /// Validates, stores and publishes a new name. Throws <see cref="ArgumentException"/> for a name
    /// <see cref="UsernameRules"/> rejects and <see cref="BrowserStoreUnavailableException"/> when the browser
    /// cannot be reached; in both cases the previous name is kept.
    /// </summary>
    public async Task SetUsernameAsync(string? input)
    {
        if (UsernameRules.Validate(input) is { } problem)
        {
            throw new ArgumentException(problem, nameof(input));
        }

        // A read finishing after this write would put the old name back: let it finish first.
        await LoadAsync();
        var username = UsernameRules.Normalize(input);
        await WriteAsync("saving the session", () => store.SetAsync(StorageKey, StoredSession.For(username)));
        metrics.NameSaved();
        Publish(username);
    }

    /// <summary>Removes the name, as Flask's <c>session.pop('username')</c>.</summary>
    public async Task ClearAsync()
    {
        await LoadAsync();
        await WriteAsync("clearing the session", () => store.DeleteAsync(StorageKey));
        metrics.SessionCleared();
        Publish(null);
    }

    private async Task ReadStoreAsync()
    {
        try
        {
            var stored = await store.GetAsync<StoredSession>(StorageKey);
            if (stored is { IsValid: false })
            {
                throw new StoredValueUnreadableException(StorageKey);
            }

            Publish(stored?.Username);
        }
        catch (StoredValueUnreadableException exception)
        {
            var cause = DescribeCause(exception);
            SessionLog.StoredSessionUnreadable(logger, _circuit, cause);
            metrics.StoredValueUnreadable(cause);
            await DeleteUnreadableEntryAsync();
            Publish(null);
        }
        catch (BrowserStoreUnavailableException exception)
        {
            SessionLog.StoreUnavailable(logger, _circuit, "reading the session", DescribeCause(exception));
            Status = SessionLoadStatus.Unavailable;
            Changed?.Invoke();
        }
    }

    private async Task DeleteUnreadableEntryAsync()
    {
        try
        {
            await store.DeleteAsync(StorageKey);
        }
        catch (BrowserStoreUnavailableException exception)
        {
            // The entry stays unreadable and will be caught again on the next read; nothing is lost.
            SessionLog.StoreUnavailable(logger, _circuit, "deleting an unreadable session", DescribeCause(exception));
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
