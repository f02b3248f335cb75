using BlazorSession.App.Session;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Components.Server.ProtectedBrowserStorage;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace BlazorSession.Tests.Infrastructure;

/// <summary>
/// <c>POST /_session/preview</c> mapped alone on an in-memory test server, with a key ring and a rate limiter of its
/// own (as the app registers them), so a test can send it exactly what a tab's sessionStorage would hold without
/// starting the app or a browser.
/// </summary>
internal sealed class PreviewEndpointHost : IAsyncDisposable
{
    // ProtectedSessionStorage protects each key under its type's full name, its store and the key.
    private static readonly string Purpose =
        $"{typeof(ProtectedSessionStorage).FullName}:sessionStorage:{SessionState.StorageKey}";

    private readonly WebApplication _app;
    private readonly HttpClient _client;
    private readonly IDataProtector _protector;

    private PreviewEndpointHost(WebApplication app, IDataProtector protector)
    {
        _app = app;
        _client = app.GetTestClient();
        _protector = protector;
    }

    public static async Task<PreviewEndpointHost> StartAsync()
    {
        var dataProtection = new EphemeralDataProtectionProvider();
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseTestServer();
        builder.Services.AddRouting();
        builder.Services.AddSingleton<IDataProtectionProvider>(dataProtection);
        builder.Services.AddStoredSessionPreview();
        var app = builder.Build();
        app.UseRateLimiter();
        app.MapStoredSessionPreview();
        await app.StartAsync();
        return new PreviewEndpointHost(app, dataProtection.CreateProtector(Purpose));
    }

    public IServiceProvider Services => _app.Services;

    /// <summary>The value a tab's <see cref="ProtectedSessionStorage"/> would have stored for this JSON.</summary>
    public string Protect(string json) => _protector.Protect(json);

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
