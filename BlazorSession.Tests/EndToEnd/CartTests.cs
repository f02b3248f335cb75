using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BlazorSession.Tests.EndToEnd;

/// <summary>The shopping cart in Chromium: kept in the tab's session, shown in the header on every page.</summary>
public class CartTests(BrowserAppFixture fixture) : EndToEndTest(fixture)
{
    private static readonly string[] OtherPages = ["Get session", "Members", "Set session", "Home"];

    private static ILocator CartLink(IPage page, string text) =>
        page.Locator("nav").GetByRole(AriaRole.Link, new() { Name = text, Exact = true });

    private static ILocator Lines(IPage page) => page.Locator(".cart-lines li > span");

    [Fact]
    public Task AddedProducts_AreCountedInTheHeaderOnEveryPage_AndKeptAcrossNavigationAndReload() => RecordingFailuresAsync(async () =>
    {
        await OpenAsync("cart");
        await AddAsync(Page, "Earl Grey tea");
        await AddAsync(Page, "Earl Grey tea");
        await AddAsync(Page, "Wildflower honey");

        await Expect(Lines(Page)).ToHaveTextAsync(["Earl Grey tea × 2", "Wildflower honey × 1"]);
        await Expect(CartLink(Page, "Cart (3)")).ToBeVisibleAsync();
        foreach (var link in OtherPages)
        {
            await Page.Locator("nav").GetByRole(AriaRole.Link, new() { Name = link, Exact = true }).ClickAsync();
            await Expect(CartLink(Page, "Cart (3)")).ToBeVisibleAsync();
        }

        await Page.ReloadAsync();
        await Expect(CartLink(Page, "Cart (3)")).ToBeVisibleAsync();
        await CartLink(Page, "Cart (3)").ClickAsync();
        await Expect(Lines(Page)).ToHaveTextAsync(["Earl Grey tea × 2", "Wildflower honey × 1"]);
    });

    [Fact]
    public Task AReload_NeverShowsAnEmptyCart_OrACountItDoesNotKnow() => RecordingFailuresAsync(async () =>
    {
        await OpenAsync("cart");
        await AddAsync(Page, "Sencha green tea");
        await Expect(CartLink(Page, "Cart (1)")).ToBeVisibleAsync();
        await Context.AddInitScriptAsync("""
            window.cartTexts = [];
            new MutationObserver(() => {
                const text = (document.querySelector('#cart-status')?.textContent ?? '') + '|' +
                    ([...document.querySelectorAll('nav a')].find(a => a.getAttribute('href') === 'cart')?.textContent ?? '');
                if (text !== window.cartTexts.at(-1)) window.cartTexts.push(text);
            }).observe(document, { childList: true, subtree: true, characterData: true });
            """);

        await Page.ReloadAsync();

        await Expect(Lines(Page)).ToHaveTextAsync(["Sencha green tea × 1"]);
        var seen = await Page.EvaluateAsync<string[]>("() => window.cartTexts");
        Assert.DoesNotContain(seen, text => text.Contains("Your cart is empty.", StringComparison.Ordinal));
        Assert.DoesNotContain(seen, text => text.Contains("Cart (0)", StringComparison.Ordinal));
    });

    [Fact]
    public Task Remove_AndEmptyCart_TakeTheLinesOut() => RecordingFailuresAsync(async () =>
    {
        await OpenAsync("cart");
        await AddAsync(Page, "Earl Grey tea");
        await AddAsync(Page, "Shortbread biscuits");
        await Expect(Lines(Page)).ToHaveCountAsync(2);

        await Page.GetByRole(AriaRole.Button, new() { Name = "Remove Earl Grey tea" }).ClickAsync();
        await Expect(Lines(Page)).ToHaveTextAsync(["Shortbread biscuits × 1"]);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Empty cart" }).ClickAsync();

        await Expect(Page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Your cart is empty." })).ToBeVisibleAsync();
        await Expect(CartLink(Page, "Cart (0)")).ToBeVisibleAsync();
    });

    [Fact]
    public Task TwoQuickClicks_AddTwo() => RecordingFailuresAsync(async () =>
    {
        await OpenAsync("cart");
        var add = Page.GetByRole(AriaRole.Button, new() { Name = "Add Wildflower honey to cart" });
        await Expect(add).ToBeEnabledAsync();

        await add.DblClickAsync();

        await Expect(Lines(Page)).ToHaveTextAsync(["Wildflower honey × 2"]);
    });

    [Fact]
    public Task ANewTab_StartsWithAnEmptyCart_AndKeepMeSignedIn_SharesItWithAnotherTab_Live() => RecordingFailuresAsync(async () =>
    {
        await OpenAsync("cart");
        await AddAsync(Page, "Earl Grey tea");
        var stranger = await Fixture.Browser.NewContextAsync();
        var strangerTab = await stranger.NewPageAsync();
        await strangerTab.GotoAsync(Url("cart"));
        await Expect(strangerTab.GetByText("Your cart is empty.")).ToBeVisibleAsync();
        await stranger.DisposeAsync();

        await SaveNameAsync("Cart Keeper");
        await Page.GetByLabel("Keep me signed in").CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await ExpectSavedAsync();
        var second = await Context.NewPageAsync();
        await second.GotoAsync(Url("cart"));
        await Expect(Lines(second)).ToHaveTextAsync(["Earl Grey tea × 1"]);

        await Page.BringToFrontAsync();
        await Page.Locator("nav").GetByRole(AriaRole.Link, new() { Name = "Cart (1)" }).ClickAsync();
        await AddAsync(Page, "Earl Grey tea");
        await second.BringToFrontAsync();
        await Expect(Lines(second)).ToHaveTextAsync(["Earl Grey tea × 2"]);
        await Expect(CartLink(second, "Cart (2)")).ToBeVisibleAsync();

        await Page.BringToFrontAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await second.BringToFrontAsync();
        await Expect(second.GetByText("Your cart is empty.")).ToBeVisibleAsync();
    });

    [Fact]
    public Task TheHundredthOfOneProduct_IsRefused_WithAnAlert_AndTheCartUnchanged() => RecordingFailuresAsync(async () =>
    {
        await OpenAsync("cart");
        for (var i = 0; i < 99; i++)
        {
            await AddAsync(Page, "Sencha green tea");
        }

        await Expect(CartLink(Page, "Cart (99)")).ToBeVisibleAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Add Sencha green tea to cart" }).ClickAsync();

        await Expect(Page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("A cart holds at most 99 of one product.");
        await Expect(Lines(Page)).ToHaveTextAsync(["Sencha green tea × 99"]);
        await Expect(CartLink(Page, "Cart (99)")).ToBeVisibleAsync();
        await Page.ReloadAsync();
        await Expect(Lines(Page)).ToHaveTextAsync(["Sencha green tea × 99"]);
    });

    [Fact]
    public Task ATamperedSession_ReadsAsAnEmptyCart_WithoutErrorUi() => RecordingFailuresAsync(async () =>
    {
        await OpenAsync("cart");
        await AddAsync(Page, "Shortbread biscuits");
        var changed = await Page.EvaluateAsync<bool>($$"""
            () => {
                const before = sessionStorage.getItem('{{BrowserSession.StorageKey}}');
                sessionStorage.setItem('{{BrowserSession.StorageKey}}', before.slice(0, 30) + (before[30] === 'A' ? 'B' : 'A') + before.slice(31));
                return sessionStorage.getItem('{{BrowserSession.StorageKey}}') !== before;
            }
            """);
        Assert.True(changed);

        await Page.ReloadAsync();

        await Expect(Page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Your cart is empty." })).ToBeVisibleAsync();
        await Expect(CartLink(Page, "Cart (0)")).ToBeVisibleAsync();
        await ExpectNoErrorUiAsync();
    });

    private static async Task AddAsync(IPage page, string product)
    {
        var add = page.GetByRole(AriaRole.Button, new() { Name = $"Add {product} to cart" });
        await Expect(add).ToBeEnabledAsync();
        var before = await page.Locator("nav a[href='cart']").TextContentAsync();
        await add.ClickAsync();
        await Expect(page.Locator("nav a[href='cart']")).Not.ToHaveTextAsync(before ?? "");
    }
}
