using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BlazorSession.Tests.EndToEnd;

public class JourneyTests(BrowserAppFixture fixture) : EndToEndTest(fixture)
{
    [Fact]
    public Task SavedName_IsShownOnTheGetPage_AfterInAppNavigation_WithoutAPageLoad() => RecordingFailuresAsync(async () =>
    {
        await SaveNameAsync("Ada Lovelace");
        await ExpectSavedAsync();
        await Page.EvaluateAsync("() => window.sameDocumentMarker = 'still here'");

        await Page.GetByRole(AriaRole.Link, new() { Name = "Get session" }).ClickAsync();

        await ExpectShownAsync("Ada Lovelace");
        Assert.EndsWith("/get-session", Page.Url);
        Assert.Equal("still here", await Page.EvaluateAsync<string?>("() => window.sameDocumentMarker ?? null"));
        await ExpectSignedInAsync("Ada Lovelace");
    });

    [Fact]
    public Task Reload_KeepsTheName_AndNeverSaysNoSessionOnTheWay() => RecordingFailuresAsync(async () =>
    {
        await SaveNameAsync("Grace Hopper");
        await ExpectSavedAsync();
        await Page.AddInitScriptAsync(NoSessionWatcherScript);

        await Page.GotoAsync(Url("get-session"));
        await ExpectShownAsync("Grace Hopper");
        Assert.False(await Page.EvaluateAsync<bool>("() => window.sawNoSession"),
            "\"No session data found.\" was in the page before the stored name was shown.");
        await Page.ReloadAsync();
        await ExpectShownAsync("Grace Hopper");

        Assert.False(await Page.EvaluateAsync<bool>("() => window.sawNoSession"),
            "\"No session data found.\" was in the page before the stored name was shown.");
    });

    [Fact]
    public Task SessionStorage_HoldsCiphertextOnly() => RecordingFailuresAsync(async () =>
    {
        const string name = "Plaintext Canary";
        await SaveNameAsync(name);
        await ExpectSavedAsync();

        var value = await Page.EvaluateAsync<string>($"() => sessionStorage.getItem('{BrowserSession.StorageKey}')");

        Assert.DoesNotContain("Canary", value, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("username", value, StringComparison.OrdinalIgnoreCase);
        Assert.True(value.Length > 40, $"Expected a protected payload, got '{value}'.");
    });

    [Fact]
    public Task ASecondTab_StartsEmpty_AndTheFirstKeepsItsName() => RecordingFailuresAsync(async () =>
    {
        await SaveNameAsync("First Tab");
        await ExpectSavedAsync();

        var secondTab = await Context.NewPageAsync();
        await secondTab.GotoAsync(Url("get-session"));
        await Expect(secondTab.Locator("#result")).ToHaveTextAsync(NoSessionText);
        await secondTab.CloseAsync();

        await Page.BringToFrontAsync();
        await Page.GotoAsync(Url("get-session"));
        await ExpectShownAsync("First Tab");
    });

    [Fact]
    public Task MarkupAndScriptInAName_AreShownAsText_AndNeverRun() => RecordingFailuresAsync(async () =>
    {
        const string name = "<img src=x onerror=injected=1><script>injected=2</script>";
        await SaveNameAsync(name);
        await ExpectSavedAsync();

        await Page.GotoAsync(Url("get-session"));

        await ExpectShownAsync(name);
        await ExpectSignedInAsync(name);
        Assert.Equal(0, await Page.Locator("main img, header img").CountAsync());
        Assert.Null(await Page.EvaluateAsync<int?>("() => window.injected ?? null"));
    });

    [Fact]
    public Task ClearSession_RemovesTheName_AlsoAfterAReload() => RecordingFailuresAsync(async () =>
    {
        await SaveNameAsync("Short Lived");
        await ExpectSavedAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "Get session" }).ClickAsync();
        await ExpectShownAsync("Short Lived");

        await Page.GetByRole(AriaRole.Button, new() { Name = "Clear session" }).ClickAsync();

        await Expect(Result).ToHaveTextAsync(NoSessionText);
        await Expect(Page.Locator(".signed-in")).ToHaveTextAsync("");
        await Page.ReloadAsync();
        await Expect(Result).ToHaveTextAsync(NoSessionText);
        Assert.Null(await Page.EvaluateAsync<string?>($"() => sessionStorage.getItem('{BrowserSession.StorageKey}')"));
    });

    [Fact]
    public Task KeyboardOnly_TabToTheInput_TypeAndPressEnter_Saves() => RecordingFailuresAsync(async () =>
    {
        await OpenAsync("set-session");
        await Expect(UsernameInput).ToBeEnabledAsync();

        for (var presses = 0; presses < 10 && !await IsUsernameFocusedAsync(); presses++)
        {
            await Page.Keyboard.PressAsync("Tab");
        }

        Assert.True(await IsUsernameFocusedAsync(), "Tab never reached the Username input.");
        await Page.Keyboard.TypeAsync("Keyboard User");
        await Page.Keyboard.PressAsync("Enter");

        await ExpectSavedAsync();
        await ExpectSignedInAsync("Keyboard User");
    });

    [Fact]
    public Task TheTabsTitle_IsPrerendered_AndFollowsInAppNavigation() => RecordingFailuresAsync(async () =>
    {
        var response = await Page.APIRequest.GetAsync(Url("get-session"));
        Assert.Contains("<title>Get session</title>", await response.TextAsync(), StringComparison.Ordinal);

        await OpenAsync("set-session");
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Save" })).ToBeEnabledAsync();
        await Expect(Page).ToHaveTitleAsync("Set session");

        await Page.GetByRole(AriaRole.Link, new() { Name = "Get session", Exact = true }).ClickAsync();
        await Expect(Page).ToHaveTitleAsync("Get session");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Home", Exact = true }).ClickAsync();
        await Expect(Page).ToHaveTitleAsync("BlazorSession");
    });

    [Fact]
    public Task TheTutorialsRoutes_WorkToo() => RecordingFailuresAsync(async () =>
    {
        await OpenAsync("set_session");
        await Expect(UsernameInput).ToBeEnabledAsync();
        await UsernameInput.FillAsync("Flask Fan");
        await UsernameInput.PressAsync("Enter");
        await ExpectSavedAsync();

        await OpenAsync("get_session");

        await ExpectShownAsync("Flask Fan");
    });

    private Task<bool> IsUsernameFocusedAsync() =>
        Page.EvaluateAsync<bool>("() => document.activeElement?.id === 'username'");

    // Installed before any of the page's own scripts: records whether the "none stored" text is ever in the DOM,
    // from the first parsed byte to the end.
    private const string NoSessionWatcherScript = """
        window.sawNoSession = false;
        const check = () => {
            if (document.documentElement && document.documentElement.textContent.includes('No session data found.')) {
                window.sawNoSession = true;
            }
        };
        new MutationObserver(check).observe(document, { childList: true, subtree: true, characterData: true });
        """;
}
