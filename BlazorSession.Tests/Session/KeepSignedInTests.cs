using BlazorSession.App.Session;
using BlazorSession.Storage;
using BlazorSession.Testing;
using BlazorSession.Tests.Fakes;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace BlazorSession.Tests.Session;

/// <summary>
/// "Keep me signed in" as a permanent session of the library: each tab opened from the harness is a circuit of one
/// browser; they share its localStorage, each has its own sessionStorage, and the test moves the clock.
/// </summary>
public class KeepSignedInTests
{
    private readonly SessionHarness _browser = new();

    [Fact]
    public async Task SavingWithTheBox_KeepsTheNameInTheBrowser_UntilTheExpiry_AndTheTabFollowsIt()
    {
        var tab = await _browser.OpenLoadedTabAsync();

        await tab.Name.SaveAsync("Ada", keepSignedIn: true);

        Assert.Equal("Ada", tab.Name.Username);
        Assert.True(tab.Session.IsPermanent);
        Assert.Equal(SessionHarness.Start + SessionHarness.RememberFor, tab.Session.PermanentUntil);
        Assert.DoesNotContain(BrowserSession.StorageKey, _browser.Tab.StoredKeys);
        Assert.Contains(BrowserSession.StorageKey, _browser.Browser.StoredKeys);
    }

    [Fact]
    public async Task ASave_IsOneChange_WithTheBoxOrWithout()
    {
        var tab = await _browser.OpenLoadedTabAsync();
        await tab.Name.SaveAsync("Ada");
        var changes = 0;
        tab.Session.Changed += () => changes++;
        var (tabWrites, browserWrites) = (_browser.Tab.WriteCount, _browser.Browser.WriteCount);

        // With the box: the browser's document written and the tab's own deleted, not the tab's written first.
        await tab.Name.SaveAsync("Grace", keepSignedIn: true);
        Assert.Equal((tabWrites + 1, browserWrites + 1, 1), (_browser.Tab.WriteCount, _browser.Browser.WriteCount, changes));

        // Without it, in the tab that now shares the permanent session: one write of the tab's own, none of the browser's.
        await tab.Name.SaveAsync("Hopper");
        Assert.Equal((tabWrites + 2, browserWrites + 1, 2), (_browser.Tab.WriteCount, _browser.Browser.WriteCount, changes));
    }

    [Fact]
    public async Task ANewTab_StartsSignedIn_WithTheRememberedName()
    {
        await (await _browser.OpenLoadedTabAsync()).Name.SaveAsync("Ada", keepSignedIn: true);

        var second = await _browser.OpenLoadedTabAsync(new InMemoryBrowserStorage());

        Assert.Equal("Ada", second.Name.Username);
    }

    [Fact]
    public async Task SavingWithoutTheBox_KeepsTheNameInThisTab_AndANewTabStartsEmpty()
    {
        await (await _browser.OpenLoadedTabAsync()).Name.SaveAsync("Ada");

        var second = await _browser.OpenLoadedTabAsync(new InMemoryBrowserStorage());

        Assert.DoesNotContain(BrowserSession.StorageKey, _browser.Browser.StoredKeys);
        Assert.Null(second.Name.Username);
    }

    [Fact]
    public async Task SavingWithoutTheBox_InATabThatFollowedTheRememberedName_KeepsItForTheOtherTabs()
    {
        await (await _browser.OpenLoadedTabAsync(new InMemoryBrowserStorage())).Name.SaveAsync("Ada", keepSignedIn: true);
        var tab = await _browser.OpenLoadedTabAsync();

        await tab.Name.SaveAsync("Grace");

        Assert.Equal("Grace", tab.Name.Username);
        Assert.False(tab.Session.IsPermanent);
        Assert.Equal("Ada", (await _browser.OpenLoadedTabAsync(new InMemoryBrowserStorage())).Name.Username);
    }

    [Fact]
    public async Task SavingAgainWithTheBox_StartsANewPeriod()
    {
        var tab = await _browser.OpenLoadedTabAsync();
        await tab.Name.SaveAsync("Ada", keepSignedIn: true);
        _browser.Clock.Advance(TimeSpan.FromDays(10));

        await tab.Name.SaveAsync("Ada", keepSignedIn: true);

        Assert.Equal(SessionHarness.Start + TimeSpan.FromDays(10) + SessionHarness.RememberFor, tab.Session.PermanentUntil);
    }

    [Fact]
    public async Task TheExpiry_ComesFromTheSetting()
    {
        _browser.Options.RememberFor = TimeSpan.FromHours(2);
        var tab = await _browser.OpenLoadedTabAsync();

        await tab.Name.SaveAsync("Ada", keepSignedIn: true);

        Assert.Equal(SessionHarness.Start + TimeSpan.FromHours(2), tab.Session.PermanentUntil);
    }

    [Fact]
    public async Task AtTheExpiryInstant_ANewTabIsStillSignedIn_OneTickAfter_ItIsSignedOut_AndTheEntryIsDeleted()
    {
        await (await _browser.OpenLoadedTabAsync()).Name.SaveAsync("Ada", keepSignedIn: true);

        _browser.Clock.Advance(SessionHarness.RememberFor);
        Assert.Equal("Ada", (await _browser.OpenLoadedTabAsync(new InMemoryBrowserStorage())).Name.Username);
        _browser.Clock.Advance(TimeSpan.FromTicks(1));
        var late = await _browser.OpenLoadedTabAsync(new InMemoryBrowserStorage());

        Assert.Null(late.Name.Username);
        Assert.DoesNotContain(BrowserSession.StorageKey, _browser.Browser.StoredKeys);
    }

    [Fact]
    public async Task SignOut_EndsTheRememberedSignIn_InEveryTab_AndTheTabsOwnName()
    {
        var first = await _browser.OpenLoadedTabAsync();
        await first.Name.SaveAsync("Ada", keepSignedIn: true);

        await first.Name.ClearAsync();

        Assert.Null(first.Name.Username);
        Assert.Empty(_browser.Browser.StoredKeys);
        Assert.Null((await _browser.OpenLoadedTabAsync(new InMemoryBrowserStorage())).Name.Username);
    }

    [Fact]
    public async Task AnOpenTabWithNoName_FollowsAnotherTabsSignIn_AndSignOut_ButATabWithItsOwnNameKeepsIt()
    {
        var follower = await _browser.OpenLoadedTabAsync(new InMemoryBrowserStorage());
        var own = await _browser.OpenLoadedTabAsync(new InMemoryBrowserStorage());
        await own.Name.SaveAsync("Grace");
        var signer = await _browser.OpenLoadedTabAsync();

        await signer.Name.SaveAsync("Ada", keepSignedIn: true);
        await follower.Session.FollowPermanentSessionAsync();
        await own.Session.FollowPermanentSessionAsync();

        Assert.Equal("Ada", follower.Name.Username);
        Assert.Equal("Grace", own.Name.Username);

        await signer.Name.ClearAsync();
        await follower.Session.FollowPermanentSessionAsync();
        await own.Session.FollowPermanentSessionAsync();

        Assert.Null(follower.Name.Username);
        Assert.Equal("Grace", own.Name.Username);
    }

    [Fact]
    public async Task ARememberedSave_IsCounted()
    {
        using var remembered = new MetricCollector<long>(_browser.Meters, SessionMetrics.MeterName,
            "blazorsession.session.sign_ins_remembered");
        var tab = await _browser.OpenLoadedTabAsync();

        await tab.Name.SaveAsync("Ada", keepSignedIn: true);
        await tab.Name.SaveAsync("Ada");

        Assert.Equal(1, remembered.GetMeasurementSnapshot().Sum(measurement => measurement.Value));
    }

    [Fact]
    public async Task AFailedRememberedSave_KeepsThePreviousName()
    {
        var tab = await _browser.OpenLoadedTabAsync();
        await tab.Name.SaveAsync("Ada");
        _browser.Browser.Unavailable = true;

        await Assert.ThrowsAsync<BrowserStorageUnavailableException>(() => tab.Name.SaveAsync("Grace", keepSignedIn: true));

        Assert.False(tab.Session.IsPermanent);
        Assert.Equal("Ada", tab.Name.Username);
        _browser.Browser.Unavailable = false;
        Assert.Null((await _browser.OpenLoadedTabAsync(new InMemoryBrowserStorage())).Name.Username);
    }
}
