using BlazorSession.App.Session;
using Microsoft.JSInterop;

namespace BlazorSession.Tests.Fakes;

/// <summary>
/// A browser store in a dictionary, with switches for the faults the real one has: an entry that cannot be read,
/// a browser that cannot be reached, and a read held open until the test releases it.
/// </summary>
internal sealed class InMemoryBrowserSessionStore : IBrowserSessionStore
{
    private readonly Dictionary<string, object> _values = [];
    private readonly HashSet<string> _unreadableKeys = [];
    private TaskCompletionSource? _readGate;

    public int ReadCount { get; private set; }

    public int WriteCount { get; private set; }

    /// <summary>When set, every call fails as if the connection to the browser had dropped.</summary>
    public bool Unavailable { get; set; }

    /// <summary>
    /// When set, reads are made but never answered, as when the connection drops after the browser got the call and
    /// before its answer arrived (the framework's call then only times out, after a minute).
    /// </summary>
    public bool AnswersLost { get; set; }

    public bool Contains(string key) => _values.ContainsKey(key) || _unreadableKeys.Contains(key);

    public object? Peek(string key) => _values.GetValueOrDefault(key);

    public void Put(string key, object value)
    {
        _unreadableKeys.Remove(key);
        _values[key] = value;
    }

    /// <summary>Stores an entry that fails to decrypt or parse, as a tampered or foreign value would.</summary>
    public void PutUnreadable(string key)
    {
        _values.Remove(key);
        _unreadableKeys.Add(key);
    }

    /// <summary>
    /// Holds the answer of every read until <see cref="ReleaseReads"/> is called; what it answers is taken when the
    /// read is made.
    /// </summary>
    public void HoldReads() => _readGate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    public void ReleaseReads() => _readGate?.TrySetResult();

    public async ValueTask<T?> GetAsync<T>(string key)
    {
        ReadCount++;
        // A browser runs getItem when the call arrives and only its answer comes back late: a held read answers
        // with what was stored when it was made, never with a write that happened while it was held.
        if (AnswersLost)
        {
            await new TaskCompletionSource().Task;
        }

        var unreadable = _unreadableKeys.Contains(key);
        var found = _values.TryGetValue(key, out var value);
        if (_readGate is not null)
        {
            await _readGate.Task;
        }

        ThrowIfUnavailable();
        if (unreadable)
        {
            throw new StoredValueUnreadableException(key);
        }

        return found ? (T)value! : default;
    }

    public ValueTask SetAsync<T>(string key, T value) where T : notnull
    {
        ThrowIfUnavailable();
        WriteCount++;
        Put(key, value);
        return ValueTask.CompletedTask;
    }

    public ValueTask DeleteAsync(string key)
    {
        ThrowIfUnavailable();
        _values.Remove(key);
        _unreadableKeys.Remove(key);
        return ValueTask.CompletedTask;
    }

    private void ThrowIfUnavailable()
    {
        if (Unavailable)
        {
            throw new BrowserStoreUnavailableException(new JSDisconnectedException("The circuit is disconnected."));
        }
    }
}
