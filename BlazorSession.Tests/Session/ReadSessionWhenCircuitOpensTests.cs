using BlazorSession.App.Session;
using BlazorSession.Tests.Fakes;
using Microsoft.JSInterop;

namespace BlazorSession.Tests.Session;

public sealed class ReadSessionWhenCircuitOpensTests : IDisposable
{
    private readonly SessionHarness _harness = new();
    private readonly InMemoryBrowserSessionStore _store;
    private readonly RecordingJSRuntime _browser = new();
    private readonly RecordingLogger<RememberedSignInListener> _listenerLogger = new();
    private readonly SessionState _state;
    private readonly RememberedSignInListener _listener;
    private readonly ReadSessionWhenCircuitOpens _handler;

    public ReadSessionWhenCircuitOpensTests()
    {
        _store = _harness.Tab;
        _state = _harness.Create();
        _listener = new RememberedSignInListener(_browser, _state, _listenerLogger);
        _handler = new ReadSessionWhenCircuitOpens(_state, _listener);
    }

    public void Dispose() => _listener.Dispose();

    [Fact]
    public async Task OpeningTheCircuit_StartsTheRead_WithoutWaitingForIt()
    {
        _store.Put(SessionState.StorageKey, StoredSession.For("Ada"));
        _store.HoldReads();

        var opened = _handler.Open("test-circuit");

        Assert.True(opened.IsCompletedSuccessfully);
        Assert.Equal(1, _store.ReadCount);
        _store.ReleaseReads();
        await _state.LoadAsync();
        Assert.Equal("Ada", _state.Username);
    }

    [Fact]
    public async Task ComponentsLoadingAfterwards_ShareThatRead()
    {
        await _handler.Open("test-circuit");
        Assert.Equal(1, _store.ReadCount);

        await _state.LoadAsync();

        Assert.Equal(1, _store.ReadCount);
    }

    [Fact]
    public async Task EachConnection_RegistersOneListenerForTheRememberedSignIn_WithThisCircuitsReference()
    {
        await _handler.Open("test-circuit");

        await _handler.ConnectionUpAsync("test-circuit");
        await _handler.ConnectionUpAsync("test-circuit");

        Assert.Equal(2, _browser.Calls.Count);
        Assert.All(_browser.Calls, call =>
        {
            Assert.Equal(RememberedSignInListener.ListenFunction, call.Identifier);
            Assert.Same(_listener, Assert.IsType<DotNetObjectReference<RememberedSignInListener>>(call.Arguments[0]).Value);
            Assert.Equal(RememberedSignInStore.StorageKey, call.Arguments[1]);
        });
    }

    [Fact]
    public async Task AReconnection_ReadsTheRememberedSignInAgain_ForWhatAnotherTabDidMeanwhile()
    {
        await _handler.Open("test-circuit");
        await _handler.ConnectionUpAsync("test-circuit");
        Assert.Null(_state.Username);
        _harness.Browser.Put(RememberedSignInStore.StorageKey,
            RememberedSignIn.For("Ada", SessionHarness.Start + TimeSpan.FromDays(1)));

        await _handler.ConnectionUpAsync("test-circuit");

        Assert.Equal("Ada", _state.Username);
    }

    [Fact]
    public async Task AReconnection_MakesAgainAReadWhoseAnswerWasLost_AndWhoeverAwaitedTheFirstIsAnswered()
    {
        _store.Put(SessionState.StorageKey, StoredSession.For("Ada"));
        _store.AnswersLost = true;
        await _handler.Open("test-circuit");
        await _handler.ConnectionUpAsync("test-circuit");
        var firstLoad = _state.LoadAsync();
        _store.AnswersLost = false;

        await _handler.ConnectionUpAsync("test-circuit").WaitAsync(TimeSpan.FromSeconds(10));

        await firstLoad.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal("Ada", _state.Username);
    }

    [Fact]
    public async Task AReconnection_AfterTheReadWasAnswered_DoesNotReadTheTabAgain()
    {
        await _handler.Open("test-circuit");
        await _handler.ConnectionUpAsync("test-circuit");
        await _state.LoadAsync();

        await _handler.ConnectionUpAsync("test-circuit");

        Assert.Equal(1, _store.ReadCount);
    }

    [Fact]
    public async Task AListenerThatCannotBeRegistered_IsLogged_AndTheSessionStillLoads()
    {
        _browser.Disconnected = true;
        await _handler.Open("test-circuit");

        await _handler.ConnectionUpAsync("test-circuit");

        var entry = Assert.Single(_listenerLogger.Entries);
        Assert.Equal(5, entry.EventId.Id);
        Assert.Contains("test-circuit", entry.Message);
        Assert.True(_state.IsLoaded);
    }
}
