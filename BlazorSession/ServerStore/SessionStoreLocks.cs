namespace BlazorSession.ServerStore;

/// <summary>
/// One lock per session id on this node (striped: a fixed set of locks shared by hash), so two circuits of one
/// permanent session read, merge and write one at a time and neither loses the other's keys. Singleton.
/// </summary>
internal sealed class SessionStoreLocks
{
    private readonly SemaphoreSlim[] _locks = [.. Enumerable.Range(0, 64).Select(_ => new SemaphoreSlim(1, 1))];

    public async Task<IDisposable> TakeAsync(string id)
    {
        var taken = _locks[(uint)StringComparer.Ordinal.GetHashCode(id) % _locks.Length];
        await taken.WaitAsync();
        return new Release(taken);
    }

    private sealed class Release(SemaphoreSlim taken) : IDisposable
    {
        public void Dispose() => taken.Release();
    }
}
