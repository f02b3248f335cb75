using Microsoft.AspNetCore.DataProtection;

namespace BlazorSession.App.Hosting;

/// <summary>
/// The app's own Data Protection, which the session's values are encrypted and signed with: its application name,
/// and its key ring in Redis when <c>ConnectionStrings:Redis</c> is set (shared by every node, see
/// <see cref="ScaleOut"/>), otherwise where <c>DataProtection:KeysPath</c> says (see <see cref="ResolveKeysPath"/>).
/// </summary>
public static class AppDataProtection
{
    /// <summary>
    /// Every server that should read what another wrote must use the same application name and the same keys:
    /// Data Protection isolates payloads by application name. Kept from before the session library, so that what
    /// browsers stored then still decrypts.
    /// </summary>
    public const string ApplicationName = "BlazorSession";

    public const string KeysPathSetting = "DataProtection:KeysPath";

    public static IServiceCollection AddAppDataProtection(this IServiceCollection services, IConfiguration configuration,
        IHostEnvironment environment)
    {
        var dataProtection = services.AddDataProtection().SetApplicationName(ApplicationName);
        if (!dataProtection.TryPersistKeysToRedis(configuration))
        {
            dataProtection.PersistKeysToFileSystem(new DirectoryInfo(ResolveKeysPath(configuration, environment)));
        }

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
            : Path.Combine(userData, ApplicationName, "keys");
    }
}
