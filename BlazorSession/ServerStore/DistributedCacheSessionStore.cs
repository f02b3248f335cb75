using BlazorSession.Storage;
using Microsoft.Extensions.Caching.Distributed;

namespace BlazorSession.ServerStore;

/// <summary>
/// Sessions in the app's <see cref="IDistributedCache"/> (Redis), read and written directly: every node sees a change
/// the moment it is made, where HybridCache's memory level would serve each node its own older copy, and an outage is
/// an error the session reports, where HybridCache reads it as a miss (docs/decisions/2026-12-07-server-store.md).
/// The cache's sliding expiration is the idle timeout: a read keeps the session.
/// </summary>
internal sealed class DistributedCacheSessionStore(IDistributedCache cache) : ISessionStore
{
    public string Name => cache.GetType().Name;

    public Task<byte[]?> GetAsync(string id) => Reaching(() => cache.GetAsync(SessionStoreKeys.For(id)));

    public Task SetAsync(string id, byte[] document, SessionLifetime lifetime) =>
        Reaching(async () =>
        {
            await cache.SetAsync(SessionStoreKeys.For(id), document, lifetime.Idle is { } idle
                ? new DistributedCacheEntryOptions { SlidingExpiration = idle }
                : new DistributedCacheEntryOptions { AbsoluteExpiration = lifetime.Until });
            return true;
        });

    // The read refreshed the sliding expiration already.
    public Task KeepAsync(string id, byte[] document, SessionLifetime lifetime) => Task.CompletedTask;

    public Task RemoveAsync(string id) =>
        Reaching(async () =>
        {
            await cache.RemoveAsync(SessionStoreKeys.For(id));
            return true;
        });

    private async Task<T> Reaching<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (Exception exception)
        {
            var cause = new SessionStoreUnavailableException(Name, exception);
            throw new BrowserStorageUnavailableException(cause.Message, cause);
        }
    }
}
