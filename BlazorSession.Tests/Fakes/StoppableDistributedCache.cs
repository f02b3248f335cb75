using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace BlazorSession.Tests.Fakes;

/// <summary>
/// A distributed cache in memory that can be stopped, as Redis can, and that records the expiry each entry was written
/// with (Redis enforces it; a test checks what it was told). Like Redis, it answers every call later, never within the
/// call, so two writers' calls interleave as they would over a network.
/// </summary>
public sealed class StoppableDistributedCache : IDistributedCache
{
    private readonly MemoryDistributedCache _cache = new(Options.Create(new MemoryDistributedCacheOptions()));

    /// <summary>When set, every call fails as a dropped Redis connection does.</summary>
    public bool Stopped { get; set; }

    public Dictionary<string, DistributedCacheEntryOptions> WrittenWith { get; } = [];

    public byte[]? Get(string key) => throw new NotSupportedException("The session store is asynchronous.");

    public async Task<byte[]?> GetAsync(string key, CancellationToken token = default)
    {
        await ThrowIfStoppedAsync();
        return await _cache.GetAsync(key, token);
    }

    public void Set(string key, byte[] value, DistributedCacheEntryOptions options) =>
        throw new NotSupportedException("The session store is asynchronous.");

    public async Task SetAsync(string key, byte[] value, DistributedCacheEntryOptions options, CancellationToken token = default)
    {
        await ThrowIfStoppedAsync();
        WrittenWith[key] = options;
        await _cache.SetAsync(key, value, options, token);
    }

    public void Refresh(string key) => throw new NotSupportedException("The session store is asynchronous.");

    public async Task RefreshAsync(string key, CancellationToken token = default)
    {
        await ThrowIfStoppedAsync();
        await _cache.RefreshAsync(key, token);
    }

    public void Remove(string key) => throw new NotSupportedException("The session store is asynchronous.");

    public async Task RemoveAsync(string key, CancellationToken token = default)
    {
        await ThrowIfStoppedAsync();
        await _cache.RemoveAsync(key, token);
    }

    private async Task ThrowIfStoppedAsync()
    {
        await Task.Yield();
        if (Stopped)
        {
            throw new TimeoutException("The cache is stopped.");
        }
    }
}
