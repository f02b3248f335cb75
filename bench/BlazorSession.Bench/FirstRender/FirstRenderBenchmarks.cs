using System.Net;
using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Components.Server.ProtectedBrowserStorage;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.JSInterop;
using Microsoft.JSInterop.Infrastructure;

namespace BlazorSession.Bench.FirstRender;

/// <summary>
/// What reading the session costs a static page's request (issue 36: within 0.2 ms of the same page without one):
/// the same page of an app with <c>AddBrowserSession</c> and <c>UseBrowserSession</c>, asked for by a browser that
/// carries nothing and by one that carries its tab's session and the permanent one, each holding a name, through the
/// whole pipeline in a test server (no sockets: the server's own time).
/// </summary>
[MemoryDiagnoser]
public class FirstRenderBenchmarks
{
    private WebApplication _app = default!;
    private HttpClient _client = default!;
    private string _carriedCookies = "";

    [GlobalSetup]
    public async Task SetUpAsync()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production });
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<IDataProtectionProvider>(new EphemeralDataProtectionProvider());
        builder.Services.AddRazorComponents();
        builder.Services.AddBrowserSession();
        _app = builder.Build();
        _app.UseBrowserSession();
        _app.UseAntiforgery();
        _app.MapRazorComponents<BenchDocument>();
        await _app.StartAsync();
        _client = _app.GetTestClient();

        var dataProtection = _app.Services.GetRequiredService<IDataProtectionProvider>();
        var tab = await StoredAsync(browser => new ProtectedSessionStorage(browser, dataProtection),
            """{"v":1,"values":{"username":"alice"}}""");
        var permanent = await StoredAsync(browser => new ProtectedLocalStorage(browser, dataProtection),
            $$$"""{"v":1,"expires":"{{{DateTimeOffset.UtcNow.AddDays(30):O}}}","values":{"username":"bob"}}""");
        _carriedCookies = $"blazor-session.tab.{Guid.NewGuid():N}=1.{tab}; blazor-session.permanent=1.{permanent}";
        if (!(await GetAsync(_carriedCookies)).Contains("alice", StringComparison.Ordinal)
            || !(await GetAsync(null)).Contains("No session data found.", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("The page does not show what its request carried.");
        }
    }

    [GlobalCleanup]
    public async Task CleanUpAsync()
    {
        _client.Dispose();
        await _app.DisposeAsync();
    }

    /// <summary>A new visitor: the page reads an empty session.</summary>
    [Benchmark(Baseline = true)]
    public Task<string> StaticPageNothingCarried() => GetAsync(null);

    /// <summary>A tab with a name of its own, beside a permanent session: both read, the handoff expired.</summary>
    [Benchmark]
    public Task<string> StaticPageSessionCarried() => GetAsync(_carriedCookies);

    private async Task<string> GetAsync(string? cookies)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, BenchPage.Route);
        if (cookies is not null)
        {
            request.Headers.Add("Cookie", cookies);
        }

        using var response = await _client.SendAsync(request);
        return response.StatusCode == HttpStatusCode.OK
            ? await response.Content.ReadAsStringAsync()
            : throw new InvalidOperationException($"{response.StatusCode}");
    }

    // What a circuit's protected storage gives the browser to store for this session document.
    private static async Task<string> StoredAsync(Func<IJSRuntime, ProtectedBrowserStorage> storageOver, string json)
    {
        var browser = new LastWrite();
        using var document = System.Text.Json.JsonDocument.Parse(json);
        await storageOver(browser).SetAsync(BrowserSession.StorageKey, document.RootElement);
        return browser.Value!;
    }

    /// <summary>A browser that keeps the last value it was given to store.</summary>
    private sealed class LastWrite : IJSRuntime
    {
        public string? Value { get; private set; }

        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, object?[]? args)
        {
            if (args is [_, string stored])
            {
                Value = stored;
            }

            return typeof(TValue) == typeof(IJSVoidResult) ? ValueTask.FromResult(default(TValue)!) : throw new NotSupportedException();
        }

        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, CancellationToken cancellationToken, object?[]? args) =>
            InvokeAsync<TValue>(identifier, args);
    }
}
