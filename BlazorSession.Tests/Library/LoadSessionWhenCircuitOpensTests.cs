using System.Text.Json;
using BlazorSession.Storage;
using BlazorSession.Testing;
using BlazorSession.Tests.Fakes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Microsoft.JSInterop;

namespace BlazorSession.Tests.Library;

/// <summary>What the library does when a circuit opens and on each of its connections.</summary>
public sealed class LoadSessionWhenCircuitOpensTests : IDisposable
{
    private readonly InMemoryBrowserStorage _tab = new();
    private readonly InMemoryBrowserStorage _browserStorage = new();
    private readonly FakeTimeProvider _clock = new(SessionHarness.Start);
    private readonly RecordingJSRuntime _browser = new();
    private readonly FakeLogger<PermanentSessionListener> _listenerLogger = new();
    private readonly BrowserSession _session;
    private readonly PermanentSessionListener _listener;
    private readonly LoadSessionWhenCircuitOpens _handler;

    public LoadSessionWhenCircuitOpensTests()
    {
        _session = OpenSession(_tab);
        _listener = new PermanentSessionListener(_browser, _session, _listenerLogger);
        _handler = new LoadSessionWhenCircuitOpens(_session, _listener);
    }

    public void Dispose() => _listener.Dispose();

    [Fact]
    public async Task OpeningTheCircuit_StartsTheRead_WithoutWaitingForIt()
    {
        await OpenSession(_tab).SetAsync("username", "Ada");
        var readsBefore = _tab.ReadCount;
        _tab.HoldReads();

        var opened = _handler.Open("test-circuit");

        Assert.True(opened.IsCompletedSuccessfully);
        Assert.Equal(readsBefore + 1, _tab.ReadCount);
        _tab.ReleaseReads();
        await _session.LoadAsync();
        Assert.Equal("Ada", _session.Get<string>("username"));
    }

    [Fact]
    public async Task ComponentsLoadingAfterwards_ShareThatRead()
    {
        await _handler.Open("test-circuit");
        await _session.LoadAsync();

        Assert.Equal(1, _tab.ReadCount);
    }

    [Fact]
    public async Task EachConnection_ListensForTheOtherTabs_OnceAndWithThisCircuitsReference()
    {
        await _handler.Open("test-circuit");

        await _handler.ConnectionUpAsync("test-circuit");
        await _handler.ConnectionUpAsync("test-circuit");

        Assert.Single(_browser.Calls, call => call.Identifier == "import");
        var listens = _browser.Calls.Where(call => call.Identifier == "followPermanentSession").ToList();
        Assert.Equal(2, listens.Count);
        Assert.All(listens, call =>
        {
            Assert.Same(_listener, Assert.IsType<DotNetObjectReference<PermanentSessionListener>>(call.Arguments[0]).Value);
            Assert.Equal(BrowserSession.StorageKey, call.Arguments[1]);
        });
    }

    [Fact]
    public async Task AReconnection_ReadsThePermanentSessionAgain_ForWhatAnotherTabDidMeanwhile()
    {
        await _handler.Open("test-circuit");
        await _handler.ConnectionUpAsync("test-circuit");
        await _session.LoadAsync();
        var otherTab = OpenSession(new InMemoryBrowserStorage());
        await otherTab.SetAsync("username", "Ada");
        await otherTab.SetPermanentAsync(true);

        await _handler.ConnectionUpAsync("test-circuit");

        Assert.Equal("Ada", _session.Get<string>("username"));
    }

    [Fact]
    public async Task AReconnection_MakesAgainAReadWhoseAnswerWasLost_AndWhoeverAwaitedTheFirstIsAnswered()
    {
        await OpenSession(_tab).SetAsync("username", "Ada");
        var losing = new AnswerLosingStorage(_tab) { AnswersLost = true };
        var session = OpenSession(losing);
        using var listener = new PermanentSessionListener(_browser, session, _listenerLogger);
        var handler = new LoadSessionWhenCircuitOpens(session, listener);
        await handler.Open("test-circuit");
        await handler.ConnectionUpAsync("test-circuit");
        var firstLoad = session.LoadAsync();
        losing.AnswersLost = false;

        await handler.ConnectionUpAsync("test-circuit").WaitAsync(TimeSpan.FromSeconds(10));

        await firstLoad.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal("Ada", session.Get<string>("username"));
    }

    [Fact]
    public async Task AReconnection_AfterTheReadWasAnswered_DoesNotReadTheTabAgain()
    {
        await _handler.Open("test-circuit");
        await _handler.ConnectionUpAsync("test-circuit");
        await _session.LoadAsync();

        await _handler.ConnectionUpAsync("test-circuit");

        Assert.Equal(1, _tab.ReadCount);
    }

    [Fact]
    public async Task AListenerThatCannotBeRegistered_IsLogged_AndTheSessionStillLoads()
    {
        _browser.Disconnected = true;
        await _handler.Open("test-circuit");

        await _handler.ConnectionUpAsync("test-circuit");

        var entry = Assert.Single(_listenerLogger.Collector.GetSnapshot());
        Assert.Equal(5, entry.Id.Id);
        Assert.Contains("test-circuit", entry.Message);
        await _session.LoadAsync();
        Assert.True(_session.IsLoaded);
    }

    private BrowserSession OpenSession(IBrowserStorage tab) => new(tab, _browserStorage,
        Options.Create(new BrowserSessionOptions { SerializerOptions = new JsonSerializerOptions(JsonSerializerDefaults.Web) }),
        _clock, NullLogger<BrowserSession>.Instance);

    // A browser whose answers never come back while AnswersLost is set, as with a connection lost mid-read.
    private sealed class AnswerLosingStorage(InMemoryBrowserStorage inner) : IBrowserStorage
    {
        public bool AnswersLost { get; set; }

        public ValueTask<JsonElement?> GetAsync(string key) =>
            AnswersLost ? new(new TaskCompletionSource<JsonElement?>().Task) : inner.GetAsync(key);

        public ValueTask SetAsync(string key, JsonElement value) => inner.SetAsync(key, value);

        public ValueTask DeleteAsync(string key) => inner.DeleteAsync(key);
    }
}
