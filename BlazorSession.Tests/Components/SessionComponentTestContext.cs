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

namespace BlazorSession.Tests.Components;

/// <summary>
/// A bUnit context with the real <see cref="SessionState"/> over the in-memory store and the app's sign-in over it
/// (Blazor's authorization, as <c>AddBrowserSession</c> registers it), rendering as an interactive server circuit
/// unless a test says otherwise.
/// </summary>
public abstract class SessionComponentTestContext : BunitContext
{
    private protected InMemoryBrowserSessionStore Store { get; } = new();

    protected SessionComponentTestContext()
    {
        Services.AddSingleton<IBrowserSessionStore>(Store);
        Services.AddSingleton<ILogger<SessionState>>(NullLogger<SessionState>.Instance);
        Services.AddSingleton(TestMeters.CreateSessionMetrics());
        Services.AddScoped<SessionState>();
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
}
