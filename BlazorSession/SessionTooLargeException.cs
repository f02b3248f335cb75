namespace BlazorSession;

/// <summary>
/// A change that would make the stored session larger than <see cref="BrowserSession.MaxStoredBytes"/>. Nothing was
/// stored: the session still holds what it held before.
/// </summary>
public sealed class SessionTooLargeException(string key, int storedBytes)
    : InvalidOperationException(
        $"Storing '{key}' would make the session {storedBytes:N0} bytes, over its limit of {BrowserSession.MaxStoredBytes:N0} " +
        $"(BrowserSession.{nameof(BrowserSession.MaxStoredBytes)}): the session is read back through the circuit, " +
        "whose messages are limited to 32 KB. Nothing was stored.")
{
    /// <summary>The key whose value did not fit.</summary>
    public string Key { get; } = key;

    /// <summary>The size, in bytes of JSON, that the session would have had.</summary>
    public int StoredBytes { get; } = storedBytes;
}
