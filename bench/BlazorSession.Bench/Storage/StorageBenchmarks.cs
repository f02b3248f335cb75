using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BlazorSession.App.Hosting;
using BlazorSession.App.Session;
using BlazorSession.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.JSInterop;

namespace BlazorSession.Bench.Storage;

/// <summary>
/// The server-side cost of one save and one read through the app's real storage path, registered exactly as the
/// app registers it (<see cref="AppDataProtection.AddAppDataProtection"/>, <see cref="UsernameSessionServiceCollectionExtensions.AddAppSession"/>):
/// serialize + protect + base64 on save, base64 + unprotect + deserialize on read, of the session document holding a
/// name. Only the browser is replaced, by a dictionary.
/// </summary>
[MemoryDiagnoser]
public class StorageBenchmarks
{
    private const string StorageKey = BrowserSession.StorageKey;
    private static readonly JsonElement Session = JsonDocument.Parse("""{"v":1,"values":{"username":"alice"}}""").RootElement;
    private readonly string _keysDirectory = Directory.CreateTempSubdirectory("blazorsession-bench-keys-").FullName;
    private ServiceProvider _services = default!;
    private IBrowserStorage _store = default!;

    [GlobalSetup]
    public async Task SetUpAsync()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [AppDataProtection.KeysPathSetting] = _keysDirectory })
            .Build();
        var environment = new BenchHostEnvironment(_keysDirectory);
        var services = new ServiceCollection()
            .AddLogging()
            .AddMetrics()
            .AddAppDataProtection(configuration, environment)
            .AddAppSession(configuration)
            .AddScoped<IJSRuntime, InMemoryJSRuntime>();
        _services = services.BuildServiceProvider();
        _store = _services.CreateScope().ServiceProvider.GetRequiredKeyedService<IBrowserStorage>(BrowserStoragePlace.Tab);
        await _store.SetAsync(StorageKey, Session);
    }

    [GlobalCleanup]
    public async Task CleanUpAsync()
    {
        await _services.DisposeAsync();
        Directory.Delete(_keysDirectory, recursive: true);
    }

    /// <summary>What a save of the name costs the server once it is validated (one document written).</summary>
    [Benchmark]
    public ValueTask Save() => _store.SetAsync(StorageKey, Session);

    /// <summary>What the one read per circuit costs the server once the browser has answered.</summary>
    [Benchmark]
    public ValueTask<JsonElement?> Read() => _store.GetAsync(StorageKey);

    private sealed class BenchHostEnvironment(string contentRoot) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = Environments.Production;

        public string ApplicationName { get; set; } = "BlazorSession.App";

        public string ContentRootPath { get; set; } = contentRoot;

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
