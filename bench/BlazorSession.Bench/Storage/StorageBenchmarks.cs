using BenchmarkDotNet.Attributes;
using BlazorSession.App.Session;
using AppSession = BlazorSession.App.Session.SessionServiceCollectionExtensions;
using Microsoft.AspNetCore.Components.Server.ProtectedBrowserStorage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.JSInterop;

namespace BlazorSession.Bench.Storage;

/// <summary>
/// The server-side cost of one save and one read through the app's real storage path, registered exactly as the
/// app registers it (<see cref="AppSession.AddBrowserSession"/>): serialize + protect +
/// base64 on save, base64 + unprotect + deserialize on read. Only the browser is replaced, by a dictionary.
/// </summary>
[MemoryDiagnoser]
public class StorageBenchmarks
{
    private const string StorageKey = SessionState.StorageKey;
    private static readonly StoredSession Session = StoredSession.For("alice");
    private readonly string _keysDirectory = Directory.CreateTempSubdirectory("blazorsession-bench-keys-").FullName;
    private ServiceProvider _services = default!;
    private IBrowserSessionStore _store = default!;

    [GlobalSetup]
    public async Task SetUpAsync()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [AppSession.KeysPathSetting] = _keysDirectory })
            .Build();
        var environment = new BenchHostEnvironment(_keysDirectory);
        var services = new ServiceCollection()
            .AddLogging()
            .AddBrowserSession(configuration, environment)
            .AddScoped<IJSRuntime, InMemoryJSRuntime>()
            .AddScoped<ProtectedSessionStorage>();
        _services = services.BuildServiceProvider();
        _store = _services.CreateScope().ServiceProvider.GetRequiredKeyedService<IBrowserSessionStore>(SessionPlace.Tab);
        await _store.SetAsync(StorageKey, Session);
    }

    [GlobalCleanup]
    public async Task CleanUpAsync()
    {
        await _services.DisposeAsync();
        Directory.Delete(_keysDirectory, recursive: true);
    }

    /// <summary>What <c>SessionState.SetUsernameAsync</c> costs the server once the name is validated.</summary>
    [Benchmark]
    public ValueTask Save() => _store.SetAsync(StorageKey, Session);

    /// <summary>What the one read per circuit costs the server once the browser has answered.</summary>
    [Benchmark]
    public ValueTask<StoredSession?> Read() => _store.GetAsync<StoredSession>(StorageKey);

    private sealed class BenchHostEnvironment(string contentRoot) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = Environments.Production;

        public string ApplicationName { get; set; } = "BlazorSession.App";

        public string ContentRootPath { get; set; } = contentRoot;

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
