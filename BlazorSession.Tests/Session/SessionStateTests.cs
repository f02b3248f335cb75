using BlazorSession.App.Session;
using BlazorSession.Tests.Fakes;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging;

namespace BlazorSession.Tests.Session;

public class SessionStateTests
{
    private readonly SessionHarness _harness = new();
    private readonly IMeterFactory _meters = TestMeters.CreateFactory();
    private readonly InMemoryBrowserSessionStore _store;
    private readonly RecordingLogger<SessionState> _logger;
    private readonly SessionState _state;

    public SessionStateTests()
    {
        _store = _harness.Tab;
        _logger = _harness.Logger;
        _state = _harness.Create(TestMeters.CreateSessionMetrics(_meters));
    }

    [Fact]
    public void Status_IsNotLoaded_BeforeTheFirstRead()
    {
        Assert.Equal(SessionLoadStatus.NotLoaded, _state.Status);
        Assert.Null(_state.Username);
        Assert.Equal(0, _store.ReadCount);
    }

    [Fact]
    public async Task LoadAsync_ReadsTheStoredName()
    {
        _store.Put(SessionState.StorageKey, StoredSession.For("Ada"));

        await _state.LoadAsync();

        Assert.Equal(SessionLoadStatus.Loaded, _state.Status);
        Assert.Equal("Ada", _state.Username);
    }

    [Fact]
    public async Task LoadAsync_WithNothingStored_IsLoadedWithNoName()
    {
        await _state.LoadAsync();

        Assert.True(_state.IsLoaded);
        Assert.Null(_state.Username);
    }

    [Fact]
    public async Task LoadAsync_ReadsTheStoreOnlyOnce()
    {
        await _state.LoadAsync();
        await _state.LoadAsync();
        await _state.SetUsernameAsync("Ada");
        await _state.LoadAsync();

        Assert.Equal(1, _store.ReadCount);
    }

    [Fact]
    public async Task LoadAsync_ConcurrentFirstCallsShareOneRead()
    {
        _store.Put(SessionState.StorageKey, StoredSession.For("Ada"));
        _store.HoldReads();

        var first = _state.LoadAsync();
        var second = _state.LoadAsync();
        _store.ReleaseReads();
        await Task.WhenAll(first, second);

        Assert.Equal(1, _store.ReadCount);
        Assert.Equal("Ada", _state.Username);
    }

    [Fact]
    public async Task LoadAsync_RaisesChanged()
    {
        var notifications = 0;
        _state.Changed += () => notifications++;

        await _state.LoadAsync();

        Assert.Equal(1, notifications);
    }

    [Fact]
    public async Task SetUsernameAsync_StoresTrimmedName_AndRaisesChanged()
    {
        string? seenInHandler = null;
        _state.Changed += () => seenInHandler = _state.Username;

        await _state.SetUsernameAsync("  Ada Lovelace  ");

        Assert.Equal("Ada Lovelace", _state.Username);
        Assert.Equal("Ada Lovelace", seenInHandler);
        Assert.Equal(StoredSession.For("Ada Lovelace"), _store.Peek(SessionState.StorageKey));
    }

    [Fact]
    public async Task SetUsernameAsync_WaitsForThePendingRead_SoTheOldNameCannotComeBack()
    {
        _store.Put(SessionState.StorageKey, StoredSession.For("Old"));
        _store.HoldReads();
        var load = _state.LoadAsync();

        var save = _state.SetUsernameAsync("New");
        _store.ReleaseReads();
        await Task.WhenAll(load, save);

        Assert.Equal("New", _state.Username);
        Assert.Equal(StoredSession.For("New"), _store.Peek(SessionState.StorageKey));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("tab\tinside")]
    [InlineData("line\nbreak")]
    public async Task SetUsernameAsync_RejectsInvalidName_AndKeepsTheStoredOne(string input)
    {
        await _state.SetUsernameAsync("Ada");

        await Assert.ThrowsAsync<ArgumentException>(() => _state.SetUsernameAsync(input));

        Assert.Equal("Ada", _state.Username);
        Assert.Equal(StoredSession.For("Ada"), _store.Peek(SessionState.StorageKey));
    }

    [Fact]
    public async Task SetUsernameAsync_RejectsTooLongName_AndKeepsTheStoredOne()
    {
        await _state.SetUsernameAsync("Ada");

        await Assert.ThrowsAsync<ArgumentException>(() => _state.SetUsernameAsync(new string('a', 65)));

        Assert.Equal("Ada", _state.Username);
        Assert.Equal(1, _store.WriteCount);
    }

    [Fact]
    public async Task SetUsernameAsync_WhenBrowserUnreachable_ThrowsAndKeepsThePreviousName()
    {
        await _state.SetUsernameAsync("Ada");
        _store.Unavailable = true;

        await Assert.ThrowsAsync<BrowserStoreUnavailableException>(() => _state.SetUsernameAsync("Grace"));

        Assert.Equal("Ada", _state.Username);
    }

    [Fact]
    public async Task ClearAsync_RemovesTheName_AndRaisesChanged()
    {
        await _state.SetUsernameAsync("Ada");
        var notifications = 0;
        _state.Changed += () => notifications++;

        await _state.ClearAsync();

        Assert.Null(_state.Username);
        Assert.True(_state.IsLoaded);
        Assert.False(_store.Contains(SessionState.StorageKey));
        Assert.Equal(1, notifications);
    }

    [Fact]
    public async Task LoadAsync_UnreadableEntry_ReadsAsEmpty_DeletesIt_AndWarnsWithoutTheName()
    {
        _store.PutUnreadable(SessionState.StorageKey);

        await _state.LoadAsync();

        Assert.True(_state.IsLoaded);
        Assert.Null(_state.Username);
        Assert.False(_store.Contains(SessionState.StorageKey));
        var warning = Assert.Single(_logger.Entries);
        Assert.Equal(LogLevel.Warning, warning.Level);
    }

    [Theory]
    [InlineData(3, "Ada")]
    [InlineData(0, "Ada")]
    [InlineData(StoredSession.CurrentVersion, null)]
    [InlineData(StoredSession.CurrentVersion, "")]
    [InlineData(StoredSession.CurrentVersion, "  padded  ")]
    [InlineData(StoredSession.CurrentVersion, "bell\a")]
    public async Task LoadAsync_PayloadThisVersionWouldNotHaveWritten_ReadsAsEmpty_AndIsDeleted(int version, string? username)
    {
        _store.Put(SessionState.StorageKey, new StoredSession(version, username));

        await _state.LoadAsync();

        Assert.True(_state.IsLoaded);
        Assert.Null(_state.Username);
        Assert.False(_store.Contains(SessionState.StorageKey));
        Assert.Contains(_logger.Entries, entry => entry.Level == LogLevel.Warning);
        Assert.DoesNotContain(_logger.Entries, entry => username is { Length: > 0 } && entry.Message.Contains(username.Trim()));
    }

    [Fact]
    public async Task LoadAsync_WhenBrowserUnreachable_ReportsUnavailable_AndTriesAgainNextTime()
    {
        _store.Put(SessionState.StorageKey, StoredSession.For("Ada"));
        _store.Unavailable = true;

        await _state.LoadAsync();

        Assert.Equal(SessionLoadStatus.Unavailable, _state.Status);
        Assert.Null(_state.Username);
        Assert.True(_store.Contains(SessionState.StorageKey));
        Assert.Equal(LogLevel.Warning, Assert.Single(_logger.Entries).Level);

        _store.Unavailable = false;
        await _state.LoadAsync();

        Assert.Equal(SessionLoadStatus.Loaded, _state.Status);
        Assert.Equal("Ada", _state.Username);
    }

    [Fact]
    public async Task SavesAndClears_AreCounted_WithoutTheName()
    {
        using var saved = Collect("blazorsession.session.names_saved");
        using var cleared = Collect("blazorsession.session.cleared");

        await _state.SetUsernameAsync("Ada");
        await _state.SetUsernameAsync("Grace");
        await _state.ClearAsync();

        Assert.Equal(2, saved.GetMeasurementSnapshot().Sum(measurement => measurement.Value));
        Assert.Equal(1, cleared.GetMeasurementSnapshot().Sum(measurement => measurement.Value));
        Assert.All(saved.GetMeasurementSnapshot(), measurement => Assert.Empty(measurement.Tags));
    }

    [Fact]
    public async Task AnUnreadableStoredValue_IsCountedByItsCause()
    {
        using var unreadable = Collect("blazorsession.session.stored_value_unreadable");
        _store.PutUnreadable(SessionState.StorageKey);

        await _state.LoadAsync();

        var measurement = Assert.Single(unreadable.GetMeasurementSnapshot());
        Assert.Equal(1, measurement.Value);
        Assert.True(measurement.Tags.ContainsKey("cause"));
    }

    [Fact]
    public async Task AFailedSave_IsNotCounted()
    {
        await _state.LoadAsync();
        using var saved = Collect("blazorsession.session.names_saved");
        _store.Unavailable = true;

        await Assert.ThrowsAsync<BrowserStoreUnavailableException>(() => _state.SetUsernameAsync("Ada"));

        Assert.Empty(saved.GetMeasurementSnapshot());
    }

    [Fact]
    public async Task AnUnreadableStoredValue_IsLoggedOnce_WithItsEventIdCauseAndCircuit_ButNotTheName()
    {
        await _state.SetUsernameAsync("Secret Sam");
        _store.PutUnreadable(SessionState.StorageKey);
        var reopened = _harness.Create(TestMeters.CreateSessionMetrics(_meters));
        reopened.AttachToCircuit("circuit-42");

        await reopened.LoadAsync();

        var entry = Assert.Single(_logger.Entries);
        Assert.Equal(1, entry.EventId.Id);
        Assert.Contains("circuit-42", entry.Message);
        Assert.Contains("(unexpected payload)", entry.Message);
        Assert.DoesNotContain("Secret", entry.Message);
    }

    [Fact]
    public async Task AFailedSave_IsLoggedOnce_WithTheCircuit_ButNotTheName()
    {
        _state.AttachToCircuit("circuit-7");
        await _state.LoadAsync();
        _store.Unavailable = true;

        await Assert.ThrowsAsync<BrowserStoreUnavailableException>(() => _state.SetUsernameAsync("Secret Sam"));

        var entry = Assert.Single(_logger.Entries);
        Assert.Equal(2, entry.EventId.Id);
        Assert.Contains("circuit-7", entry.Message);
        Assert.Contains("saving the session", entry.Message);
        Assert.DoesNotContain("Secret", entry.Message);
    }

    private MetricCollector<long> Collect(string instrument) => new(_meters, SessionMetrics.MeterName, instrument);
}
