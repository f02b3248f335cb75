using BlazorSession;
using BlazorSession.Storage;
using BlazorSession.Testing;

namespace Microsoft.Extensions.DependencyInjection;

public static class InMemoryBrowserSessionServiceCollectionExtensions
{
    /// <summary>
    /// Adds the session exactly as <c>AddBrowserSession</c> does, with the browser's storage in memory: one
    /// <see cref="InMemoryBrowserStorage"/> per place, shared by every scope, as one tab's storage outlives its
    /// circuits (a new scope is a reload of the tab). Seed and inspect the session through <see cref="BrowserSession"/>,
    /// and the stored JSON through <see cref="GetInMemoryBrowserStorage"/>.
    /// </summary>
    public static IServiceCollection AddInMemoryBrowserSession(this IServiceCollection services) =>
        services.AddInMemoryBrowserSession(_ => { });

    /// <inheritdoc cref="AddInMemoryBrowserSession(IServiceCollection)"/>
    public static IServiceCollection AddInMemoryBrowserSession(this IServiceCollection services,
        Action<BrowserSessionOptions> configure)
    {
        foreach (var place in Enum.GetValues<BrowserStoragePlace>())
        {
            services.AddKeyedSingleton(place, (_, _) => new InMemoryBrowserStorage());
            services.AddKeyedSingleton<IBrowserStorage>(place,
                (provider, key) => provider.GetRequiredKeyedService<InMemoryBrowserStorage>(key));
        }

        // Registered first, the in-memory storage is what AddBrowserSession finds already there.
        return services.AddBrowserSession(configure);
    }

    /// <summary>The in-memory storage of <paramref name="place"/>, to seed faults or look at what was stored.</summary>
    public static InMemoryBrowserStorage GetInMemoryBrowserStorage(this IServiceProvider services,
        BrowserStoragePlace place = BrowserStoragePlace.Tab) =>
        services.GetRequiredKeyedService<InMemoryBrowserStorage>(place);
}
