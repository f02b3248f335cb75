using BlazorSession.ServerStore;
using BlazorSession.Testing;
using BlazorSession.Tests.Fakes;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace BlazorSession.Tests.Library.ServerStore;

/// <summary>Which store a test runs against: HybridCache in memory (one node), or a distributed cache (Redis's stand-in).</summary>
public enum StoreKind
{
    Hybrid,
    Distributed,
}

/// <summary>
/// One browser (its localStorage shared by its tabs) of an app whose sessions live in the server-side store: each tab
/// has its own sessionStorage, and each circuit its own <see cref="BrowserSession"/> over pointers to the store.
/// </summary>
internal sealed class ServerStoreBrowser : IDisposable
{
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromHours(2);

    private readonly ServiceProvider _services;
    private readonly SessionStoreLocks _locks = new();

    public ServerStoreBrowser(StoreKind kind, int maxSessionBytes = 1024 * 1024)
    {
        MaxSessionBytes = maxSessionBytes;
        var services = new ServiceCollection().AddSingleton<TimeProvider>(Clock);
        services.AddHybridCache();
        _services = services.BuildServiceProvider();
        Store = kind == StoreKind.Hybrid
            ? new HybridCacheSessionStore(_services.GetRequiredService<HybridCache>(), Clock)
            : new DistributedCacheSessionStore(Cache);
    }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 12, 7, 12, 0, 0, TimeSpan.Zero));

    public StoppableDistributedCache Cache { get; } = new();

    public int MaxSessionBytes { get; }

    public InMemoryBrowserStorage LocalStorage { get; set; } = new();

    internal ISessionStore Store { get; }

    /// <summary>A circuit of the tab whose sessionStorage is <paramref name="sessionStorage"/> (a new tab when null).</summary>
    public (BrowserSession Session, InMemoryBrowserStorage SessionStorage) OpenTab(
        InMemoryBrowserStorage? sessionStorage = null, ILogger? logger = null, string? signInKey = null)
    {
        sessionStorage ??= new InMemoryBrowserStorage();
        logger ??= NullLogger.Instance;
        var options = new BrowserSessionOptions().UseServerStore(store =>
        {
            store.MaxSessionBytes = MaxSessionBytes;
            store.IdleTimeout = IdleTimeout;
        });
        var session = SessionHarness.Create(
            new ServerStoredPlace(sessionStorage, permanent: false, Store, _locks, IdleTimeout, logger),
            new ServerStoredPlace(LocalStorage, permanent: true, Store, _locks, IdleTimeout, logger),
            options, Clock);
        session.SignInKey = signInKey;
        return (session, sessionStorage);
    }

    /// <summary>The id <paramref name="place"/> holds (as a pointer's JSON), or null.</summary>
    public static string? IdIn(InMemoryBrowserStorage place) =>
        place.Peek(BrowserSession.StorageKey) is { } pointer ? SessionPointer.Read(pointer) : null;

    public void Dispose() => _services.Dispose();
}
