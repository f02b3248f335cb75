namespace BlazorSession.App.Hosting;

/// <summary>
/// Where the app keeps its sessions, from <c>Session:Store</c>: <c>Browser</c> (the default: the values in the tab's
/// and the browser's protected storage) or <c>Server</c> (the library's server-side store: HybridCache in memory on
/// one node, Redis when <c>ConnectionStrings:Redis</c> is set, shared by every node). README.md says when to choose which.
/// </summary>
public static class AppSessionStore
{
    public const string Setting = "Session:Store";

    /// <summary>Whether the configuration chooses the server-side store; anything but Browser or Server is refused.</summary>
    public static bool IsServer(IConfiguration configuration) => configuration[Setting] switch
    {
        null or "" or "Browser" => false,
        "Server" => true,
        _ => throw new InvalidOperationException($"{Setting} is Browser (the default) or Server."),
    };

    /// <summary>What the server-side store needs beside the library: HybridCache, and Redis when configured.</summary>
    public static IServiceCollection AddAppSessionStore(this IServiceCollection services, IConfiguration configuration)
    {
        if (IsServer(configuration))
        {
            services.AddHybridCache();
            services.TryKeepSessionsInRedis(configuration);
        }

        return services;
    }
}
