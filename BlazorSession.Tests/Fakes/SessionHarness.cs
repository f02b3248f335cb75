using System.Diagnostics.Metrics;
using BlazorSession.App.Session;
using BlazorSession.Testing;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;

namespace BlazorSession.Tests.Fakes;

/// <summary>
/// One browser for the app's session: its localStorage shared by every tab, a sessionStorage per tab, and a clock the
/// test moves. Each <see cref="OpenTab"/> is a circuit: the library's <see cref="BrowserSession"/> with the app's
/// <see cref="UsernameSession"/> over it, as the app registers them.
/// </summary>
internal sealed class SessionHarness
{
    public static readonly DateTimeOffset Start = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    public static readonly TimeSpan RememberFor = new BrowserSessionOptions().RememberFor;

    public InMemoryBrowserStorage Tab { get; } = new();

    public InMemoryBrowserStorage Browser { get; } = new();

    public FakeTimeProvider Clock { get; } = new(Start);

    public BrowserSessionOptions Options { get; } = new();

    public FakeLogger<BrowserSession> Logger { get; } = new();

    public IMeterFactory Meters { get; } = TestMeters.CreateFactory();

    /// <summary>A circuit of this browser's first tab (<see cref="Tab"/>), or of the tab given.</summary>
    public HarnessTab OpenTab(InMemoryBrowserStorage? tab = null)
    {
        var session = new BrowserSession(tab ?? Tab, Browser, Microsoft.Extensions.Options.Options.Create(Options), Clock,
            Logger, Meters);
        return new HarnessTab(session, new UsernameSession(session, new SessionMetrics(Meters)));
    }

    /// <summary>A circuit whose session has been read.</summary>
    public async Task<HarnessTab> OpenLoadedTabAsync(InMemoryBrowserStorage? tab = null)
    {
        var opened = OpenTab(tab);
        await opened.Session.LoadAsync();
        return opened;
    }
}

internal sealed record HarnessTab(BrowserSession Session, UsernameSession Name);
