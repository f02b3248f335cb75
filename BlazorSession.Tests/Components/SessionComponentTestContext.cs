using System.Text.Json;
using BlazorSession.App.Session;
using BlazorSession.Storage;
using BlazorSession.Testing;
using BlazorSession.Tests.Fakes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace BlazorSession.Tests.Components;

/// <summary>
/// A bUnit context with the app's session registered as the app registers it (<c>AddUsernameSession</c>) over the
/// test package's in-memory browser storage, rendering as an interactive server circuit unless a test says otherwise.
/// </summary>
public abstract class SessionComponentTestContext : BunitContext
{
    private protected FakeTimeProvider Clock { get; } = new(SessionHarness.Start);

    /// <param name="serverStore">Whether the app is set up with the server-side store (only what the pages say changes).</param>
    protected SessionComponentTestContext(bool serverStore = false)
    {
        Services.AddSingleton(new SessionTrouble(serverStore));
        Services.AddSingleton<TimeProvider>(Clock);
        Services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        Services.AddMetrics();
        Services.AddInMemoryBrowserSession();
        Services.AddUsernameSession();
        // bUnit's placeholders make every authorization check fail loudly; the framework's own service decides here.
        Services.RemoveAll<IAuthorizationService>();
        Services.RemoveAll<IAuthorizationPolicyProvider>();
        Services.AddAuthorizationCore();
        RenderInteractively();
    }

    /// <summary>The tab's sessionStorage.</summary>
    private protected InMemoryBrowserStorage Store => Services.GetInMemoryBrowserStorage(BrowserStoragePlace.Tab);

    /// <summary>The browser's localStorage, where "Keep me signed in" keeps the session for every tab.</summary>
    private protected InMemoryBrowserStorage BrowserStore => Services.GetInMemoryBrowserStorage(BrowserStoragePlace.Browser);

    protected BrowserSession Session => Services.GetRequiredService<BrowserSession>();

    protected UsernameSession Name => Services.GetRequiredService<UsernameSession>();

    protected void RenderInteractively() => SetRendererInfo(new RendererInfo("Server", isInteractive: true));

    /// <summary>The state of a page while it is prerendered, before the circuit is up.</summary>
    protected void RenderAsPrerendered() => SetRendererInfo(new RendererInfo("Static", isInteractive: false));

    /// <summary>What an earlier circuit of this tab left in its sessionStorage: the name, saved without the box.</summary>
    protected void StoreName(string name) => Put(Store, name, expires: null);

    /// <summary>What another tab's "Keep me signed in" leaves in the browser's localStorage.</summary>
    protected void RememberName(string name) =>
        Put(BrowserStore, name, Clock.GetUtcNow() + Services.GetRequiredService<IOptions<BrowserSessionOptions>>().Value.RememberFor);

    /// <summary>What an earlier circuit of this tab left in its sessionStorage: this one value, under its key.</summary>
    protected void StoreValue<T>(SessionKey<T> key, T value) => Put(Store, key.Name, value, expires: null);

    private static void Put(InMemoryBrowserStorage place, string name, DateTimeOffset? expires) =>
        Put(place, UsernameSession.Key.Name, name, expires);

    // Written as the library writes it, without a read, so that a test counts only the reads its circuit makes.
    private static void Put<T>(InMemoryBrowserStorage place, string key, T value, DateTimeOffset? expires)
    {
        var values = new Dictionary<string, JsonElement> { [key] = JsonSerializer.SerializeToElement(value, JsonSerializerOptions.Web) };
        place.SetAsync(BrowserSession.StorageKey, SessionDocuments.Format(values, expires).Document).AsTask().GetAwaiter().GetResult();
    }

    /// <summary>The name stored in <paramref name="place"/> and the document's expiry (a permanent one has one), or null.</summary>
    private protected static (string? Name, DateTimeOffset? Expires)? StoredIn(InMemoryBrowserStorage place) =>
        place.Peek(BrowserSession.StorageKey) is { } document && StoredValuesFormat.Read(document) is { } stored
            ? (stored.Values.TryGetValue(UsernameSession.Key.Name, out var name) ? name.GetString() : null, stored.Expires)
            : null;

    /// <summary>What the page's storage listener does when another tab changes the permanent session.</summary>
    protected Task AnotherTabChangedTheRememberedSignIn() =>
        Renderer.Dispatcher.InvokeAsync(() => Services.GetRequiredService<PermanentSessionListener>().PermanentSessionChanged());
}
