using BlazorSession.App.Preview;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Components.Server.ProtectedBrowserStorage;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using System.Text.Json;
using BlazorSession.Tests.Fakes;

namespace BlazorSession.Tests.Infrastructure;

/// <summary>
/// <c>POST /_session/preview</c> mapped alone on an in-memory test server, with a key ring and a rate limiter of its
/// own (as the app registers them), so a test can send it exactly what a tab's sessionStorage would hold without
/// starting the app or a browser.
/// </summary>
internal sealed class PreviewEndpointHost : IAsyncDisposable
{
    // The framework's protected storage protects each key under its type's full name, its store and the key.
    private static readonly string TabPurpose =
        $"{typeof(ProtectedSessionStorage).FullName}:sessionStorage:{BrowserSession.StorageKey}";

    private static readonly string RememberedPurpose =
        $"{typeof(ProtectedLocalStorage).FullName}:localStorage:{BrowserSession.StorageKey}";

    private readonly WebApplication _app;
    private readonly HttpClient _client;
    private readonly IDataProtectionProvider _dataProtection;

    private PreviewEndpointHost(WebApplication app, IDataProtectionProvider dataProtection)
    {
        _app = app;
        _client = app.GetTestClient();
        _dataProtection = dataProtection;
    }

    /// <summary>The server's clock, which decides whether a permanent session has expired.</summary>
    public FakeTimeProvider Clock { get; private init; } = null!;

    /// <summary>Starts the endpoint with the app's defaults, or with <paramref name="settings"/> (configuration keys).</summary>
    public static async Task<PreviewEndpointHost> StartAsync(params (string Key, string Value)[] settings)
    {
        var dataProtection = new EphemeralDataProtectionProvider();
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.Configuration.AddInMemoryCollection(
            settings.Select(setting => new KeyValuePair<string, string?>(setting.Key, setting.Value)));
        builder.WebHost.UseTestServer();
        builder.Services.AddRouting();
        builder.Services.AddSingleton<IDataProtectionProvider>(dataProtection);
        var clock = new FakeTimeProvider(SessionHarness.Start);
        builder.Services.AddSingleton<TimeProvider>(clock);
        builder.Services.AddMetrics();
        builder.Services.AddStoredSessionPreview();
        var app = builder.Build();
        app.UseRateLimiter();
        app.MapStoredSessionPreview();
        try
        {
            await app.StartAsync();
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        return new PreviewEndpointHost(app, dataProtection) { Clock = clock };
    }

    public IServiceProvider Services => _app.Services;

    /// <summary>The value a tab's <see cref="ProtectedSessionStorage"/> would have stored for this JSON.</summary>
    public string ProtectTabValue(string json) => _dataProtection.CreateProtector(TabPurpose).Protect(json);

    /// <summary>The value a permanent session ("Keep me signed in") would have stored in <see cref="ProtectedLocalStorage"/>.</summary>
    public string ProtectRememberedValue(string json) => _dataProtection.CreateProtector(RememberedPurpose).Protect(json);

    /// <summary>The body the page's preview script sends: the stored values (ciphertext) of both places.</summary>
    public static string Body(string? tabValue, string? rememberedValue = null) =>
        JsonSerializer.Serialize(new { tab = tabValue, browser = rememberedValue });

    /// <summary>The body for a tab that holds the protected <paramref name="tabJson"/> and no remembered sign-in.</summary>
    public string BodyWithTab(string tabJson) => Body(ProtectTabValue(tabJson));

    public async Task<HttpResponseMessage> PostAsync(HttpContent body, string? secFetchSite = "same-origin")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, StoredSessionPreview.Path) { Content = body };
        if (secFetchSite is not null)
        {
            request.Headers.Add("Sec-Fetch-Site", secFetchSite);
        }

        return await _client.SendAsync(request);
    }

    public Task<HttpResponseMessage> PostAsync(string body, string? secFetchSite = "same-origin") =>
        PostAsync(new StringContent(body), secFetchSite);

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _app.DisposeAsync();
    }
}
