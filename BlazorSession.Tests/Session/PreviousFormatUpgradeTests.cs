using System.Text.Json;
using BlazorSession.App.Session;
using BlazorSession.Testing;
using BlazorSession.Tests.Fakes;
using Microsoft.Extensions.Logging.Abstractions;

namespace BlazorSession.Tests.Session;

/// <summary>
/// A tab or browser holding what the app stored before it was built on the session object keeps its name after the
/// deploy: the tab's <c>session</c> (versions 1 and 2) and the browser's <c>remembered-sign-in</c> (version 1).
/// </summary>
public class PreviousFormatUpgradeTests
{
    private readonly SessionHarness _browser = new();

    [Theory]
    [InlineData("""{"v":1,"username":"Ada"}""")]
    [InlineData("""{"v":2,"username":"Ada","remembered":false}""")]
    public async Task ATabsOwnName_StaysTheTabsOwn_AndTheOldEntryGoes(string stored)
    {
        await PutAsync(_browser.Tab, PreviousFormat.TabKey, stored);

        var tab = await UpgradedTabAsync();

        Assert.Equal("Ada", tab.Name.Username);
        Assert.False(tab.Session.IsPermanent);
        Assert.Equal([BrowserSession.StorageKey], _browser.Tab.StoredKeys);
    }

    [Fact]
    public async Task ARememberedSignIn_BecomesThePermanentSession_SharedByANewTab()
    {
        await PutAsync(_browser.Tab, PreviousFormat.TabKey, """{"v":2,"username":"Ada","remembered":true}""");
        await PutAsync(_browser.Browser, PreviousFormat.RememberedKey,
            $$"""{"v":1,"username":"Ada","expires":"{{SessionHarness.Start.AddDays(3):O}}"}""");

        var tab = await UpgradedTabAsync();

        Assert.Equal("Ada", tab.Name.Username);
        Assert.True(tab.Session.IsPermanent);
        Assert.Equal("Ada", (await _browser.OpenLoadedTabAsync(new InMemoryBrowserStorage())).Name.Username);
        Assert.DoesNotContain(PreviousFormat.RememberedKey, _browser.Browser.StoredKeys);
        Assert.DoesNotContain(PreviousFormat.TabKey, _browser.Tab.StoredKeys);
    }

    [Fact]
    public async Task ATabWithItsOwnName_KeepsIt_OverARememberedOne()
    {
        await PutAsync(_browser.Tab, PreviousFormat.TabKey, """{"v":1,"username":"Grace"}""");
        await PutAsync(_browser.Browser, PreviousFormat.RememberedKey,
            $$"""{"v":1,"username":"Ada","expires":"{{SessionHarness.Start.AddDays(3):O}}"}""");

        var tab = await UpgradedTabAsync();

        Assert.Equal("Grace", tab.Name.Username);
        Assert.False(tab.Session.IsPermanent);
    }

    [Fact]
    public async Task AnExpiredRememberedSignIn_SignsNobodyIn_AndIsDeleted()
    {
        await PutAsync(_browser.Tab, PreviousFormat.TabKey, """{"v":2,"username":"Ada","remembered":true}""");
        await PutAsync(_browser.Browser, PreviousFormat.RememberedKey,
            $$"""{"v":1,"username":"Ada","expires":"{{SessionHarness.Start.AddTicks(-1):O}}"}""");

        var tab = await UpgradedTabAsync();

        Assert.Null(tab.Name.Username);
        Assert.Empty(_browser.Browser.StoredKeys);
        Assert.Empty(_browser.Tab.StoredKeys);
    }

    [Theory]
    [InlineData("""{"v":3,"username":"Ada"}""")]
    [InlineData("""{"v":1,"username":"  padded  "}""")]
    [InlineData("""{"v":1,"username":"Ada","remembered":true}""")]
    [InlineData("\"not an object\"")]
    public async Task APayloadThePreviousVersionWouldNotHaveWritten_IsNoName_AndIsDeleted(string stored)
    {
        await PutAsync(_browser.Tab, PreviousFormat.TabKey, stored);

        var tab = await UpgradedTabAsync();

        Assert.Null(tab.Name.Username);
        Assert.Empty(_browser.Tab.StoredKeys);
    }

    [Fact]
    public async Task ASessionAlreadyStoredByThisVersion_IsLeftAsItIs_AndTheOldEntriesAreNotRead()
    {
        await (await _browser.OpenLoadedTabAsync()).Name.SaveAsync("New");
        await PutAsync(_browser.Tab, PreviousFormat.TabKey, """{"v":1,"username":"Old"}""");
        var reads = _browser.Tab.ReadCount;

        var tab = await UpgradedTabAsync();

        Assert.Equal("New", tab.Name.Username);
        Assert.Equal(reads + 1, _browser.Tab.ReadCount);
    }

    private async Task<HarnessTab> UpgradedTabAsync()
    {
        var tab = _browser.OpenTab();
        var upgrade = new PreviousFormatUpgrade(tab.Session, _browser.Tab, _browser.Browser, _browser.Clock,
            NullLogger<PreviousFormatUpgrade>.Instance);
        await upgrade.RunAsync("circuit-1");
        return tab;
    }

    private static async Task PutAsync(InMemoryBrowserStorage place, string key, string json) =>
        await place.SetAsync(key, JsonDocument.Parse(json).RootElement);
}
