namespace BlazorSession.Storage;

/// <summary>
/// Something is stored under the key but cannot be turned back into a value: tampered with, written by another app,
/// protected with keys this server no longer has, or not JSON.
/// </summary>
public sealed class StoredValueUnreadableException(string key, Exception? innerException = null)
    : Exception($"The value stored under '{key}' cannot be read.", innerException)
{
    public string Key { get; } = key;
}

/// <summary>
/// The browser could not be reached: JavaScript interop is not available yet (prerendering) or any more (the
/// connection to the browser dropped), or the browser refused the call. With the server-side store
/// (<see cref="BrowserSessionOptions.UseServerStore"/>), also that store out of reach; the message names it.
/// </summary>
public sealed class BrowserStorageUnavailableException : Exception
{
    public BrowserStorageUnavailableException(Exception innerException)
        : this("The browser's storage could not be reached.", innerException)
    {
    }

    public BrowserStorageUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
