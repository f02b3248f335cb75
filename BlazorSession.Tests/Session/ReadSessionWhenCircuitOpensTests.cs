using BlazorSession.App.Session;
using BlazorSession.Tests.Fakes;

namespace BlazorSession.Tests.Session;

public class ReadSessionWhenCircuitOpensTests
{
    private readonly InMemoryBrowserSessionStore _store = new();
    private readonly SessionState _state;
    private readonly ReadSessionWhenCircuitOpens _handler;

    public ReadSessionWhenCircuitOpensTests()
    {
        _state = new SessionState(_store, new RecordingLogger<SessionState>(), TestMeters.CreateSessionMetrics());
        _handler = new ReadSessionWhenCircuitOpens(_state);
    }

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
}
