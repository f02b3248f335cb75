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

    /// <summary>
    /// Reads the session of <paramref name="services"/>' scope before a component renders, as <c>UseBrowserSession</c>
    /// reads what a request carried: a static page, or an interactive page's prerender, rendered next shows the values
    /// from its first render, with no <c>LoadAsync</c>. <paramref name="seed"/> stores them first through a session of
    /// another scope, as an earlier circuit of the tab would have.
    /// </summary>
    public static async Task<BrowserSession> SeedRequestSessionAsync(this IServiceProvider services,
        Func<BrowserSession, Task> seed)
    {
        ArgumentNullException.ThrowIfNull(seed);
        await using (var earlier = services.CreateAsyncScope())
        {
            await seed(earlier.ServiceProvider.GetRequiredService<BrowserSession>());
        }

        var session = services.GetRequiredService<BrowserSession>();
        await session.LoadAsync();
        return session;
    }

    /// <summary>The in-memory storage of <paramref name="place"/>, to seed faults or look at what was stored.</summary>
    public static InMemoryBrowserStorage GetInMemoryBrowserStorage(this IServiceProvider services,
        BrowserStoragePlace place = BrowserStoragePlace.Tab) =>
        services.GetRequiredKeyedService<InMemoryBrowserStorage>(place);
}
