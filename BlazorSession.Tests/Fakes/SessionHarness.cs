using System.Diagnostics.Metrics;
using BlazorSession.App.Session;
using BlazorSession.Storage;
using BlazorSession.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
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

    /// <summary>
    /// The tests' one way to make a session by hand (the library makes it in <c>AddBrowserSession</c>): over the two
    /// places given, in-memory, server-stored or the framework's protected storage.
    /// </summary>
    public static BrowserSession Create(IBrowserStorage tab, IBrowserStorage browser, BrowserSessionOptions? options = null,
        TimeProvider? clock = null, ILogger<BrowserSession>? logger = null, IMeterFactory? meters = null) =>
        new(tab, browser, Microsoft.Extensions.Options.Options.Create(options ?? new BrowserSessionOptions()),
            clock ?? TimeProvider.System, logger ?? NullLogger<BrowserSession>.Instance, meters);

    /// <summary>A circuit of this browser's first tab (<see cref="Tab"/>), or of the tab given.</summary>
    public HarnessTab OpenTab(InMemoryBrowserStorage? tab = null)
    {
        var session = Create(tab ?? Tab, Browser, Options, Clock, Logger, Meters);
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
