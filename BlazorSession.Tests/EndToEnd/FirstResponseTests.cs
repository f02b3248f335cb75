using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BlazorSession.Tests.EndToEnd;

/// <summary>
/// What the server's first response already shows, now that it reads the session its request carried
/// (UseBrowserSession): the header's name and cart count, and the theme, with no other state before them.
/// </summary>
public class FirstResponseTests(BrowserAppFixture fixture) : EndToEndTest(fixture)
{
    // Records every value data-theme has had on <main>, from the first parsed byte of each document.
    private const string ThemeRecorder = """
        window.themes = [];
        new MutationObserver(() => {
            const main = document.querySelector('main');
            const theme = main ? (main.getAttribute('data-theme') ?? 'light') : undefined;
            if (theme !== undefined && theme !== window.themes.at(-1)) {
                window.themes.push(theme);
            }
        }).observe(document, { childList: true, subtree: true, attributes: true });
        """;

    [Fact]
    public Task AReload_HasTheHeadersNameAndCartCount_InTheFirstResponse() => RecordingFailuresAsync(async () =>
    {
        await SaveNameAsync("Header Hal");
        await ExpectSavedAsync();
        await OpenAsync("cart");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Add Earl Grey tea to cart" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Cart (1)" })).ToBeVisibleAsync();

        var response = await Page.ReloadAsync();

        var html = await response!.TextAsync();
        Assert.Contains("Signed in as <strong>Header Hal</strong>", html);
        Assert.Contains(">Cart (1)</a>", html);
        Assert.Contains("Earl Grey tea × 1", html);
    });

    [Fact]
    public Task TheChosenTheme_IsInTheFirstResponse_OfAReload_AndOfANewTabOfAKeptSession() => RecordingFailuresAsync(async () =>
    {
        await SaveRememberedAsync("Dark Dora");
        await OpenAsync("preferences");
        var dark = Page.GetByRole(AriaRole.Radio, new() { Name = "Dark" });
        await Expect(dark).ToBeEnabledAsync();
        await dark.CheckAsync();
        await Expect(Page.Locator("main[data-theme=dark]")).ToBeAttachedAsync();

        await Page.AddInitScriptAsync(ThemeRecorder);
        var reloaded = await Page.ReloadAsync();
        Assert.Contains("data-theme=\"dark\"", await reloaded!.TextAsync());
        await Expect(Page.GetByRole(AriaRole.Radio, new() { Name = "Dark" })).ToBeCheckedAsync();
        await Expect(Page.GetByRole(AriaRole.Radio, new() { Name = "Dark" })).ToBeEnabledAsync();
        Assert.Equal(["dark"], await Page.EvaluateAsync<string[]>("() => window.themes"));

        var newTab = await Context.NewPageAsync();
        await newTab.AddInitScriptAsync(ThemeRecorder);
        var first = await newTab.GotoAsync(Url("get-session"));
        Assert.Contains("data-theme=\"dark\"", await first!.TextAsync());
        await Expect(newTab.Locator("main[data-interactive]")).ToBeAttachedAsync();
        Assert.Equal(["dark"], await newTab.EvaluateAsync<string[]>("() => window.themes"));
    });

    private async Task SaveRememberedAsync(string name)
    {
        await OpenAsync("set-session");
        await Expect(UsernameInput).ToBeEnabledAsync();
        await UsernameInput.FillAsync(name);
        await Page.GetByLabel("Keep me signed in").CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await ExpectSavedAsync();
    }
}
