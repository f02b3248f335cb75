using System.Diagnostics.Metrics;
using BlazorSession.FirstRender;
using BlazorSession.ServerStore;
using BlazorSession.SignIn;
using BlazorSession.Storage;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.Components.Server.ProtectedBrowserStorage;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

public static class BrowserSessionServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="BlazorSession.BrowserSession"/>, one per circuit, kept in the tab's protected sessionStorage (and
    /// when made permanent, in the browser's protected localStorage).
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
        // Places registered before (the test package's, in memory) are used as they are, with no store between.
        var placesGiven = services.Any(service => service.IsKeyedService && service.ServiceType == typeof(IBrowserStorage));
        var options = services.AddOptions<BlazorSession.BrowserSessionOptions>()
            .Configure(configure)
            .ValidateDataAnnotations();
        if (!placesGiven)
        {
            options.Validate<IServiceProvider>(ServerStoreServiceCollectionExtensions.HasAStore,
                ServerStoreServiceCollectionExtensions.NoStoreMessage);
        }

        options.ValidateOnStart();
        services.AddServerStore();
        services.AddDataProtection();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddScoped<ProtectedSessionStorage>();
        services.TryAddScoped<ProtectedLocalStorage>();
        services.TryAddScoped<RequestSession>();
        // In a request (a static page, a prerender) the places are what the request carried; in a circuit, the browser.
        // With the server-side store, each place holds a pointer to the session instead (ServerStoredPlace).
        services.TryAddKeyedScoped<IBrowserStorage>(BrowserStoragePlace.Tab,
            (provider, _) => provider.AsSessionPlace((IBrowserStorage?)provider.GetRequiredService<RequestSession>().Tab
                ?? new ProtectedBrowserStorageAdapter(provider.GetRequiredService<ProtectedSessionStorage>()),
                BrowserStoragePlace.Tab));
        services.TryAddKeyedScoped<IBrowserStorage>(BrowserStoragePlace.Browser,
            (provider, _) => provider.AsSessionPlace((IBrowserStorage?)provider.GetRequiredService<RequestSession>().Browser
                ?? new ProtectedBrowserStorageAdapter(provider.GetRequiredService<ProtectedLocalStorage>()),
                BrowserStoragePlace.Browser));
        services.TryAddScoped(provider =>
        {
            var session = new BlazorSession.BrowserSession(
                provider.GetRequiredKeyedService<IBrowserStorage>(BrowserStoragePlace.Tab),
                provider.GetRequiredKeyedService<IBrowserStorage>(BrowserStoragePlace.Browser),
                provider.GetRequiredService<IOptions<BlazorSession.BrowserSessionOptions>>(),
                provider.GetRequiredService<TimeProvider>(),
                provider.GetRequiredService<ILogger<BlazorSession.BrowserSession>>(),
                provider.GetService<IMeterFactory>());
            session.SignInKey = provider.GetService<SignInKey>()?.Name;
            var request = provider.GetRequiredService<RequestSession>();
            if (request.IsAttached)
            {
                // What the request carried is read at once (no browser to wait for), so the first render has it, and
                // an interactive page's circuit starts from it.
                _ = session.LoadAsync();
                if (provider.GetService<PersistentComponentState>() is { } state)
                {
                    PrerenderedSession.HandOver(state, request);
                }
            }

            return session;
        });
        services.TryAddScoped<BlazorSession.PermanentSessionListener>();
        services.TryAddEnumerable(ServiceDescriptor.Scoped<CircuitHandler, BlazorSession.LoadSessionWhenCircuitOpens>());
        return services;
    }

    /// <summary>
    /// Makes the name stored under <paramref name="nameKey"/> a sign-in Blazor's authorization understands
    /// (<see cref="BrowserSessionAuthenticationStateProvider"/>, cascaded to every component). A page marked
    /// <c>[Authorize]</c> answers its first request (the middleware cannot know the sign-in, which no request carries)
    /// and is authorized in the circuit; any other endpoint is refused as usual. Call after <c>AddBrowserSession</c>,
    /// and after registering an <see cref="IAuthorizationMiddlewareResultHandler"/> of the app's own: that handler then
    /// makes every decision but the first request of an <c>[Authorize]</c> page.
    /// </summary>
    public static IServiceCollection AddBrowserSessionSignIn(this IServiceCollection services, string nameKey) =>
        services.AddBrowserSessionSignIn(nameKey, isName: null);

    /// <summary>
    /// As <see cref="AddBrowserSessionSignIn(IServiceCollection, string)"/>, with the app's own test of a stored name: a
    /// value <paramref name="isName"/> refuses (one the app's rules would not have saved) is no sign-in, so the
    /// authorization, and everything that shows the signed-in name, agrees with the app's own reader of the name.
    /// </summary>
    public static IServiceCollection AddBrowserSessionSignIn(this IServiceCollection services, string nameKey,
        Func<string, bool>? isName)
    {
        BlazorSession.SessionKeys.Validate(nameKey);
        services.AddSingleton(new SignInKey(nameKey, isName));
        services.AddAuthorization();
        // The app's authentication schemes, if any, still challenge for its other endpoints.
        services.AddAuthenticationCore();
        services.AddPagesAuthorizeInTheCircuit();
        services.AddScoped<AuthenticationStateProvider>(provider => new BrowserSessionAuthenticationStateProvider(
            provider.GetRequiredService<BlazorSession.BrowserSession>(), provider.GetRequiredService<SignInKey>()));
        services.AddCascadingAuthenticationState();
        return services;
    }

    // Ours decides a page's first request; an app's own handler registered before keeps every other decision, with
    // the lifetime it was registered with.
    private static void AddPagesAuthorizeInTheCircuit(this IServiceCollection services)
    {
        // The framework's own default (AddAuthorization) is not the app's: ours stands in for it.
        var appsOwn = services.LastOrDefault(service =>
            service.ServiceType == typeof(IAuthorizationMiddlewareResultHandler) && !service.IsKeyedService
            && service.ImplementationType != typeof(AuthorizationMiddlewareResultHandler));
        if (appsOwn is not null)
        {
            services.Remove(appsOwn);
            services.Add(Keyed(appsOwn, PagesAuthorizeInTheCircuit.AppsOwnKey));
        }

        services.RemoveAll<IAuthorizationMiddlewareResultHandler>();
        services.Add(new ServiceDescriptor(typeof(IAuthorizationMiddlewareResultHandler),
            provider => new PagesAuthorizeInTheCircuit(provider.GetRequiredService<IAuthenticationSchemeProvider>(),
                provider.GetKeyedService<IAuthorizationMiddlewareResultHandler>(PagesAuthorizeInTheCircuit.AppsOwnKey)),
            appsOwn?.Lifetime ?? ServiceLifetime.Singleton));
    }

    private static ServiceDescriptor Keyed(ServiceDescriptor service, string key) =>
        service.ImplementationInstance is { } instance ? new ServiceDescriptor(service.ServiceType, key, instance)
        : service.ImplementationFactory is { } factory
            ? new ServiceDescriptor(service.ServiceType, key, (provider, _) => factory(provider), service.Lifetime)
            : new ServiceDescriptor(service.ServiceType, key, service.ImplementationType!, service.Lifetime);
}
