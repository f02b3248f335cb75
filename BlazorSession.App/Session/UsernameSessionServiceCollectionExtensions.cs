using BlazorSession.App.Hosting;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace BlazorSession.App.Session;

public static class UsernameSessionServiceCollectionExtensions
{
    /// <summary>The configuration section of the session's options (<c>Session:RememberFor</c>).</summary>
    public const string Section = "Session";

    /// <summary>
    /// The app's parts over a registered <see cref="BrowserSession"/> (the real one, <c>AddBrowserSession</c>, or the
    /// test package's in-memory one): the name's session (<see cref="UsernameSession"/>), the upgrade of what browsers
    /// kept before (<see cref="PreviousFormatUpgrade"/>), and the sign-in Blazor's authorization sees, from the
    /// name under <see cref="UsernameSession.Key"/>. The app and its tests both register through this.
    /// </summary>
    public static IServiceCollection AddUsernameSession(this IServiceCollection services)
    {
        services.TryAddSingleton<SessionMetrics>();
        services.TryAddSingleton(new SessionTrouble(serverStore: false));
        services.AddScoped<UsernameSession>();
        services.AddScoped<CircuitHandler, PreviousFormatUpgrade>();
        return services.AddBrowserSessionSignIn(UsernameSession.Key.Name, UsernameRules.IsSavedName);
    }

    /// <summary>
    /// The library's session, with its options from the <see cref="Section"/> section and its store from
    /// <see cref="AppSessionStore"/>, and the app's parts.
    /// </summary>
    public static IServiceCollection AddAppSession(this IServiceCollection services, IConfiguration configuration)
    {
        var server = AppSessionStore.IsServer(configuration);
        services.AddBrowserSession(options =>
        {
            if (server)
            {
                options.UseServerStore();
            }
        });
        services.AddAppSessionStore(configuration);
        services.AddSingleton(new SessionTrouble(server));
        services.AddOptions<BrowserSessionOptions>().Bind(configuration.GetSection(Section));
        return services.AddUsernameSession();
    }
}
