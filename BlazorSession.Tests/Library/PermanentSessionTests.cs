using System.Text.Json;
using BlazorSession.Testing;
using BlazorSession.Tests.Fakes;
using Microsoft.Extensions.Time.Testing;

namespace BlazorSession.Tests.Library;

/// <summary>
/// Flask's <c>session.permanent</c> across a browser's tabs: each tab has its own sessionStorage, all share the
/// localStorage, and the server's clock decides when a permanent session has ended.
/// </summary>
public class PermanentSessionTests
{
    private static readonly TimeSpan RememberFor = SessionHarness.RememberFor;
    private readonly SessionHarness _browser = new();

    private FakeTimeProvider Clock => _browser.Clock;

    private InMemoryBrowserStorage LocalStorage => _browser.Browser;

    [Fact]
    public async Task MadePermanent_TheValuesMoveToTheBrowser_AndANewTabSharesThem()
    {
        var (first, firstTab) = OpenTab();
        await first.SetAsync("username", "Ada");

        await first.SetPermanentAsync(true);

        Assert.True(first.IsPermanent);
        Assert.Equal(Clock.GetUtcNow() + RememberFor, first.PermanentUntil);
        Assert.Empty(firstTab.StoredKeys);
        Assert.Equal([BrowserSession.StorageKey], LocalStorage.StoredKeys);
        var (second, _) = OpenTab();
        await second.LoadAsync();
        Assert.True(second.IsPermanent);
        Assert.Equal("Ada", second.Get<string>("username"));
    }

    [Fact]
    public async Task APermanentSession_EndsWhenRememberForHasPassed_ByTheServersClock()
    {
        var (first, _) = OpenTab();
        await first.SetPermanentAsync(true);
        await first.SetAsync("username", "Ada");

        Clock.Advance(RememberFor);
        var (stillThere, _) = OpenTab();
        await stillThere.LoadAsync();
        Assert.Equal("Ada", stillThere.Get<string>("username"));

        Clock.Advance(TimeSpan.FromTicks(1));
        var (ended, _) = OpenTab();
        await ended.LoadAsync();
        Assert.True(ended.IsLoaded);
        Assert.False(ended.IsPermanent);
        Assert.Empty(ended.Keys);
        Assert.Empty(LocalStorage.StoredKeys);
    }

    [Fact]
    public async Task EveryChange_StartsThePeriodAgain()
    {
        var (tab, _) = OpenTab();
        await tab.SetPermanentAsync(true);
        Clock.Advance(TimeSpan.FromDays(20));

        await tab.SetAsync("visits", 1);

        Assert.Equal(Clock.GetUtcNow() + RememberFor, tab.PermanentUntil);
        Clock.Advance(TimeSpan.FromDays(20));
        var (later, _) = OpenTab();
        await later.LoadAsync();
        Assert.Equal(1, later.Get<int>("visits"));
    }

    [Fact]
    public async Task ATabWithItsOwnSession_KeepsIt()
    {
        var (own, _) = OpenTab();
        await own.SetAsync("username", "Bob");
        var (remembering, _) = OpenTab();
        await remembering.SetPermanentAsync(true);
        await remembering.SetAsync("username", "Ada");

        await own.FollowPermanentSessionAsync();

        Assert.False(own.IsPermanent);
        Assert.Equal("Bob", own.Get<string>("username"));
    }

    [Fact]
    public async Task AnOpenTabSharingIt_FollowsAnotherTabsChange()
    {
        var (first, _) = OpenTab();
        await first.SetPermanentAsync(true);
        await first.SetAsync("username", "Ada");
        var (second, _) = OpenTab();
        await second.LoadAsync();
        var changes = 0;
        second.Changed += () => changes++;

        await first.SetAsync("username", "Grace");
        await second.FollowPermanentSessionAsync();

        Assert.Equal("Grace", second.Get<string>("username"));
        Assert.Equal(1, changes);
    }

    [Fact]
    public async Task Clear_EndsItEverywhere()
    {
        var (first, _) = OpenTab();
        await first.SetPermanentAsync(true);
        await first.SetAsync("username", "Ada");
        var (second, _) = OpenTab();
        await second.LoadAsync();

        await second.ClearAsync();
        await first.FollowPermanentSessionAsync();

        Assert.Empty(first.Keys);
        Assert.False(first.IsPermanent);
        Assert.Empty(LocalStorage.StoredKeys);
    }

    [Fact]
    public async Task WhatThePageStoredBehindTheCircuit_IsReadAgain_AndChangedIsRaised()
    {
        var (tab, tabStorage) = OpenTab();
        await tab.SetAsync("username", "Ada");
        // A static form post's response, stored by the tab's page while this circuit lives on.
        var (post, _) = OpenTab(tabStorage);
        await post.SetAsync("username", "Grace");
        var changes = 0;
        tab.Changed += () => changes++;

        await tab.ReadAgainAsync();

        Assert.Equal("Grace", tab.Get<string>("username"));
        Assert.Equal(1, changes);
    }

    [Fact]
    public async Task Clear_FromATabWithASessionOfItsOwn_EndsThePermanentSessionEverywhereToo()
    {
        var (sharing, _) = OpenTab();
        await sharing.SetAsync("username", "Ada", permanent: true);
        var (own, ownStorage) = OpenTab();
        await own.SetAsync("username", "Bob", permanent: false);
        Assert.False(own.IsPermanent);

        await own.ClearAsync();
        await sharing.FollowPermanentSessionAsync();

        Assert.Empty(LocalStorage.StoredKeys);
        Assert.Empty(ownStorage.StoredKeys);
        Assert.Empty(sharing.Keys);
        Assert.False(sharing.IsPermanent);
        var (newTab, _) = OpenTab();
        await newTab.LoadAsync();
        Assert.Empty(newTab.Keys);
    }

    [Fact]
    public async Task APermanentDocumentWithNoExpiry_ReadsAsEnded_IsDeleted_AndLogged()
    {
        // What a forged or hand-edited document would be: values, and no "expires" to end them.
        await LocalStorage.SetAsync(BrowserSession.StorageKey,
            JsonDocument.Parse("""{"v":1,"values":{"username":"Forever Fay"}}""").RootElement);
        var logger = _browser.Logger;
        var (tab, _) = OpenTab();

        await tab.LoadAsync();

        Assert.True(tab.IsLoaded);
        Assert.False(tab.IsPermanent);
        Assert.Empty(tab.Keys);
        Assert.Empty(LocalStorage.StoredKeys);
        var logged = Assert.Single(logger.Collector.GetSnapshot(), record => record.Id.Name == "PermanentSessionEnded");
        Assert.Contains("no expiry", logged.Message);
        Assert.DoesNotContain("Fay", logged.Message);
    }

    [Fact]
    public async Task MadeTheTabsOwnAgain_TheTabKeepsACopy_AndTheOthersStillShareIt()
    {
        var (first, firstTab) = OpenTab();
        await first.SetPermanentAsync(true);
        await first.SetAsync("username", "Ada");

        await first.SetPermanentAsync(false);
        await first.SetAsync("username", "Only Mine");

        Assert.False(first.IsPermanent);
        Assert.NotNull(firstTab.Peek(BrowserSession.StorageKey));
        var (second, _) = OpenTab();
        await second.LoadAsync();
        Assert.Equal("Ada", second.Get<string>("username"));
    }

    [Fact]
    public async Task SetWithPermanent_StoresTheValueAndMovesTheSession_InOneWriteBesideTheDelete()
    {
        var (tab, tabStorage) = OpenTab();
        await tab.SetAsync("username", "Ada");
        var (tabWrites, browserWrites, changes) = (tabStorage.WriteCount, LocalStorage.WriteCount, 0);
        tab.Changed += () => changes++;

        await tab.SetAsync("username", "Grace", permanent: true);

        Assert.True(tab.IsPermanent);
        Assert.Equal("Grace", tab.Get<string>("username"));
        Assert.Equal((tabWrites + 1, browserWrites + 1, 1), (tabStorage.WriteCount, LocalStorage.WriteCount, changes));
        Assert.Empty(tabStorage.StoredKeys);
        var (other, _) = OpenTab();
        await other.LoadAsync();
        Assert.Equal("Grace", other.Get<string>("username"));
    }

    [Fact]
    public async Task SetWithoutPermanent_OnASharedSession_WritesOnlyTheTabsOwn_AndTheOthersKeepSharingIt()
    {
        var (tab, tabStorage) = OpenTab();
        await tab.SetAsync("username", "Ada", permanent: true);
        var browserWrites = LocalStorage.WriteCount;

        await tab.SetAsync("username", "Only Mine", permanent: false);

        Assert.False(tab.IsPermanent);
        Assert.Equal((1, browserWrites), (tabStorage.WriteCount, LocalStorage.WriteCount));
        var (other, _) = OpenTab();
        await other.LoadAsync();
        Assert.Equal("Ada", other.Get<string>("username"));
    }

    [Fact]
    public async Task RemovingTheLastValue_OfAnOwnSession_DoesNotStartSharingThePermanentOne()
    {
        var (own, _) = OpenTab();
        await own.SetAsync("visits", 1);
        var (remembering, _) = OpenTab();
        await remembering.SetPermanentAsync(true);
        await remembering.SetAsync("username", "Ada");

        await own.RemoveAsync("visits");
        await own.FollowPermanentSessionAsync();

        Assert.False(own.IsPermanent);
        Assert.Empty(own.Keys);
    }

    [Fact]
    public async Task AnUnreadablePermanentSession_ReadsAsNone_TheTabsOwnIsUnaffected()
    {
        var (tab, tabStorage) = OpenTab();
        await tab.SetAsync("username", "Bob");
        LocalStorage.PutUnreadable(BrowserSession.StorageKey);

        var (reloaded, _) = OpenTab(tabStorage);
        await reloaded.LoadAsync();

        Assert.Equal("Bob", reloaded.Get<string>("username"));
        Assert.Empty(LocalStorage.StoredKeys);
    }

    [Fact]
    public async Task APermanentSessionOverTheLimit_IsRefused_AndNothingChanges()
    {
        var (tab, _) = OpenTab();
        await tab.SetPermanentAsync(true);
        await tab.SetAsync("username", "Ada");

        await Assert.ThrowsAsync<SessionTooLargeException>(
            () => tab.SetAsync("notes", new string('n', BrowserSession.MaxStoredBytes)));

        Assert.Equal(["username"], tab.Keys);
        var (other, _) = OpenTab();
        await other.LoadAsync();
        Assert.Equal(["username"], other.Keys);
    }

    // A tab of the browser: its own sessionStorage (a reload keeps it: pass it again), the shared localStorage.
    private (BrowserSession Session, InMemoryBrowserStorage SessionStorage) OpenTab(InMemoryBrowserStorage? sessionStorage = null)
    {
        sessionStorage ??= new InMemoryBrowserStorage();
        return (_browser.OpenTab(sessionStorage).Session, sessionStorage);
    }
}
