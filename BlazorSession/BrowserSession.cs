using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using BlazorSession.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BlazorSession;

/// <summary>
/// The session object of one circuit (one browser tab), as Flask's <c>session</c>: typed values under any key, kept
/// in the tab's protected sessionStorage, so they survive in-app navigation (no read: the circuit holds them) and
/// reloads of the tab (a new circuit reads them back). Scoped: one per circuit.
/// </summary>
/// <remarks>
/// The browser is read once per circuit (<see cref="LoadAsync"/>, started when the circuit opens); until then, and
/// always while prerendering, the session is not loaded and reads as empty, so show a loading state while
/// <see cref="IsLoaded"/> is false. Each change is written to the browser before its task completes, one change at a
/// time in the order made, and raises <see cref="Changed"/>. <see cref="Get{T}"/> returns a copy: changing it does not
/// change the session until it is set again.
/// </remarks>
public sealed class BrowserSession(
    [FromKeyedServices(BrowserStoragePlace.Tab)] IBrowserStorage tab,
    IOptions<BrowserSessionOptions> options,
    ILogger<BrowserSession> logger)
{
    /// <summary>
    /// The most the stored session may take, in bytes of JSON (all keys and values together). The browser sends it
    /// back through the circuit, encrypted and base64-encoded (about 4/3 of this, 16.5 KB at most), and a message of
    /// the circuit is limited to 32 KB: values read back above about 24 KB hang the read.
    /// </summary>
    public const int MaxStoredBytes = 12 * 1024;

    /// <summary>The longest key, in characters.</summary>
    public const int MaxKeyLength = 128;

    internal const string StorageKey = "blazor-session";

    private readonly JsonSerializerOptions _json = options.Value.SerializerOptions;
    // The last change made: each waits for it, so it starts from what the previous one stored and none is lost.
    private Task _lastChange = Task.CompletedTask;
    // Replaced by each change, never changed in place, so Keys is a consistent snapshot.
    private Dictionary<string, JsonElement> _values = new(StringComparer.Ordinal);
    private HashSet<(string Key, Type Type)>? _reportedUnreadable;
    private TaskCompletionSource? _load;
    private int _readNumber;
    private Exception? _loadFailure;
    private string _circuit = "none";

    public BrowserSessionStatus Status { get; private set; } = BrowserSessionStatus.NotLoaded;

    public bool IsLoaded => Status == BrowserSessionStatus.Loaded;

    /// <summary>The keys that hold a value (none until loaded).</summary>
    public IReadOnlyCollection<string> Keys => _values.Keys;

    /// <summary>
    /// Raised after the session changes: loaded, a value set or removed, or cleared. Subscribe in a component and
    /// unsubscribe in its <c>Dispose</c>; re-render with <c>InvokeAsync(StateHasChanged)</c>.
    /// </summary>
    public event Action? Changed;

    /// <summary>
    /// Reads the browser unless it has been read; concurrent first calls share one read. After a read that could not
    /// reach the browser (<see cref="BrowserSessionStatus.Unavailable"/>), the next call tries again. Never throws
    /// for the browser's faults: an unreadable session (tampered, foreign, keys lost) is deleted and reads as empty.
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
        return _values.ContainsKey(key);
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
        if (!_values.TryGetValue(key, out var stored))
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
                BrowserSessionLog.ValueUnreadableAsType(logger, _circuit, key, typeof(T).Name);
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
    /// Replaces the value under <paramref name="key"/> with what <paramref name="update"/> makes of the current one
    /// (<c>default</c> when absent), after every change made before it: two quick clicks that each add one add two.
    /// Returns the value stored. Fails as <see cref="SetAsync{T}"/> does.
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

    /// <summary>Removes every value, here and in the browser.</summary>
    public async Task ClearAsync()
    {
        await LoadAsync();
        using var turn = await TakeTurnAsync();
        ThrowIfNotLoaded();
        await WriteAsync("clearing the session", () => tab.DeleteAsync(StorageKey));
        Publish(new Dictionary<string, JsonElement>(StringComparer.Ordinal));
    }

    /// <summary>Names the circuit in this session's log lines (its public <c>Circuit.Id</c>).</summary>
    internal void AttachToCircuit(string circuitId) => _circuit = circuitId;

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

    private JsonElement Serialize<T>(T value) => JsonSerializer.SerializeToElement(value, _json);

    // The value for the key, computed from the current values (null removes the key), checked against the limit,
    // written, and only then published: a change that cannot be stored leaves the session as it was.
    private async Task ChangeAsync(string key, Func<IReadOnlyDictionary<string, JsonElement>, JsonElement?> valueFor)
    {
        // A read finishing after this change would put the old values back: let it finish first.
        await LoadAsync();
        using var turn = await TakeTurnAsync();
        ThrowIfNotLoaded();
        var values = new Dictionary<string, JsonElement>(_values, StringComparer.Ordinal);
        if (valueFor(_values) is { } value)
        {
            values[key] = value;
        }
        else if (!values.Remove(key))
        {
            return;
        }

        if (values.Count == 0)
        {
            await WriteAsync("clearing the session", () => tab.DeleteAsync(StorageKey));
        }
        else
        {
            var (document, bytes) = StoredValuesFormat.Write(values);
            if (bytes > MaxStoredBytes)
            {
                throw new SessionTooLargeException(key, bytes);
            }

            await WriteAsync("saving the session", () => tab.SetAsync(StorageKey, document));
        }

        Publish(values);
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

    // Writing over a session this circuit could not read would lose what the browser holds.
    private void ThrowIfNotLoaded()
    {
        if (!IsLoaded)
        {
            throw new BrowserStorageUnavailableException(
                _loadFailure ?? new InvalidOperationException("The session has not been read from the browser."));
        }
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
        Dictionary<string, JsonElement>? values;
        try
        {
            values = await tab.GetAsync(StorageKey) is { } document
                ? StoredValuesFormat.Read(document) ?? throw new StoredValueUnreadableException(StorageKey)
                : new(StringComparer.Ordinal);
        }
        catch (StoredValueUnreadableException exception)
        {
            BrowserSessionLog.StoredSessionUnreadable(logger, _circuit, DescribeCause(exception));
            values = new(StringComparer.Ordinal);
            await DeleteUnreadableAsync();
        }
        catch (BrowserStorageUnavailableException exception)
        {
            if (readNumber == _readNumber)
            {
                BrowserSessionLog.StorageUnavailable(logger, _circuit, "reading the session", DescribeCause(exception));
                _loadFailure = exception;
                Status = BrowserSessionStatus.Unavailable;
                Changed?.Invoke();
            }

            return;
        }

        if (readNumber == _readNumber)
        {
            Publish(values);
        }
    }

    private async Task DeleteUnreadableAsync()
    {
        try
        {
            await tab.DeleteAsync(StorageKey);
        }
        catch (BrowserStorageUnavailableException exception)
        {
            // The entry is caught again on the next read; nothing is lost.
            BrowserSessionLog.StorageUnavailable(logger, _circuit, "deleting an unreadable session", DescribeCause(exception));
        }
    }

    // A write the browser could not take is logged here and still thrown: the page says so and offers a retry.
    private async Task WriteAsync(string operation, Func<ValueTask> write)
    {
        try
        {
            await write();
        }
        catch (BrowserStorageUnavailableException exception)
        {
            BrowserSessionLog.StorageUnavailable(logger, _circuit, operation, DescribeCause(exception));
            throw;
        }
    }

    private void Publish(Dictionary<string, JsonElement> values)
    {
        _values = values;
        Status = BrowserSessionStatus.Loaded;
        Changed?.Invoke();
    }

    private static string DescribeCause(Exception exception) =>
        exception.InnerException?.GetType().Name ?? "unexpected payload";
}
