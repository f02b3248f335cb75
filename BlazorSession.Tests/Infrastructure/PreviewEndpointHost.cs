using BlazorSession.App;
using BlazorSession.App.Preview;
using Microsoft.AspNetCore.Components.Server.ProtectedBrowserStorage;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using System.Text.Json;
using BlazorSession.Tests.Fakes;
using BlazorSession.Tests.Http;

namespace BlazorSession.Tests.Infrastructure;

/// <summary>
/// The app in memory (<see cref="AppFactory"/>) with a key ring and a clock the test holds, so a test can send
/// <c>POST /_session/preview</c>, or hand over with a page's request, exactly what a tab's sessionStorage would hold
/// without starting a process or a browser.
/// </summary>
internal sealed class PreviewEndpointHost : IAsyncDisposable
{
    private static readonly string TabPurpose =
        FrameworkInternals.ProtectedStoragePurpose(typeof(ProtectedSessionStorage), BrowserSession.StorageKey);

    private static readonly string RememberedPurpose =
        FrameworkInternals.ProtectedStoragePurpose(typeof(ProtectedLocalStorage), BrowserSession.StorageKey);

    private readonly AppFactory _app;
    private readonly HttpClient _client;
    private readonly IDataProtectionProvider _dataProtection;

    private PreviewEndpointHost(AppFactory app, IDataProtectionProvider dataProtection)
    {
        _app = app;
        _client = app.CreateClient();
        _dataProtection = dataProtection;
    }

    /// <summary>The server's clock, which decides whether a permanent session has expired.</summary>
    public FakeTimeProvider Clock { get; private init; } = null!;

    /// <summary>Starts the app with its defaults, or with <paramref name="settings"/> (configuration keys).</summary>
    public static PreviewEndpointHost Start(params (string Key, string Value)[] settings)
    {
        var dataProtection = new EphemeralDataProtectionProvider();
        var clock = new FakeTimeProvider(SessionHarness.Start);
        var app = new AppFactory
        {
            Settings = settings,
            ReplaceServices = services =>
            {
                services.AddSingleton<IDataProtectionProvider>(dataProtection);
                services.AddSingleton<TimeProvider>(clock);
            },
        };
        try
        {
            // The first client starts the app: settings it refuses fail here.
            return new PreviewEndpointHost(app, dataProtection) { Clock = clock };
        }
        catch
        {
            app.Dispose();
            throw;
        }
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

    /// <summary>
    /// Gets a page as a tab does that handed <paramref name="handedOver"/> over as it left the page before (the
    /// handoff cookie, written by session-handoff.js URI-encoded as here), or that handed nothing over.
    /// </summary>
    public async Task<HttpResponseMessage> GetPageAsync(string path, string? handedOver)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (handedOver is not null)
        {
            request.Headers.Add("Cookie", $"{SessionHandoff.CookieName}={Uri.EscapeDataString(handedOver)}");
        }

        return await _client.SendAsync(request);
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _app.DisposeAsync();
    }
}
