using BlazorSession.App.Hosting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace BlazorSession.Tests.Http;

/// <summary>
/// The whole app in memory, built by its own <c>Program.cs</c>, for tests of what it answers over HTTP: no process, no
/// browser, no port. Production environment, a key directory of its own, and any configuration keys given.
/// </summary>
/// <remarks>
/// The app is found by its root component's assembly: the load generator, which the tests also reference, has a
/// <c>Program</c> of its own.
/// </remarks>
public sealed class AppFactory : WebApplicationFactory<App.Components.App>
{
    private readonly DirectoryInfo _keys = Directory.CreateTempSubdirectory("blazorsession-keys-");

    /// <summary>Configuration keys and values on top of the app's defaults.</summary>
    public IReadOnlyList<(string Key, string Value)> Settings { get; init; } = [];

    /// <summary>Services to put in place of the app's, after the app has registered its own.</summary>
    public Action<IServiceCollection>? ReplaceServices { get; init; }

    /// <summary>Where the app keeps its key ring: a response must never name it.</summary>
    public string KeysPath => _keys.FullName;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting(AppDataProtection.KeysPathSetting, _keys.FullName);
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        if (ReplaceServices is { } replace)
        {
            builder.ConfigureTestServices(replace);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        _keys.Delete(recursive: true);
    }
}
