using BlazorSession.Storage;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.Components.Server.ProtectedBrowserStorage;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

public static class BrowserSessionServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="BlazorSession.BrowserSession"/>, one per circuit, kept in the tab's protected sessionStorage.
    /// Data Protection is added with its defaults only if the app has not configured it: the app's own application
    /// name and key ring are used, so every server that should read what another wrote must share them.
    /// </summary>
    public static IServiceCollection AddBrowserSession(this IServiceCollection services) =>
        services.AddBrowserSession(_ => { });

    /// <inheritdoc cref="AddBrowserSession(IServiceCollection)"/>
    public static IServiceCollection AddBrowserSession(this IServiceCollection services,
        Action<BlazorSession.BrowserSessionOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        services.Configure(configure);
        services.AddDataProtection();
        services.TryAddScoped<ProtectedSessionStorage>();
        services.TryAddKeyedScoped<IBrowserStorage>(BrowserStoragePlace.Tab,
            (provider, _) => new ProtectedBrowserStorageAdapter(provider.GetRequiredService<ProtectedSessionStorage>()));
        services.TryAddScoped<BlazorSession.BrowserSession>();
        services.TryAddEnumerable(ServiceDescriptor.Scoped<CircuitHandler, BlazorSession.LoadSessionWhenCircuitOpens>());
        return services;
    }
}
