using System.Diagnostics.Metrics;
using BlazorSession.App.Session;
using BlazorSession.Tests.Fakes;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging;

namespace BlazorSession.Tests.Session;

/// <summary>
/// "Keep me signed in" in the session state, with the two places as in-memory stores and a clock the test moves.
/// Each <see cref="SessionState"/> made from the harness is a tab; they share the browser's store.
/// </summary>
public class KeepSignedInTests
{
    private static readonly TimeSpan RememberFor = new RememberedSignInOptions().RememberFor;

    private readonly SessionHarness _browser = new();
    private readonly IMeterFactory _meters = TestMeters.CreateFactory();

    [Fact]
    public async Task SavingWithTheBox_StoresTheNameForTheTab_AndRemembersItUntilTheExpiry()
    {
        var tab = await OpenTabAsync(_browser.Tab);

        await tab.SetUsernameAsync("Ada", keepSignedIn: true);

        Assert.Equal(StoredSession.For("Ada", followsRememberedSignIn: true), _browser.Tab.Peek(SessionState.StorageKey));
        Assert.Equal(RememberedSignIn.For("Ada", SessionHarness.Start + RememberFor),
            _browser.Browser.Peek(RememberedSignInStore.StorageKey));
        Assert.Equal("Ada", tab.Username);
    }

    [Fact]
    public async Task ANewTab_StartsSignedIn_WithTheRememberedName()
    {
        var first = await OpenTabAsync(_browser.Tab);
        await first.SetUsernameAsync("Ada", keepSignedIn: true);

        var second = await OpenTabAsync(new InMemoryBrowserSessionStore());

        Assert.Equal("Ada", second.Username);
    }

    [Fact]
    public async Task SavingWithoutTheBox_KeepsTheNameInThisTab_AndANewTabStartsEmpty()
    {
        var first = await OpenTabAsync(_browser.Tab);
        await first.SetUsernameAsync("Ada");

        var second = await OpenTabAsync(new InMemoryBrowserSessionStore());

        Assert.Equal(StoredSession.For("Ada"), _browser.Tab.Peek(SessionState.StorageKey));
        Assert.False(_browser.Browser.Contains(RememberedSignInStore.StorageKey));
        Assert.Null(second.Username);
    }

    [Fact]
    public async Task SavingWithoutTheBox_LeavesARememberedSignInAsItIs()
    {
        var first = await OpenTabAsync(_browser.Tab);
        await first.SetUsernameAsync("Ada", keepSignedIn: true);
        var remembered = _browser.Browser.Peek(RememberedSignInStore.StorageKey);

        await first.SetUsernameAsync("Grace");

        Assert.Equal(remembered, _browser.Browser.Peek(RememberedSignInStore.StorageKey));
        Assert.Equal("Grace", first.Username);
        Assert.Equal("Ada", (await OpenTabAsync(new InMemoryBrowserSessionStore())).Username);
    }

    [Fact]
    public async Task SavingAgainWithTheBox_StartsANewPeriod()
    {
        var tab = await OpenTabAsync(_browser.Tab);
        await tab.SetUsernameAsync("Ada", keepSignedIn: true);
        _browser.Clock.Advance(TimeSpan.FromDays(10));

        await tab.SetUsernameAsync("Ada", keepSignedIn: true);

        var remembered = Assert.IsType<RememberedSignIn>(_browser.Browser.Peek(RememberedSignInStore.StorageKey));
        Assert.Equal(SessionHarness.Start + TimeSpan.FromDays(10) + RememberFor, remembered.ExpiresAt);
    }

    [Fact]
    public async Task TheExpiry_ComesFromTheSetting()
    {
        _browser.Options.RememberFor = TimeSpan.FromSeconds(3);
        var tab = await OpenTabAsync(_browser.Tab);

        await tab.SetUsernameAsync("Ada", keepSignedIn: true);

        var remembered = Assert.IsType<RememberedSignIn>(_browser.Browser.Peek(RememberedSignInStore.StorageKey));
        Assert.Equal(SessionHarness.Start + TimeSpan.FromSeconds(3), remembered.ExpiresAt);
    }

    [Fact]
    public async Task AtTheExpiryInstant_ANewTabIsStillSignedIn()
    {
        Remember("Ada", SessionHarness.Start + RememberFor);
        _browser.Clock.Advance(RememberFor);

        var tab = await OpenTabAsync(new InMemoryBrowserSessionStore());

        Assert.Equal("Ada", tab.Username);
        Assert.True(_browser.Browser.Contains(RememberedSignInStore.StorageKey));
    }

    [Fact]
    public async Task OneTickAfterTheExpiry_ANewTabIsSignedOut_TheEntryIsDeleted_AndTheExpiryIsLoggedWithoutTheName()
    {
        Remember("Secret Sam", SessionHarness.Start + RememberFor);
        _browser.Clock.Advance(RememberFor + TimeSpan.FromTicks(1));

        var tab = await OpenTabAsync(new InMemoryBrowserSessionStore(), "circuit-7");

        Assert.Null(tab.Username);
        Assert.False(_browser.Browser.Contains(RememberedSignInStore.StorageKey));
        var entry = Assert.Single(_browser.RememberedLogger.Entries);
        Assert.Equal(LogLevel.Information, entry.Level);
        Assert.Equal(4, entry.EventId.Id);
        Assert.Contains("circuit-7", entry.Message);
        Assert.DoesNotContain("Secret", entry.Message);
    }

    [Fact]
    public async Task AnExpiredSignIn_SignsOutTheTabThatWasSavedWithTheBox_AndItsTabValueGoes()
    {
        _browser.Tab.Put(SessionState.StorageKey, StoredSession.For("Ada", followsRememberedSignIn: true));
        Remember("Ada", SessionHarness.Start + RememberFor);
        _browser.Clock.Advance(RememberFor + TimeSpan.FromSeconds(1));

        var tab = await OpenTabAsync(_browser.Tab);

        Assert.Null(tab.Username);
        Assert.False(_browser.Tab.Contains(SessionState.StorageKey));
    }

    [Fact]
    public async Task AnUnreadableRememberedSignIn_ReadsAsNone_IsDeletedAndLogged_AndTheTabsOwnNameIsUnaffected()
    {
        _browser.Tab.Put(SessionState.StorageKey, StoredSession.For("Grace"));
        _browser.Browser.PutUnreadable(RememberedSignInStore.StorageKey);
        using var unreadable = new MetricCollector<long>(_meters, SessionMetrics.MeterName,
            "blazorsession.session.stored_value_unreadable");

        var tab = await OpenTabAsync(_browser.Tab, "circuit-9");
        var otherTab = await OpenTabAsync(new InMemoryBrowserSessionStore());

        Assert.Equal("Grace", tab.Username);
        Assert.Equal(StoredSession.For("Grace"), _browser.Tab.Peek(SessionState.StorageKey));
        Assert.False(_browser.Browser.Contains(RememberedSignInStore.StorageKey));
        Assert.Null(otherTab.Username);
        var warning = Assert.Single(_browser.RememberedLogger.Entries);
        Assert.Equal((LogLevel.Warning, 3), (warning.Level, warning.EventId.Id));
        Assert.Contains("circuit-9", warning.Message);
        Assert.Equal("browser", Assert.Single(unreadable.GetMeasurementSnapshot()).Tags["store"]);
        Assert.Empty(_browser.Logger.Entries);
    }

    [Theory]
    [InlineData(0, "Ada")]
    [InlineData(2, "Ada")]
    [InlineData(RememberedSignIn.CurrentVersion, "  padded  ")]
    [InlineData(RememberedSignIn.CurrentVersion, "")]
    [InlineData(RememberedSignIn.CurrentVersion, null)]
    public async Task ARememberedPayloadThisVersionWouldNotHaveWritten_ReadsAsNone_AndIsDeleted(int version, string? username)
    {
        _browser.Browser.Put(RememberedSignInStore.StorageKey,
            new RememberedSignIn(version, username, SessionHarness.Start + RememberFor));

        var tab = await OpenTabAsync(new InMemoryBrowserSessionStore());

        Assert.Null(tab.Username);
        Assert.True(tab.IsLoaded);
        Assert.False(_browser.Browser.Contains(RememberedSignInStore.StorageKey));
        Assert.Equal(3, Assert.Single(_browser.RememberedLogger.Entries).EventId.Id);
    }

    [Fact]
    public async Task SignOut_EndsTheRememberedSignIn_AsWellAsTheTabsName()
    {
        var tab = await OpenTabAsync(_browser.Tab);
        await tab.SetUsernameAsync("Ada", keepSignedIn: true);

        await tab.ClearAsync();

        Assert.False(_browser.Tab.Contains(SessionState.StorageKey));
        Assert.False(_browser.Browser.Contains(RememberedSignInStore.StorageKey));
        Assert.Null((await OpenTabAsync(new InMemoryBrowserSessionStore())).Username);
    }

    [Fact]
    public async Task SignOutInATabWithItsOwnName_EndsTheRememberedSignInToo()
    {
        Remember("Ada", SessionHarness.Start + RememberFor);
        _browser.Tab.Put(SessionState.StorageKey, StoredSession.For("Grace"));
        var tab = await OpenTabAsync(_browser.Tab);

        await tab.ClearAsync();

        Assert.False(_browser.Browser.Contains(RememberedSignInStore.StorageKey));
    }

    [Fact]
    public async Task AnOpenTabWithNoName_FollowsAnotherTabsSignIn()
    {
        var open = await OpenTabAsync(new InMemoryBrowserSessionStore());
        var changes = 0;
        open.Changed += () => changes++;
        var saving = await OpenTabAsync(_browser.Tab);

        await saving.SetUsernameAsync("Ada", keepSignedIn: true);
        await open.FollowRememberedSignInAsync();

        Assert.Equal("Ada", open.Username);
        Assert.Equal(1, changes);
    }

    [Fact]
    public async Task AnotherTabsSignOut_SignsOutEveryTabThatFollowedTheRememberedSignIn_ButNotATabWithItsOwnName()
    {
        var savedWithTheBox = await OpenTabAsync(_browser.Tab);
        await savedWithTheBox.SetUsernameAsync("Ada", keepSignedIn: true);
        var newTab = await OpenTabAsync(new InMemoryBrowserSessionStore());
        var ownTabStore = new InMemoryBrowserSessionStore();
        var ownName = await OpenTabAsync(ownTabStore);
        await ownName.SetUsernameAsync("Grace");

        await newTab.ClearAsync();
        await savedWithTheBox.FollowRememberedSignInAsync();
        await ownName.FollowRememberedSignInAsync();

        Assert.Null(savedWithTheBox.Username);
        Assert.False(_browser.Tab.Contains(SessionState.StorageKey));
        Assert.Equal("Grace", ownName.Username);
        Assert.Equal(StoredSession.For("Grace"), ownTabStore.Peek(SessionState.StorageKey));
    }

    [Fact]
    public async Task AChangeArrivingWhenTheBrowserCannotBeReached_IsLogged_AndTheTabKeepsWhatItShows()
    {
        var browserStore = _browser.Browser;
        Remember("Ada", SessionHarness.Start + RememberFor);
        var tab = await OpenTabAsync(new InMemoryBrowserSessionStore());
        browserStore.Unavailable = true;

        await tab.FollowRememberedSignInAsync();

        Assert.Equal("Ada", tab.Username);
        Assert.Equal(2, Assert.Single(_browser.Logger.Entries).EventId.Id);
    }

    [Fact]
    public async Task TheTabValueOfTheVersionBefore_StillReads_AndComesBeforeARememberedName()
    {
        _browser.Tab.Put(SessionState.StorageKey, new StoredSession(StoredSession.OwnNameOnlyVersion, "Grace"));
        Remember("Ada", SessionHarness.Start + RememberFor);

        var tab = await OpenTabAsync(_browser.Tab);

        Assert.Equal("Grace", tab.Username);
        Assert.Empty(_browser.Logger.Entries);
    }

    [Fact]
    public async Task TheBrowserStoreUnreachable_MakesTheReadUnavailable_NotSignedOut()
    {
        _browser.Browser.Unavailable = true;

        var tab = await OpenTabAsync(new InMemoryBrowserSessionStore());

        Assert.Equal(SessionLoadStatus.Unavailable, tab.Status);
    }

    [Fact]
    public async Task AFailedRememberedWrite_KeepsThePreviousName_AndTheTabsValue()
    {
        var tab = await OpenTabAsync(_browser.Tab);
        await tab.SetUsernameAsync("Grace");
        _browser.Browser.Unavailable = true;

        await Assert.ThrowsAsync<BrowserStoreUnavailableException>(() => tab.SetUsernameAsync("Ada", keepSignedIn: true));

        Assert.Equal("Grace", tab.Username);
        Assert.Equal(StoredSession.For("Grace"), _browser.Tab.Peek(SessionState.StorageKey));
    }

    [Fact]
    public async Task ARememberedSave_IsCounted()
    {
        using var remembered = new MetricCollector<long>(_meters, SessionMetrics.MeterName,
            "blazorsession.session.sign_ins_remembered");
        var tab = await OpenTabAsync(_browser.Tab);

        await tab.SetUsernameAsync("Ada", keepSignedIn: true);
        await tab.SetUsernameAsync("Grace");

        Assert.Equal(1, remembered.GetMeasurementSnapshot().Sum(measurement => measurement.Value));
    }

    private async Task<SessionState> OpenTabAsync(InMemoryBrowserSessionStore tabStore, string circuit = "circuit")
    {
        var tab = _browser.CreateTab(tabStore, TestMeters.CreateSessionMetrics(_meters));
        tab.AttachToCircuit(circuit);
        await tab.LoadAsync();
        return tab;
    }

    private void Remember(string name, DateTimeOffset expiresAt) =>
        _browser.Browser.Put(RememberedSignInStore.StorageKey, RememberedSignIn.For(name, expiresAt));
}
