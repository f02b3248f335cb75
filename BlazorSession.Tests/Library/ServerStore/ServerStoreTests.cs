using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using BlazorSession.ServerStore;
using BlazorSession.Storage;
using BlazorSession.Testing;
using BlazorSession.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;

namespace BlazorSession.Tests.Library.ServerStore;

/// <summary>
/// The server-side store (<see cref="BrowserSessionOptions.UseServerStore"/>): the same session API, the values on the
/// server and an id in the browser, against both stores it can use.
/// </summary>
public sealed class ServerStoreTests
{
    private static readonly string[] Tea = ["tea"];

    public static TheoryData<StoreKind> Stores => [StoreKind.Hybrid, StoreKind.Distributed];

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task TheValuesLiveInTheStore_TheTabHoldsOnlyAnId_AndAReloadReadsThem(StoreKind kind)
    {
        using var browser = new ServerStoreBrowser(kind);
        var (session, tab) = browser.OpenTab();

        await session.SetAsync("username", "Ada Lovelace");

        var pointer = tab.Peek(BrowserSession.StorageKey)!.Value.GetRawText();
        Assert.DoesNotContain("Ada", pointer, StringComparison.Ordinal);
        var id = ServerStoreBrowser.IdIn(tab);
        Assert.NotNull(id);
        Assert.Equal(SessionStoreKeys.IdBytes, Convert.FromBase64String(id.Replace('-', '+').Replace('_', '/') + "=").Length);
        var (reloaded, _) = browser.OpenTab(tab);
        await reloaded.LoadAsync();
        Assert.Equal("Ada Lovelace", reloaded.Get<string>("username"));
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task ACartOfAThousandLines_IsStored_AndPastTheLimitNothingIs(StoreKind kind)
    {
        using var browser = new ServerStoreBrowser(kind);
        var (session, tab) = browser.OpenTab();
        var cart = Enumerable.Range(1, 1000).Select(line => new { ProductId = $"product-{line:D4}", Quantity = 2 }).ToArray();

        await session.SetAsync("cart", cart);

        Assert.Equal(1000, session.Get<object[]>("cart")!.Length);
        var (reloaded, _) = browser.OpenTab(tab);
        await reloaded.LoadAsync();
        Assert.Equal(1000, reloaded.Get<object[]>("cart")!.Length);

        var tooLarge = await Assert.ThrowsAsync<SessionTooLargeException>(
            () => session.SetAsync("notes", new string('x', browser.MaxSessionBytes)));
        Assert.Equal(browser.MaxSessionBytes, tooLarge.MaxBytes);
        Assert.Contains("ServerStoreOptions.MaxSessionBytes", tooLarge.Message, StringComparison.Ordinal);
        var (again, _) = browser.OpenTab(tab);
        await again.LoadAsync();
        Assert.Equal(["cart"], again.Keys);
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task Clear_RemovesTheSession_SoACopyOfTheIdReadsAsEmpty(StoreKind kind)
    {
        using var browser = new ServerStoreBrowser(kind);
        var (session, _) = browser.OpenTab();
        await session.SetAsync("username", "Signed In Sam", permanent: true);
        var copied = browser.LocalStorage.Peek(BrowserSession.StorageKey)!.Value;

        await session.ClearAsync();

        // Another browser, with the copy put into its storage after the sign-out.
        browser.LocalStorage = new InMemoryBrowserStorage();
        await browser.LocalStorage.SetAsync(BrowserSession.StorageKey, copied);
        var (replayed, _) = browser.OpenTab();
        await replayed.LoadAsync();
        Assert.True(replayed.IsLoaded);
        Assert.Empty(replayed.Keys);
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task SigningIn_GivesTheSessionANewId_AndAnIdPlantedBeforeIsWorthless(StoreKind kind)
    {
        using var browser = new ServerStoreBrowser(kind);
        var (session, tab) = browser.OpenTab(signInKey: "username");
        await session.SetAsync("cart", Tea);
        var planted = tab.Peek(BrowserSession.StorageKey)!.Value;

        await session.SetAsync("username", "Victim Vic");

        Assert.NotEqual(SessionPointer.Read(planted), ServerStoreBrowser.IdIn(tab));
        Assert.Equal(Tea, session.Get<string[]>("cart"));
        var attackersTab = new InMemoryBrowserStorage();
        await attackersTab.SetAsync(BrowserSession.StorageKey, planted);
        var (attacker, _) = browser.OpenTab(attackersTab);
        await attacker.LoadAsync();
        Assert.Empty(attacker.Keys);
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task SettingTheSameName_KeepsTheId_AndSigningOutChangesIt(StoreKind kind)
    {
        using var browser = new ServerStoreBrowser(kind);
        var (session, tab) = browser.OpenTab(signInKey: "username");
        await session.SetAsync("username", "Same Sue");
        var signedIn = ServerStoreBrowser.IdIn(tab);

        await session.SetAsync("username", "Same Sue");
        Assert.Equal(signedIn, ServerStoreBrowser.IdIn(tab));

        await session.SetAsync("cart", Tea);
        await session.RemoveAsync("username");
        Assert.NotEqual(signedIn, ServerStoreBrowser.IdIn(tab));
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task RegenerateId_MovesBothDocuments_KeepsTheValues_AndTheOldIdsReadAsEmpty(StoreKind kind)
    {
        using var browser = new ServerStoreBrowser(kind);
        var (session, tab) = browser.OpenTab();
        await session.SetAsync("remembered", "yes", permanent: true);
        await session.SetPermanentAsync(false);
        var (oldOwn, oldPermanent) = (ServerStoreBrowser.IdIn(tab)!, ServerStoreBrowser.IdIn(browser.LocalStorage)!);

        await session.RegenerateIdAsync();

        Assert.NotEqual(oldOwn, ServerStoreBrowser.IdIn(tab));
        Assert.NotEqual(oldPermanent, ServerStoreBrowser.IdIn(browser.LocalStorage));
        Assert.Null(await browser.Store.GetAsync(oldOwn));
        Assert.Null(await browser.Store.GetAsync(oldPermanent));
        var (reloaded, _) = browser.OpenTab(tab);
        await reloaded.LoadAsync();
        Assert.Equal("yes", reloaded.Get<string>("remembered"));
        var (newTab, _) = browser.OpenTab();
        await newTab.LoadAsync();
        Assert.Equal("yes", newTab.Get<string>("remembered"));
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task TwoTabsChangingDifferentKeys_KeepBoth_AndTheSameKeysLastWriteWins(StoreKind kind)
    {
        using var browser = new ServerStoreBrowser(kind);
        var (first, _) = browser.OpenTab();
        await first.SetAsync("theme", "light", permanent: true);
        var (second, _) = browser.OpenTab();
        await second.LoadAsync();

        // Each writes from the copy it read, neither having seen the other's change.
        await first.SetAsync("cart", Tea);
        await second.SetAsync("username", "Both Bo");
        await first.SetAsync("theme", "dark");
        await second.SetAsync("theme", "system");

        var (third, _) = browser.OpenTab();
        await third.LoadAsync();
        Assert.Equal(Tea, third.Get<string[]>("cart"));
        Assert.Equal("Both Bo", third.Get<string>("username"));
        Assert.Equal("system", third.Get<string>("theme"));
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task TwoTabsWritingAtOnce_LoseNothing(StoreKind kind)
    {
        using var browser = new ServerStoreBrowser(kind);
        var (seed, _) = browser.OpenTab();
        await seed.SetAsync("start", 0, permanent: true);
        var tabs = Enumerable.Range(0, 8).Select(_ => browser.OpenTab().Session).ToArray();
        await Task.WhenAll(tabs.Select(tab => tab.LoadAsync()));

        await Task.WhenAll(tabs.Select((tab, index) => tab.SetAsync($"key-{index}", index)));

        var (reader, _) = browser.OpenTab();
        await reader.LoadAsync();
        var everyKey = Enumerable.Range(0, 8).Select(index => $"key-{index}").Append("start");
        Assert.Equal(everyKey.Order(StringComparer.Ordinal), reader.Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task AnIdNoLongerInTheStore_ReadsAsEmpty_IsLoggedWithoutItsValue_AndTheNextChangeGetsANewId(StoreKind kind)
    {
        using var browser = new ServerStoreBrowser(kind);
        var (session, tab) = browser.OpenTab();
        await session.SetAsync("username", "Expired Ed");
        var id = ServerStoreBrowser.IdIn(tab)!;
        await browser.Store.RemoveAsync(id);
        var logger = new FakeLogger();

        var (reloaded, _) = browser.OpenTab(tab, logger);
        await reloaded.LoadAsync();

        Assert.Empty(reloaded.Keys);
        var logged = Assert.Single(logger.Collector.GetSnapshot(), record => record.Id.Name == "SessionNotInStore");
        Assert.DoesNotContain(id, logged.Message, StringComparison.Ordinal);
        await reloaded.SetAsync("username", "Back Again");
        Assert.NotEqual(id, ServerStoreBrowser.IdIn(tab));
        Assert.Null(await browser.Store.GetAsync(id));
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task APointerWithAMalformedId_IsUnreadable_AndDeleted(StoreKind kind)
    {
        using var browser = new ServerStoreBrowser(kind);
        var tab = new InMemoryBrowserStorage();
        await tab.SetAsync(BrowserSession.StorageKey, JsonSerializer.SerializeToElement(new { v = 1, id = "guessed" }));

        var (session, _) = browser.OpenTab(tab);
        await session.LoadAsync();

        Assert.True(session.IsLoaded);
        Assert.Empty(session.Keys);
        Assert.Empty(tab.StoredKeys);
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task ADocumentTheBrowserKeptBeforeTheSwitch_IsRead_AndMovedToTheStoreByTheNextChange(StoreKind kind)
    {
        using var browser = new ServerStoreBrowser(kind);
        var tab = new InMemoryBrowserStorage();
        await tab.SetAsync(BrowserSession.StorageKey, StoredValuesFormat.Write(
            new Dictionary<string, JsonElement> { ["username"] = JsonSerializer.SerializeToElement("Before Bea") }).Document);

        var (session, _) = browser.OpenTab(tab);
        await session.LoadAsync();
        Assert.Equal("Before Bea", session.Get<string>("username"));
        await session.SetAsync("theme", "dark");

        Assert.NotNull(ServerStoreBrowser.IdIn(tab));
        var (reloaded, _) = browser.OpenTab(tab);
        await reloaded.LoadAsync();
        Assert.Equal("Before Bea", reloaded.Get<string>("username"));
        Assert.Equal("dark", reloaded.Get<string>("theme"));
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task AChangeTheBrowserCannotTake_LeavesTheStoredSessionAsItWas_InEachPlace(StoreKind kind)
    {
        using var browser = new ServerStoreBrowser(kind);
        var (own, tab) = browser.OpenTab();
        await own.SetAsync("username", "Before Bo");
        var (sharing, _) = browser.OpenTab();
        await sharing.SetAsync("theme", "light", permanent: true);

        tab.Unavailable = true;
        browser.LocalStorage.Unavailable = true;
        await Assert.ThrowsAsync<BrowserStorageUnavailableException>(() => own.SetAsync("username", "After Al"));
        await Assert.ThrowsAsync<BrowserStorageUnavailableException>(() => sharing.SetAsync("theme", "dark"));
        tab.Unavailable = false;
        browser.LocalStorage.Unavailable = false;

        var (reloaded, _) = browser.OpenTab(tab);
        await reloaded.LoadAsync();
        Assert.Equal("Before Bo", reloaded.Get<string>("username"));
        var (newTab, _) = browser.OpenTab();
        await newTab.LoadAsync();
        Assert.Equal("light", newTab.Get<string>("theme"));
    }

    [Fact]
    public async Task WithTheStoreStopped_ReadsAreUnavailable_WritesNameTheStore_AndTheReadIsMadeAgainWhenItIsBack()
    {
        using var browser = new ServerStoreBrowser(StoreKind.Distributed);
        var (session, tab) = browser.OpenTab();
        await session.SetAsync("username", "Kept Kay");
        browser.Cache.Stopped = true;

        var failed = await Assert.ThrowsAsync<BrowserStorageUnavailableException>(() => session.SetAsync("username", "Lost Lou"));
        Assert.Contains(nameof(StoppableDistributedCache), failed.Message, StringComparison.Ordinal);
        Assert.Equal("Kept Kay", session.Get<string>("username"));
        var (reloaded, _) = browser.OpenTab(tab);
        reloaded.AttachToCircuit("reloaded");
        await reloaded.LoadAsync();
        Assert.Equal(BrowserSessionStatus.Unavailable, reloaded.Status);

        // Still away at the first retry (1 s later): tried again, and still unavailable, with nothing called by the page.
        var unavailableAgain = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var loaded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        reloaded.Changed += () => (reloaded.IsLoaded ? loaded : unavailableAgain).TrySetResult();
        browser.Clock.Advance(TimeSpan.FromSeconds(1));
        await unavailableAgain.Task.WaitAsync(TimeSpan.FromSeconds(30));

        // Back before the second retry (2 s after the first).
        browser.Cache.Stopped = false;
        browser.Clock.Advance(TimeSpan.FromSeconds(2));

        await loaded.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal("Kept Kay", reloaded.Get<string>("username"));
    }

    [Fact]
    public async Task TheDistributedStore_IsToldTheIdleTimeoutForATab_AndTheExpiryForAPermanentSession()
    {
        using var browser = new ServerStoreBrowser(StoreKind.Distributed);
        var (session, tab) = browser.OpenTab();

        await session.SetAsync("username", "Timed Tim");
        var own = browser.Cache.WrittenWith[SessionStoreKeys.For(ServerStoreBrowser.IdIn(tab)!)];
        Assert.Equal(ServerStoreBrowser.IdleTimeout, own.SlidingExpiration);
        Assert.Null(own.AbsoluteExpiration);

        await session.SetPermanentAsync(true);
        var permanent = browser.Cache.WrittenWith[SessionStoreKeys.For(ServerStoreBrowser.IdIn(browser.LocalStorage)!)];
        Assert.Equal(browser.Clock.GetUtcNow() + new BrowserSessionOptions().RememberFor, permanent.AbsoluteExpiration);
        Assert.Null(permanent.SlidingExpiration);
    }

    [Fact]
    public void AnAppThatChoseTheServerStoreWithoutAStore_IsToldWhatToAdd()
    {
        using var services = new ServiceCollection().AddLogging()
            .AddBrowserSession(options => options.UseServerStore()).BuildServiceProvider();

        var refused = Assert.Throws<OptionsValidationException>(
            () => services.GetRequiredService<IOptions<BrowserSessionOptions>>().Value);

        Assert.Contains("AddHybridCache()", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheTestPackage_ServesAnAppThatChoseTheServerStore_Unchanged()
    {
        using var services = new ServiceCollection().AddLogging()
            .AddInMemoryBrowserSession(options => options.UseServerStore()).BuildServiceProvider();
        using (var first = services.CreateScope())
        {
            await first.ServiceProvider.GetRequiredService<BrowserSession>().SetAsync("visits", 1);
        }

        using var reload = services.CreateScope();
        var session = reload.ServiceProvider.GetRequiredService<BrowserSession>();
        await session.LoadAsync();

        Assert.Equal(1, session.Get<int>("visits"));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(512)]
    public void AMaxSessionBytesOutOfRange_IsRefused(int maxSessionBytes) =>
        Assert.Throws<ValidationException>(
            () => new BrowserSessionOptions().UseServerStore(store => store.MaxSessionBytes = maxSessionBytes));
}
