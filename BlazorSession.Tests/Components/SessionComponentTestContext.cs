using BlazorSession.App.Components.Document;
using BlazorSession.App.Session;
using BlazorSession.App.SignIn;
using BlazorSession.Tests.Fakes;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace BlazorSession.Tests.Components;

/// <summary>
/// A bUnit context with the real <see cref="SessionState"/> over the in-memory store and the app's sign-in over it
/// (Blazor's authorization, as <c>AddBrowserSession</c> registers it), rendering as an interactive server circuit
/// unless a test says otherwise.
/// </summary>
public abstract class SessionComponentTestContext : BunitContext
{
    private protected InMemoryBrowserSessionStore Store { get; } = new();

    /// <summary>The browser's localStorage, where "Keep me signed in" keeps the name for every tab.</summary>
    private protected InMemoryBrowserSessionStore BrowserStore { get; } = new();

    private protected FakeTimeProvider Clock { get; } = new(SessionHarness.Start);

    protected SessionComponentTestContext()
    {
        Services.AddKeyedSingleton<IBrowserSessionStore>(SessionPlace.Tab, Store);
        Services.AddKeyedSingleton<IBrowserSessionStore>(SessionPlace.Browser, BrowserStore);
        Services.AddSingleton<TimeProvider>(Clock);
        Services.AddOptions<RememberedSignInOptions>();
        Services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        Services.AddSingleton(TestMeters.CreateSessionMetrics());
        Services.AddScoped<RememberedSignInStore>();
        Services.AddScoped<SessionState>();
        Services.AddScoped<RememberedSignInListener>();
        Services.AddScoped<ShownTabTitle>();
        // bUnit's placeholders make every authorization check fail loudly; the framework's own service decides here.
        Services.RemoveAll<IAuthorizationService>();
        Services.RemoveAll<IAuthorizationPolicyProvider>();
        Services.AddAuthorizationCore();
        Services.AddScoped<AuthenticationStateProvider, SessionAuthenticationStateProvider>();
        Services.AddCascadingAuthenticationState();
        // Answered at once: bUnit faults a call left unanswered after its wait timeout (1 s), which a busy CI
        // machine reaches while a test is still running.
        JSInterop.SetupVoid(DocumentTitle.SetTitleFunction, _ => true).SetVoidResult();
        RenderInteractively();
    }

    protected SessionState Session => Services.GetRequiredService<SessionState>();

    protected void RenderInteractively() => SetRendererInfo(new RendererInfo("Server", isInteractive: true));

    /// <summary>The state of a page while it is prerendered, before the circuit is up.</summary>
    protected void RenderAsPrerendered() => SetRendererInfo(new RendererInfo("Static", isInteractive: false));

    protected void StoreName(string name) => Store.Put(SessionState.StorageKey, StoredSession.For(name));

    /// <summary>What another tab's "Keep me signed in" leaves in the browser's localStorage.</summary>
    protected void RememberName(string name) => BrowserStore.Put(RememberedSignInStore.StorageKey,
        RememberedSignIn.For(name, SessionHarness.Start + TimeSpan.FromDays(30)));

    /// <summary>What the page's storage listener does when another tab changes the remembered sign-in.</summary>
    protected Task AnotherTabChangedTheRememberedSignIn() =>
        Renderer.Dispatcher.InvokeAsync(() => Services.GetRequiredService<RememberedSignInListener>().RememberedSignInChanged());
}
