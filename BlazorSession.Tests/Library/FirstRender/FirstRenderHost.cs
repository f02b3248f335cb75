using System.Net;
using System.Text.RegularExpressions;
using BlazorSession.Storage;
using BlazorSession.Tests.Fakes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Components.Server.ProtectedBrowserStorage;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Net.Http.Headers;

namespace BlazorSession.Tests.Library.FirstRender;

/// <summary>
/// An app with the two lines (<c>AddBrowserSession</c>, <c>UseBrowserSession</c>) and FirstRenderHostApp's pages, in a
/// test server; a browser's cookie jar as a dictionary, and what a tab's storage would hold, made as a circuit makes it.
/// </summary>
internal sealed partial class FirstRenderHost : IAsyncDisposable
{
    public const string Page = "/first-render/static";

    private readonly WebApplication _app;

    private FirstRenderHost(WebApplication app)
    {
        _app = app;
        Client = app.GetTestClient();
    }

    public HttpClient Client { get; }

    /// <summary>The browser's cookies for the app: what the next request carries.</summary>
    public Dictionary<string, string> Cookies { get; } = new(StringComparer.Ordinal);

    public FakeLogCollector Logs => _app.Services.GetRequiredService<FakeLogCollector>();

    /// <param name="serverStore">
    /// Whether the session is kept in the server-side store: a distributed cache that, like Redis, answers later.
    /// </param>
    public static async Task<FirstRenderHost> StartAsync(bool serverStore = false)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(FirstRenderHost).Assembly.GetName().Name,
            EnvironmentName = Environments.Production,
        });
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.Services.AddFakeLogging();
        builder.Services.AddSingleton<IDataProtectionProvider>(new EphemeralDataProtectionProvider());
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddBrowserSession(options =>
        {
            if (serverStore)
            {
                options.UseServerStore();
            }
        });
        builder.Services.AddHybridCache();
        if (serverStore)
        {
            builder.Services.AddSingleton<IDistributedCache>(new StoppableDistributedCache());
        }

        var app = builder.Build();
        app.UseBrowserSession();
        app.UseAntiforgery();
        app.MapRazorComponents<FirstRenderHostApp>().AddInteractiveServerRenderMode();
        await app.StartAsync();
        return new FirstRenderHost(app);
    }

    /// <summary>A tab's handoff, as its script writes it when the tab leaves a page: its stored session, or "-".</summary>
    public static (string Name, string Value) Handoff(string tabId, string stored) => ($"blazor-session.tab.{tabId}", $"1.{stored}");

    public static string NewTabId() => Guid.NewGuid().ToString("N");

    /// <summary>A value as a tab's script splits it into cookies: "{count}.{first chunk}", then {name}.1, {name}.2 ….</summary>
    public static IEnumerable<(string Name, string Value)> Chunked(string name, string value)
    {
        var chunks = value.Chunk(3800).Select(chunk => new string(chunk)).ToArray();
        return chunks.Select((chunk, index) => index == 0 ? (name, $"{chunks.Length}.{chunk}") : ($"{name}.{index}", chunk));
    }

    /// <summary>
    /// What the tab's sessionStorage (or, for <see cref="BrowserStoragePlace.Browser"/>, localStorage) holds after a
    /// circuit stored these values: written by the session over the framework's protected storage, as in a circuit.
    /// </summary>
    public Task<string> StoredAsync(BrowserStoragePlace place, params (string Key, object Value)[] values) =>
        StoredAsync(place, TimeProvider.System, values);

    /// <inheritdoc cref="StoredAsync(BrowserStoragePlace, ValueTuple{string, object}[])"/>
    public async Task<string> StoredAsync(BrowserStoragePlace place, TimeProvider clock, params (string Key, object Value)[] values)
    {
        var browser = new RecordingJSRuntime();
        var dataProtection = _app.Services.GetRequiredService<IDataProtectionProvider>();
        var session = SessionHarness.Create(
            new ProtectedBrowserStorageAdapter(new ProtectedSessionStorage(browser, dataProtection)),
            new ProtectedBrowserStorageAdapter(new ProtectedLocalStorage(browser, dataProtection)),
            clock: clock);
        foreach (var (key, value) in values)
        {
            await session.SetAsync(key, value, permanent: place == BrowserStoragePlace.Browser);
        }

        var store = place == BrowserStoragePlace.Tab ? "sessionStorage" : "localStorage";
        return (string)browser.Calls.Last(call => call.Identifier == $"{store}.setItem").Arguments[1]!;
    }

    public async Task<Page> GetAsync(string path = Page)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        return await SendAsync(request, withTheSession: true);
    }

    /// <summary>Submits one of the page's static forms, with the antiforgery token a browser would send.</summary>
    public async Task<Page> PostAsync(string formName, params (string Name, string Value)[] fields)
    {
        // The form as another tab got it: the session's cookies stay in the jar for the post.
        using var formRequest = new HttpRequestMessage(HttpMethod.Get, Page);
        var form = await SendAsync(formRequest, withTheSession: false);
        var token = AntiforgeryField().Match(form.Html).Groups["token"].Value;
        using var request = new HttpRequestMessage(HttpMethod.Post, Page)
        {
            Content = new FormUrlEncodedContent(
                [new("_handler", formName), new("__RequestVerificationToken", token), .. fields.Select(field => new KeyValuePair<string, string>(field.Name, field.Value))]),
        };
        return await SendAsync(request, withTheSession: true);
    }

    private async Task<Page> SendAsync(HttpRequestMessage request, bool withTheSession)
    {
        var sent = Cookies.Where(cookie => withTheSession || !cookie.Key.StartsWith("blazor-session", StringComparison.Ordinal)).ToList();
        if (sent.Count > 0)
        {
            request.Headers.Add("Cookie", string.Join("; ", sent.Select(cookie => $"{cookie.Key}={cookie.Value}")));
        }

        using var response = await Client.SendAsync(request);
        var setCookies = response.Headers.TryGetValues("Set-Cookie", out var values)
            ? SetCookieHeaderValue.ParseList(values.ToList())
            : [];
        foreach (var cookie in setCookies)
        {
            var expired = cookie.Expires < DateTimeOffset.UtcNow || cookie.MaxAge <= TimeSpan.Zero;
            if (expired)
            {
                Cookies.Remove(cookie.Name.Value!);
            }
            else
            {
                Cookies[cookie.Name.Value!] = cookie.Value.Value!;
            }
        }

        return new Page(response.StatusCode, await response.Content.ReadAsStringAsync(), setCookies);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.DisposeAsync();
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"(?<token>[^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}

/// <summary>A response: its status, its HTML, and the cookies it set or expired.</summary>
internal sealed partial record Page(HttpStatusCode Status, string Html, IList<SetCookieHeaderValue> SetCookies)
{
    /// <summary>The text of the element with this id.</summary>
    public string Text(string id)
    {
        var match = Regex.Match(Html, $"<p id=\"{id}\">(?<text>[^<]*)</p>");
        return match.Success ? WebUtility.HtmlDecode(match.Groups["text"].Value) : $"(no #{id})";
    }

    public SetCookieHeaderValue? SetCookie(string name) => SetCookies.LastOrDefault(cookie => cookie.Name == name);
}
