namespace BlazorSession;

/// <summary>
/// A change that would make the stored session larger than its limit: <see cref="BrowserSession.MaxStoredBytes"/> in
/// the browser, <see cref="ServerStore.ServerStoreOptions.MaxSessionBytes"/> in the server-side store. Nothing was
/// stored: the session still holds what it held before.
/// </summary>
public sealed class SessionTooLargeException : InvalidOperationException
{
    public SessionTooLargeException(string key, int storedBytes)
        : this(key, storedBytes, BrowserSession.MaxStoredBytes)
    {
    }

    public SessionTooLargeException(string key, int storedBytes, int maxBytes)
        : base($"Storing '{key}' would make the session {storedBytes:N0} bytes, over its limit of {maxBytes:N0} " +
            (maxBytes == BrowserSession.MaxStoredBytes
                ? $"(BrowserSession.{nameof(BrowserSession.MaxStoredBytes)}): the session is read back through the circuit, whose messages are limited to 32 KB."
                : "(ServerStoreOptions.MaxSessionBytes).") +
            " Nothing was stored.")
    {
        Key = key;
        StoredBytes = storedBytes;
        MaxBytes = maxBytes;
    }

    /// <summary>The key whose value did not fit.</summary>
    public string Key { get; }

    /// <summary>The size, in bytes of JSON, that the session would have had.</summary>
    public int StoredBytes { get; }

    /// <summary>The limit it would have passed, in bytes of JSON.</summary>
    public int MaxBytes { get; }
}
