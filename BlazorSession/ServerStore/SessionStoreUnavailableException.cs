namespace BlazorSession.ServerStore;

/// <summary>
/// The cause inside a <see cref="Storage.BrowserStorageUnavailableException"/> when the server's session store, not the
/// browser, could not be reached: the session tries its read again by itself, since the store comes back without the
/// visitor doing anything.
/// </summary>
internal sealed class SessionStoreUnavailableException(string store, Exception innerException)
    : Exception($"The session store ({store}) could not be reached.", innerException);
