using BlazorSession.Storage;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BlazorSession.ServerStore;

/// <summary>How <c>AddBrowserSession</c> puts the server-side store between the session and the browser's places.</summary>
internal static class ServerStoreServiceCollectionExtensions
{
    public const string NoStoreMessage =
        "UseServerStore keeps sessions in the app's HybridCache: call builder.Services.AddHybridCache() (and, for several " +
        "nodes, register an IDistributedCache such as AddStackExchangeRedisCache).";

    public static void AddServerStore(this IServiceCollection services)
    {
        services.TryAddSingleton<SessionStoreLocks>();
        services.TryAddSingleton<ISessionStore>(provider => provider.GetService<IDistributedCache>() is { } distributed
            ? new DistributedCacheSessionStore(distributed)
            : new HybridCacheSessionStore(
                provider.GetService<HybridCache>() ?? throw new InvalidOperationException(NoStoreMessage),
                provider.GetRequiredService<TimeProvider>()));
    }

    /// <summary>Whether the app registered what <see cref="BrowserSessionOptions.UseServerStore"/> needs.</summary>
    public static bool HasAStore(BrowserSessionOptions options, IServiceProvider provider) =>
        options.ServerStore is null
        || provider.GetService<IDistributedCache>() is not null
        || provider.GetService<HybridCache>() is not null;

    /// <summary><paramref name="place"/> as the session uses it: itself, or with the server-side store, a pointer's place.</summary>
    public static IBrowserStorage AsSessionPlace(this IServiceProvider provider, IBrowserStorage place,
        BrowserStoragePlace which) =>
        provider.GetRequiredService<IOptions<BrowserSessionOptions>>().Value.ServerStore is { } server
            ? new ServerStoredPlace(place, which == BrowserStoragePlace.Browser, provider.GetRequiredService<ISessionStore>(),
                provider.GetRequiredService<SessionStoreLocks>(), server.IdleTimeout,
                provider.GetRequiredService<ILogger<ServerStoredPlace>>())
            : place;
}
