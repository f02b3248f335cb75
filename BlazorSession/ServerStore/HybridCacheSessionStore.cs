using Microsoft.Extensions.Caching.Hybrid;

namespace BlazorSession.ServerStore;

/// <summary>
/// Sessions in the app's <see cref="HybridCache"/> with no second level: in this node's memory, for an app of one
/// node. HybridCache has no sliding expiration, so a read of a session with an idle timeout stores it again.
/// </summary>
internal sealed class HybridCacheSessionStore(HybridCache cache, TimeProvider clock) : ISessionStore
{
    // A read must not store what it did not find.
    private static readonly HybridCacheEntryOptions ReadOnly = new()
    {
        Flags = HybridCacheEntryFlags.DisableLocalCacheWrite | HybridCacheEntryFlags.DisableDistributedCache,
    };

    public string Name => nameof(HybridCache);

    // HybridCache answers a miss with what its serializer makes of the factory's null: an empty array for byte[].
    public async Task<byte[]?> GetAsync(string id) =>
        await cache.GetOrCreateAsync<byte[]?>(SessionStoreKeys.For(id), _ => ValueTask.FromResult<byte[]?>(null), ReadOnly)
            is { Length: > 0 } stored
            ? stored
            : null;

    public async Task SetAsync(string id, byte[] document, SessionLifetime lifetime)
    {
        var lasts = lifetime.Idle ?? lifetime.Until!.Value - clock.GetUtcNow();
        if (lasts <= TimeSpan.Zero)
        {
            await RemoveAsync(id);
            return;
        }

        await cache.SetAsync(SessionStoreKeys.For(id), document, new HybridCacheEntryOptions
        {
            Expiration = lasts,
            LocalCacheExpiration = lasts,
            Flags = HybridCacheEntryFlags.DisableDistributedCache,
        });
    }

    public Task KeepAsync(string id, byte[] document, SessionLifetime lifetime) =>
        lifetime.Idle is null ? Task.CompletedTask : SetAsync(id, document, lifetime);

    public async Task RemoveAsync(string id) => await cache.RemoveAsync(SessionStoreKeys.For(id));
}
