using BlazorSession.App.Hosting;
using BlazorSession.App.SignIn;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.Components.Server.ProtectedBrowserStorage;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace BlazorSession.App.Session;

public static class SessionServiceCollectionExtensions
{
    /// <summary>
    /// Every server that should read what another wrote must use the same application name and the same keys:
    /// Data Protection isolates payloads by application name.
    /// </summary>
    public const string DataProtectionApplicationName = "BlazorSession";

    public const string KeysPathSetting = "DataProtection:KeysPath";

    /// <summary>
    /// Registers the per-circuit <see cref="SessionState"/>, its stores over protected sessionStorage (the tab's) and
    /// localStorage (the browser's "Keep me signed in", for <c>Session:RememberFor</c>), the sign-in
    /// that Blazor's authorization sees (<see cref="SessionAuthenticationStateProvider"/>, cascaded to every
    /// component; pages decide in the circuit, see <see cref="PagesAuthorizeInTheCircuit"/>), and Data
    /// Protection with keys in Redis when <c>ConnectionStrings:Redis</c> is set (shared by every node, see
    /// <see cref="ScaleOut"/>), otherwise where <c>DataProtection:KeysPath</c> says (see <see cref="ResolveKeysPath"/>).
    /// </summary>
    public static IServiceCollection AddBrowserSession(this IServiceCollection services, IConfiguration configuration,
        IHostEnvironment environment)
    {
        var dataProtection = services.AddDataProtection().SetApplicationName(DataProtectionApplicationName);
        if (!dataProtection.TryPersistKeysToRedis(configuration))
        {
            dataProtection.PersistKeysToFileSystem(new DirectoryInfo(ResolveKeysPath(configuration, environment)));
        }

        services.AddKeyedScoped<IBrowserSessionStore>(SessionPlace.Tab,
            (provider, _) => new ProtectedBrowserStore(provider.GetRequiredService<ProtectedSessionStorage>()));
        services.AddKeyedScoped<IBrowserSessionStore>(SessionPlace.Browser,
            (provider, _) => new ProtectedBrowserStore(provider.GetRequiredService<ProtectedLocalStorage>()));
        services.AddOptions<RememberedSignInOptions>()
            .Bind(configuration.GetSection(RememberedSignInOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<SessionMetrics>();
        services.AddScoped<RememberedSignInStore>();
        services.AddScoped<SessionState>();
        services.AddScoped<RememberedSignInListener>();
        services.AddScoped<CircuitHandler, ReadSessionWhenCircuitOpens>();
        services.AddStoredSessionPreview();

        services.AddAuthorization();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, PagesAuthorizeInTheCircuit>();
        services.AddScoped<AuthenticationStateProvider, SessionAuthenticationStateProvider>();
        services.AddCascadingAuthenticationState();
        return services;
    }

    /// <summary>
    /// The configured key directory, or by default one per user outside the app's folder (so a redeploy keeps the
    /// keys), falling back to the content root when the user has no home directory.
    /// </summary>
    public static string ResolveKeysPath(IConfiguration configuration, IHostEnvironment environment)
    {
        var configured = configuration[KeysPathSetting];
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Path.GetFullPath(configured, environment.ContentRootPath);
        }

        var userData = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData);
        return string.IsNullOrEmpty(userData)
            ? Path.Combine(environment.ContentRootPath, ".keys")
            : Path.Combine(userData, DataProtectionApplicationName, "keys");
    }
}
