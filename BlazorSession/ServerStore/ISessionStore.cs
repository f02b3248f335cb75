namespace BlazorSession.ServerStore;

/// <summary>
/// Where the server keeps sessions by id (<see cref="HybridCacheSessionStore"/> on one node,
/// <see cref="DistributedCacheSessionStore"/> when every node must see every change). A store that cannot be reached
/// throws <see cref="Storage.BrowserStorageUnavailableException"/> naming itself, as the browser's places do, so the
/// session handles both alike.
/// </summary>
internal interface ISessionStore
{
    /// <summary>The store as a message names it (the type of cache behind it, never an address).</summary>
    string Name { get; }

    /// <summary>The stored document, or null when there is none (never stored, expired or removed).</summary>
    Task<byte[]?> GetAsync(string id);

    Task SetAsync(string id, byte[] document, SessionLifetime lifetime);

    /// <summary>Keeps a session just read for another <see cref="SessionLifetime.Idle"/>, when it has one.</summary>
    Task KeepAsync(string id, byte[] document, SessionLifetime lifetime);

    Task RemoveAsync(string id);
}

/// <summary>How long a stored session lasts: unused for <see cref="Idle"/>, or until <see cref="Until"/>.</summary>
internal readonly record struct SessionLifetime(TimeSpan? Idle, DateTimeOffset? Until);
