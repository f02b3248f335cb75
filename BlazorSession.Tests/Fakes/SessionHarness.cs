using BlazorSession.App.Session;
using Microsoft.Extensions.Time.Testing;

namespace BlazorSession.Tests.Fakes;

/// <summary>
/// The session state as <c>AddBrowserSession</c> wires it, over two in-memory stores (the tab's and the browser's)
/// and a clock the test moves. Every state made from one harness shares its stores, as the tabs of one browser share
/// localStorage: give each tab its own <see cref="InMemoryBrowserSessionStore"/> with <see cref="CreateTab"/>.
/// </summary>
internal sealed class SessionHarness
{
    public static readonly DateTimeOffset Start = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    public InMemoryBrowserSessionStore Tab { get; } = new();

    public InMemoryBrowserSessionStore Browser { get; } = new();

    public FakeTimeProvider Clock { get; } = new(Start);

    public RememberedSignInOptions Options { get; } = new();

    public RecordingLogger<SessionState> Logger { get; } = new();

    public RecordingLogger<RememberedSignInStore> RememberedLogger { get; } = new();

    public SessionState Create(SessionMetrics? metrics = null) => CreateTab(Tab, metrics);

    /// <summary>Another tab of the same browser: its own sessionStorage, the shared localStorage.</summary>
    public SessionState CreateTab(InMemoryBrowserSessionStore tab, SessionMetrics? metrics = null)
    {
        metrics ??= TestMeters.CreateSessionMetrics();
        return new SessionState(tab, CreateRememberedSignInStore(metrics), Logger, metrics);
    }

    public RememberedSignInStore CreateRememberedSignInStore(SessionMetrics metrics) =>
        new(Browser, Microsoft.Extensions.Options.Options.Create(Options), Clock, RememberedLogger, metrics);
}
