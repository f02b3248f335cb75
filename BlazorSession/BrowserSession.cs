using System.Diagnostics.CodeAnalysis;
using System.Diagnostics.Metrics;
using System.Text.Json;
using BlazorSession.ServerStore;
using BlazorSession.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BlazorSession;

/// <summary>
/// The session object of one circuit (one browser tab), as Flask's <c>session</c>: typed values under any key, kept
/// in the tab's protected sessionStorage, so they survive in-app navigation (no read: the circuit holds them) and
/// reloads of the tab (a new circuit reads them back). Scoped: one per circuit.
/// A session made permanent (<see cref="SetPermanentAsync"/>, Flask's <c>session.permanent = True</c>) is kept in the
/// browser's protected localStorage instead, until <see cref="BrowserSessionOptions.RememberFor"/> has passed since its
/// last change (checked by the server's clock), and every tab without a session of its own shares it.
/// </summary>
/// <remarks>
/// The browser is read once per circuit (<see cref="LoadAsync"/>, started when the circuit opens); until then, and
/// always while prerendering, the session is not loaded and reads as empty, so show a loading state while
/// <see cref="IsLoaded"/> is false. Each change is written to the browser before its task completes, one change at a
/// time in the order made, and raises <see cref="Changed"/>. <see cref="Get{T}"/> returns a copy: changing it does not
/// change the session until it is set again.
/// </remarks>
public sealed class BrowserSession
{
    /// <summary>
    /// The most the stored session may take, in bytes of JSON (all keys and values together). The browser sends it
    /// back through the circuit, encrypted and base64-encoded (about 4/3 of this, 16.5 KB at most), and a message of
    /// the circuit is limited to 32 KB: values read back above about 24 KB hang the read.
    /// </summary>
    public const int MaxStoredBytes = 12 * 1024;

    /// <summary>The longest key, in characters.</summary>
    public const int MaxKeyLength = 128;

    /// <summary>
    /// The key the session is stored under, in the tab's sessionStorage and (when permanent) in the browser's
    /// localStorage; its value there is the Data Protection ciphertext of the values, never the values themselves.
    /// </summary>
    public const string StorageKey = SessionDocuments.StorageKey;

    private static readonly Dictionary<string, JsonElement> NoValues = new(StringComparer.Ordinal);
    private static readonly TimeSpan MaxStoreRetryDelay = TimeSpan.FromSeconds(30);

    private readonly SessionDocuments _documents;
    private readonly JsonSerializerOptions _json;
    private readonly TimeSpan _rememberFor;
    private readonly int _maxBytes;
    private readonly TimeProvider _clock;
    private readonly ILogger<BrowserSession> _logger;
    // The last change made: each waits for it, so it starts from what the previous one stored and none is lost.
    private Task _lastChange = Task.CompletedTask;
    // Replaced on every change, never changed in place, so Keys is a consistent snapshot. With no document of its
    // own, the tab shows the permanent session's values.
    private Dictionary<string, JsonElement>? _own;
    private StoredValues? _permanent;
    private HashSet<(string Key, Type Type)>? _reportedUnreadable;
    private TaskCompletionSource? _load;
    private int _readNumber;
    private Exception? _loadFailure;
    private TimeSpan? _storeRetryDelay;
    private bool _inCircuit;

    // Not public: the session is made by AddBrowserSession (and its test package's AddInMemoryBrowserSession), which
    // is where an app puts storages, options, a clock or meters of its own; a constructor would be a second way to
    // make one, and a surface to keep forever for parts that are the library's to arrange.
    internal BrowserSession(
        IBrowserStorage tab,
        IBrowserStorage browser,
        IOptions<BrowserSessionOptions> options,
        TimeProvider clock,
        ILogger<BrowserSession> logger,
        IMeterFactory? meterFactory = null)
    {
        _documents = new SessionDocuments(tab, browser, clock, logger, new BrowserSessionMetrics(meterFactory));
        _json = options.Value.SerializerOptions;
        _rememberFor = options.Value.RememberFor;
        _maxBytes = options.Value.ServerStore?.MaxSessionBytes ?? MaxStoredBytes;
        _clock = clock;
        _logger = logger;
    }

    public BrowserSessionStatus Status { get; private set; } = BrowserSessionStatus.NotLoaded;

    public bool IsLoaded => Status == BrowserSessionStatus.Loaded;

    /// <summary>
    /// Whether the tab shows the permanent session, shared by the browser's tabs (it has no session of its own).
    /// </summary>
    public bool IsPermanent => _own is null && _permanent is not null;

    /// <summary>When the permanent session ends unless changed again; <c>null</c> when the session is not permanent.</summary>
    public DateTimeOffset? PermanentUntil => IsPermanent ? _permanent!.Expires : null;

    /// <summary>The keys that hold a value (none until loaded).</summary>
    public IReadOnlyCollection<string> Keys => Values.Keys;

    /// <summary>
    /// Raised after the session changes: loaded, a value set or removed, cleared, made permanent or not, or the
    /// permanent session changed by another tab. Subscribe in a component and unsubscribe in its <c>Dispose</c>;
    /// re-render with <c>InvokeAsync(StateHasChanged)</c>.
    /// </summary>
    public event Action? Changed;

    /// <summary>
    /// Raised with <see cref="Changed"/>, saying what changed (<see cref="SessionChange"/>): the keys, and whether another
    /// tab changed them. <c>SessionView</c> with <c>Keys</c> uses it to render only for the keys it shows.
    /// </summary>
    public event Action<SessionChange>? KeysChanged;

    private Dictionary<string, JsonElement> Values => _own ?? _permanent?.Values ?? NoValues;

    /// <summary>
    /// Reads the browser unless it has been read; concurrent first calls share one read. After a read that could not
    /// reach the browser (<see cref="BrowserSessionStatus.Unavailable"/>), the next call tries again. Never throws
    /// for the browser's faults: an unreadable session (tampered, foreign, keys lost) or an expired permanent one is
    /// deleted and reads as empty.
    /// </summary>
    public Task LoadAsync()
    {
        if (_load is null || (_load.Task.IsCompleted && Status == BrowserSessionStatus.Unavailable))
        {
            _load = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _ = ReadAsync(++_readNumber, _load);
        }

        return _load.Task;
    }

    public bool ContainsKey(string key)
    {
        SessionKeys.Validate(key);
        return Values.ContainsKey(key);
    }

    /// <summary>
    /// The value under <paramref name="key"/>, or <c>default</c> when there is none, the session is not loaded, or
    /// the stored value does not read as <typeparamref name="T"/> (logged once).
    /// </summary>
    public T? Get<T>(string key) => TryGet<T>(key, out var value) ? value : default;

    /// <summary>Whether <paramref name="key"/> holds a value that reads as <typeparamref name="T"/>, and that value.</summary>
    public bool TryGet<T>(string key, [MaybeNullWhen(false)] out T value)
    {
        SessionKeys.Validate(key);
        value = default;
        if (!Values.TryGetValue(key, out var stored))
        {
            return false;
        }

        try
        {
            value = stored.Deserialize<T>(_json)!;
            return true;
        }
        catch (Exception exception) when (exception is JsonException or NotSupportedException or InvalidOperationException)
        {
            if ((_reportedUnreadable ??= []).Add((key, typeof(T))))
            {
                BrowserSessionLog.ValueUnreadableAsType(_logger, _documents.Circuit, key, typeof(T).Name);
            }

            return false;
        }
    }

    /// <summary>
    /// Stores <paramref name="value"/> under <paramref name="key"/>; when the task completes, the browser has it.
    /// Throws <see cref="SessionTooLargeException"/> when the session would pass <see cref="MaxStoredBytes"/>, and
    /// <see cref="BrowserStorageUnavailableException"/> when the browser cannot be reached; either way the session
    /// holds what it held before.
    /// </summary>
    public Task SetAsync<T>(string key, T value)
    {
        SessionKeys.Validate(key);
        return ChangeAsync(key, _ => Serialize(value));
    }

    /// <summary>
    /// Stores <paramref name="value"/> under <paramref name="key"/> and, in the same change, makes the session
    /// permanent or the tab's own (as <see cref="SetPermanentAsync"/> does), the way Flask sends
    /// <c>session.permanent</c> and <c>session[key]</c> in one response: the browser gets one document where the
    /// session now lives, not one per step, and no other tab ever sees the value this one replaces. Made permanent,
    /// the tab's own document is deleted beside the write (one round trip for both). Fails as
    /// <see cref="SetAsync{T}(string, T)"/> does; when the write succeeded and only that delete failed, the session in
    /// this circuit holds what it held before and a reload reads the tab's own document again.
    /// </summary>
    public Task SetAsync<T>(string key, T value, bool permanent)
    {
        SessionKeys.Validate(key);
        return ChangeAsync(key, _ => Serialize(value), permanent);
    }

    /// <summary>
    /// Replaces the value under <paramref name="key"/> with what <paramref name="update"/> makes of the current one
    /// (<c>default</c> when absent), after every change made before it: two quick clicks that each add one add two.
    /// Returns the value stored. Fails as <see cref="SetAsync{T}(string, T)"/> does.
    /// </summary>
    public async Task<T> UpdateAsync<T>(string key, Func<T?, T> update)
    {
        SessionKeys.Validate(key);
        ArgumentNullException.ThrowIfNull(update);
        var updated = default(T)!;
        await ChangeAsync(key, _ =>
        {
            updated = update(Get<T>(key));
            return Serialize(updated);
        });
        return updated;
    }

    /// <summary>Removes <paramref name="key"/>, as Flask's <c>session.pop</c>: true when it held a value.</summary>
    public async Task<bool> RemoveAsync(string key)
    {
        SessionKeys.Validate(key);
        var removed = false;
        await ChangeAsync(key, values =>
        {
            removed = values.ContainsKey(key);
            return null;
        });
        return removed;
    }

    /// <summary>
    /// Removes every value, here and in the browser, and ends the permanent session: every tab that shared it is
    /// empty too (signing out in one tab signs out all of them).
    /// </summary>
    public async Task ClearAsync()
    {
        using var turn = await TakeLoadedTurnAsync();
        var cleared = SessionChange.Between(Values, NoValues, fromAnotherTab: false);
        await _documents.DeletePermanentAsync();
        _permanent = null;
        PermanentSessionWritten?.Invoke();
        await _documents.DeleteOwnAsync();
        Publish(null, null, cleared);
    }

    /// <summary>
    /// Makes the session permanent (its values move to the browser's localStorage, shared by every tab without a
    /// session of its own, for <see cref="BrowserSessionOptions.RememberFor"/> from now), or makes it the tab's own
    /// again (it keeps a copy of the values; the permanent session stays for the other tabs). Fails as
    /// <see cref="SetAsync{T}(string, T)"/> does.
    /// </summary>
    public async Task SetPermanentAsync(bool permanent)
    {
        using var turn = await TakeLoadedTurnAsync();
        var values = Values;
        if (permanent)
        {
            await WritePermanentAsync("(permanent)", values, SessionChange.Nothing);
        }
        else if (IsPermanent)
        {
            await _documents.WriteOwnAsync(Checked("(own)", values, null));
            Publish(values, _permanent, SessionChange.Nothing);
        }
    }

    /// <summary>
    /// Raised after this circuit wrote or deleted the permanent session in the browser: the cookie copy a new tab's
    /// first request carries is made to follow (<see cref="PermanentSessionListener"/>).
    /// </summary>
    internal event Action? PermanentSessionWritten;

    /// <summary>
    /// With the server-side store (<see cref="BrowserSessionOptions.UseServerStore"/>), moves the session to new ids (the
    /// values stay) and removes it from the old ones: a copy of an old id, planted before a sign-in or taken before it,
    /// reads as empty after, as Flask-Session's <c>regenerate()</c>. Done by itself when the sign-in's name changes
    /// (<c>AddBrowserSessionSignIn</c>). With the browser's storage there are no ids, and nothing is done. Fails as
    /// <see cref="SetAsync{T}(string, T)"/> does.
    /// </summary>
    public async Task RegenerateIdAsync()
    {
        if (!_documents.HasIds)
        {
            return;
        }

        using var turn = await TakeLoadedTurnAsync();
        _documents.RenewIdsOnNextWrite();
        if (_own is not null)
        {
            await _documents.WriteOwnAsync(Checked("(own)", _own, null));
        }

        if (_permanent is not null)
        {
            await _documents.WritePermanentAsync(Checked("(permanent)", _permanent.Values, _permanent.Expires));
        }
    }

    /// <summary>
    /// The key whose change is a sign-in or a sign-out (<c>AddBrowserSessionSignIn</c>): the session gets new ids with it
    /// (<see cref="RegenerateIdAsync"/>), so no id from before stays valid.
    /// </summary>
    internal string? SignInKey { get; set; }

    /// <summary>
    /// How many handlers <see cref="Changed"/> and <see cref="KeysChanged"/> have: a test checks with it that a component
    /// lets go.
    /// </summary>
    internal int ChangedSubscriberCount =>
        (Changed?.GetInvocationList().Length ?? 0) + (KeysChanged?.GetInvocationList().Length ?? 0);

    /// <summary>
    /// Names the circuit in this session's log lines (its public <c>Circuit.Id</c>), and makes this a circuit's session:
    /// only a circuit's read is made again when the store comes back (a request's page has been sent by then).
    /// </summary>
    internal void AttachToCircuit(string circuitId)
    {
        _documents.Circuit = circuitId;
        _inCircuit = true;
    }

    /// <summary>
    /// Starts from the places as a prerender read them (<see cref="FirstRender.PrerenderedSession"/>), so the first
    /// interactive render shows what the prerender showed; <see cref="LoadAsync"/> still reads the browser, and
    /// changes wait for that read.
    /// </summary>
    internal async Task StartFromAsync(IBrowserStorage tab, IBrowserStorage browser)
    {
        // No metrics: what cannot be read was counted by the request that read it first.
        var prerendered = new SessionDocuments(tab, browser, _clock, _logger, new BrowserSessionMetrics(null));
        try
        {
            var (own, permanent) = await prerendered.ReadBothAsync();
            if (Status == BrowserSessionStatus.NotLoaded)
            {
                Publish(own, permanent);
            }
        }
        catch (BrowserStorageUnavailableException)
        {
            // The server-side store, away: the circuit starts without, and its own read reports it.
        }
    }

    /// <summary>
    /// After a reconnection: a read still in flight may have lost the browser's answer with the old connection, and
    /// would only time out (after the circuit's JS interop timeout, a minute by default), so it is made again. Whoever
    /// awaits the first read is answered by this one; the abandoned read's late outcome is ignored.
    /// </summary>
    internal void ReadAgainIfUnanswered()
    {
        if (_load is { Task.IsCompleted: false } pending)
        {
            _ = ReadAsync(++_readNumber, pending);
        }
    }

    /// <summary>
    /// The tab's page stored what the server changed while rendering it (an enhanced static form post that this
    /// circuit outlived): both places are read again. Before the first read, that read will see it.
    /// </summary>
    internal async Task ReadAgainAsync()
    {
        if (!IsLoaded)
        {
            return;
        }

        using var turn = await TakeTurnAsync();
        try
        {
            var (own, permanent) = await _documents.ReadBothAsync();
            Publish(own, permanent);
        }
        catch (BrowserStorageUnavailableException exception)
        {
            _documents.LogUnavailable("reading the session the page stored", exception);
        }
    }

    /// <summary>
    /// Another tab may have changed or ended the permanent session (a reconnection after the tab was away): a tab
    /// that shares it reads it again. A tab with a session of its own keeps it.
    /// </summary>
    internal async Task FollowPermanentSessionAsync()
    {
        if (!IsLoaded || _own is not null)
        {
            return;
        }

        using var turn = await TakeTurnAsync();
        StoredValues? permanent;
        try
        {
            permanent = await _documents.ReadPermanentAsync();
        }
        catch (BrowserStorageUnavailableException exception)
        {
            _documents.LogUnavailable("following the permanent session", exception);
            return;
        }

        if (_own is null)
        {
            Publish(null, permanent, SessionChange.Between(Values, permanent?.Values ?? NoValues, fromAnotherTab: true));
        }
    }

    private JsonElement Serialize<T>(T value) => JsonSerializer.SerializeToElement(value, _json);

    // The value for the key, computed from the current values (null removes the key), checked against the limit,
    // written where the session is kept (or, with permanent given, where it is to be kept), and only then published:
    // a change that cannot be stored leaves the session as it was. A permanent session's expiry starts again from
    // each change.
    private async Task ChangeAsync(string key, Func<IReadOnlyDictionary<string, JsonElement>, JsonElement?> valueFor,
        bool? permanent = null)
    {
        using var turn = await TakeLoadedTurnAsync();
        var values = new Dictionary<string, JsonElement>(Values, StringComparer.Ordinal);
        if (valueFor(Values) is { } value)
        {
            values[key] = value;
        }
        else if (!values.Remove(key))
        {
            return;
        }

        if (key == SignInKey && !SameValue(Values, values, key))
        {
            _documents.RenewIdsOnNextWrite();
        }

        if (permanent ?? IsPermanent)
        {
            await WritePermanentAsync(key, values, SessionChange.Of(key));
        }
        else
        {
            // Kept even when empty: a tab with a session of its own never starts sharing a permanent one by itself.
            await _documents.WriteOwnAsync(Checked(key, values, null));
            Publish(values, _permanent, SessionChange.Of(key));
        }
    }

    // The values as the permanent session, for RememberFor from now. A tab with its own document stops using it: it
    // is deleted beside the write, both sent at once, so making a session permanent costs one round trip.
    private async Task WritePermanentAsync(string key, Dictionary<string, JsonElement> values, SessionChange change)
    {
        var stored = new StoredValues(values, _clock.GetUtcNow() + _rememberFor);
        var write = _documents.WritePermanentAsync(Checked(key, values, stored.Expires));
        await (_own is null ? write : Task.WhenAll(write, _documents.DeleteOwnAsync()));
        PermanentSessionWritten?.Invoke();
        Publish(null, stored, change);
    }

    private static bool SameValue(Dictionary<string, JsonElement> before,
        Dictionary<string, JsonElement> after, string key) =>
        before.TryGetValue(key, out var was) ? after.TryGetValue(key, out var now) && JsonElement.DeepEquals(was, now)
            : !after.ContainsKey(key);

    private JsonElement Checked(string key, Dictionary<string, JsonElement> values, DateTimeOffset? expires)
    {
        var (document, bytes) = SessionDocuments.Format(values, expires);
        return bytes > _maxBytes ? throw new SessionTooLargeException(key, bytes, _maxBytes) : document;
    }

    // A read finishing after a change would put the old values back, so a change waits for the read, and writing over
    // a session this circuit could not read would lose what the browser holds, so it is refused.
    private async Task<ChangeTurn> TakeLoadedTurnAsync()
    {
        await LoadAsync();
        var turn = await TakeTurnAsync();
        if (!IsLoaded)
        {
            turn.Dispose();
            throw new BrowserStorageUnavailableException(
                _loadFailure ?? new InvalidOperationException("The session has not been read from the browser."));
        }

        return turn;
    }

    // Waits until every change made before this one is done (however it ended); disposing the turn lets the next go.
    private async Task<ChangeTurn> TakeTurnAsync()
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var previous = Interlocked.Exchange(ref _lastChange, done.Task);
        await previous;
        return new ChangeTurn(done);
    }

    private readonly struct ChangeTurn(TaskCompletionSource done) : IDisposable
    {
        public void Dispose() => done.TrySetResult();
    }

    private async Task ReadAsync(int readNumber, TaskCompletionSource done)
    {
        try
        {
            await ReadAsync(readNumber);
            done.TrySetResult();
        }
        catch (Exception exception)
        {
            done.TrySetException(exception);
        }
    }

    private async Task ReadAsync(int readNumber)
    {
        try
        {
            var (own, permanent) = await _documents.ReadBothAsync();
            if (readNumber == _readNumber)
            {
                Publish(own, permanent);
            }
        }
        catch (BrowserStorageUnavailableException exception) when (readNumber == _readNumber)
        {
            _documents.LogUnavailable("reading the session", exception);
            _loadFailure = exception;
            Status = BrowserSessionStatus.Unavailable;
            if (_inCircuit && exception.InnerException is SessionStoreUnavailableException)
            {
                // Its timer is set before anyone is told: whoever hears Changed sees a retry already on its way.
                _ = ReadAgainWhenTheStoreIsBackAsync();
            }

            RaiseChanged(SessionChange.Nothing);
        }
        catch (BrowserStorageUnavailableException)
        {
            // An abandoned read (ReadAgainIfUnanswered): its outcome no longer matters.
        }
    }

    // The server's store comes back by itself (a Redis restart): the read is made again, 1 s later, then 2, 4… up to
    // 30 s apart, until it answers or the browser itself is out of reach (the circuit has gone). A component that
    // shows Unavailable is then told by Changed, with nothing for the visitor to do.
    private async Task ReadAgainWhenTheStoreIsBackAsync()
    {
        _storeRetryDelay = _storeRetryDelay is { } previous
            ? TimeSpan.FromTicks(Math.Min(previous.Ticks * 2, MaxStoreRetryDelay.Ticks))
            : TimeSpan.FromSeconds(1);
        await Task.Delay(_storeRetryDelay.Value, _clock);
        if (Status == BrowserSessionStatus.Unavailable)
        {
            await LoadAsync();
        }
    }

    // What was read is told as the keys it changed; a change made here says which key it made.
    private void Publish(Dictionary<string, JsonElement>? own, StoredValues? permanent, SessionChange? change = null)
    {
        change ??= SessionChange.Between(Values, own ?? permanent?.Values ?? NoValues, fromAnotherTab: false);
        _storeRetryDelay = null;
        _own = own;
        _permanent = permanent;
        Status = BrowserSessionStatus.Loaded;
        RaiseChanged(change);
    }

    private void RaiseChanged(SessionChange change)
    {
        Changed?.Invoke();
        KeysChanged?.Invoke(change);
    }
}
