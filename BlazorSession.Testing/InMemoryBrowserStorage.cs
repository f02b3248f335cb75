using System.Text.Json;
using BlazorSession.Storage;
using Microsoft.JSInterop;

namespace BlazorSession.Testing;

/// <summary>
/// One place of the browser's storage in a dictionary, as JSON (so a value that does not serialize fails here as it
/// would in a browser), with the faults a real one has: a value that cannot be read, and a browser that cannot be
/// reached. Like a browser, it answers every call later, never within the call: what a component does while a read
/// or a write is in flight is part of what a test sees.
/// </summary>
public sealed class InMemoryBrowserStorage : IBrowserStorage
{
    private readonly Dictionary<string, JsonElement> _values = new(StringComparer.Ordinal);
    private readonly HashSet<string> _unreadableKeys = new(StringComparer.Ordinal);
    private TaskCompletionSource? _readGate;

    /// <summary>How many reads were made: a session reads once per circuit.</summary>
    public int ReadCount { get; private set; }

    /// <summary>How many writes (sets and deletes) reached the storage.</summary>
    public int WriteCount { get; private set; }

    /// <summary>When set, every call fails as if the connection to the browser had dropped.</summary>
    public bool Unavailable { get; set; }

    /// <summary>The keys that hold something, readable or not.</summary>
    public IReadOnlyCollection<string> StoredKeys => [.. _values.Keys, .. _unreadableKeys];

    /// <summary>The JSON stored under <paramref name="key"/>, or <c>null</c>.</summary>
    public JsonElement? Peek(string key) => _values.TryGetValue(key, out var value) ? value : null;

    /// <summary>Stores an entry that fails to decrypt, as a tampered, foreign or key-lost value would.</summary>
    public void PutUnreadable(string key)
    {
        _values.Remove(key);
        _unreadableKeys.Add(key);
    }

    /// <summary>
    /// Holds the answer of every read until <see cref="ReleaseReads"/>, to see what a component shows while the
    /// session is loading. A held read answers with what was stored when it was made, as a browser's would.
    /// </summary>
    public void HoldReads() => _readGate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Lets the held reads (and every later one) answer.</summary>
    public void ReleaseReads() => _readGate?.TrySetResult();

    public async ValueTask<JsonElement?> GetAsync(string key)
    {
        ReadCount++;
        await Task.Yield();
        var unreadable = _unreadableKeys.Contains(key);
        var value = Peek(key);
        if (_readGate is not null)
        {
            await _readGate.Task;
        }

        ThrowIfUnavailable();
        return unreadable ? throw new StoredValueUnreadableException(key) : value;
    }

    public async ValueTask SetAsync(string key, JsonElement value)
    {
        await Task.Yield();
        ThrowIfUnavailable();
        WriteCount++;
        _unreadableKeys.Remove(key);
        _values[key] = value.Clone();
    }

    public async ValueTask DeleteAsync(string key)
    {
        await Task.Yield();
        ThrowIfUnavailable();
        WriteCount++;
        _values.Remove(key);
        _unreadableKeys.Remove(key);
    }

    private void ThrowIfUnavailable()
    {
        if (Unavailable)
        {
            throw new BrowserStorageUnavailableException(new JSDisconnectedException("The circuit is disconnected."));
        }
    }
}
