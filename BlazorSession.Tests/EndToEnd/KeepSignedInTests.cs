using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BlazorSession.Tests.EndToEnd;

/// <summary>
/// "Keep me signed in" across the tabs of one browser: the pages of one browser context share localStorage (and each
/// has its own sessionStorage), as the tabs of a browser do; a new context made from the first one's storage state is
/// the same browser after a restart.
/// </summary>
public class KeepSignedInTests(BrowserAppFixture fixture) : EndToEndTest(fixture)
{
    internal const string RememberedKey = BrowserSession.StorageKey;

    [Fact]
    public Task TickAndSave_AnOpenTabWithNoName_ShowsItWithoutAReload_AndSoDoesANewTab() => RecordingFailuresAsync(async () =>
    {
        var openTab = await OpenTabAsync("get-session");
        await Expect(openTab.Locator("#result")).ToHaveTextAsync(NoSessionText);
        await MarkDocumentAsync(openTab);

        await Page.BringToFrontAsync();
        await SaveRememberedAsync(Page, "Kept Kim");

        await openTab.BringToFrontAsync();
        await Expect(openTab.Locator("#result")).ToHaveTextAsync("Session username: Kept Kim");
        await Expect(openTab.Locator(".signed-in")).ToHaveTextAsync("Signed in as Kept Kim");
        await ExpectSameDocumentAsync(openTab);
        var newTab = await OpenTabAsync("members");
        await Expect(newTab.Locator("#result")).ToHaveTextAsync(MembersWelcome("Kept Kim"));
        await Expect(newTab.Locator(".signed-in")).ToHaveTextAsync("Signed in as Kept Kim");
    });

    [Fact]
    public Task ABrowserRestart_StartsSignedIn() => RecordingFailuresAsync(async () =>
    {
        await SaveRememberedAsync(Page, "Restart Ray");
        var storage = await Context.StorageStateAsync();

        await using var restarted = await Fixture.Browser.NewContextAsync(new() { StorageState = storage });
        var page = await restarted.NewPageAsync();
        await page.GotoAsync(Url("get-session"));

        await Expect(page.Locator("#result")).ToHaveTextAsync("Session username: Restart Ray");
        await Expect(page.Locator(".signed-in")).ToHaveTextAsync("Signed in as Restart Ray");
        await Expect(page.Locator("#blazor-error-ui")).ToBeHiddenAsync();
    });

    [Fact]
    public Task SignOutInAnotherTab_SignsOutEveryTabThatFollowed_WithoutAReload_ButATabWithItsOwnNameKeepsIt() =>
        RecordingFailuresAsync(async () =>
        {
            await SaveRememberedAsync(Page, "Everywhere Eve");
            await Page.GetByRole(AriaRole.Link, new() { Name = "Get session", Exact = true }).ClickAsync();
            await ExpectShownAsync("Everywhere Eve");
            await MarkDocumentAsync(Page);
            var ownName = await OpenTabAsync("set-session");
            await SaveInAsync(ownName, "Own Olive", keepSignedIn: false);
            var signingOut = await OpenTabAsync("get-session");
            await Expect(signingOut.Locator(".signed-in")).ToHaveTextAsync("Signed in as Everywhere Eve");

            await signingOut.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
            await Expect(signingOut.Locator("#result")).ToHaveTextAsync(NoSessionText);

            await Page.BringToFrontAsync();
            await Expect(Result).ToHaveTextAsync(NoSessionText);
            await Expect(Page.Locator(".session-controls").GetByRole(AriaRole.Link, new() { Name = "Sign in" })).ToBeVisibleAsync();
            await ExpectSameDocumentAsync(Page);
            Assert.Null(await Page.EvaluateAsync<string?>("() => sessionStorage.getItem('blazor-session')"));
            await ownName.BringToFrontAsync();
            await Expect(ownName.Locator(".signed-in")).ToHaveTextAsync("Signed in as Own Olive");
            await ownName.ReloadAsync();
            await Expect(ownName.Locator(".signed-in")).ToHaveTextAsync("Signed in as Own Olive");
            Assert.Null(await Page.EvaluateAsync<string?>($"() => localStorage.getItem('{RememberedKey}')"));
        });

    [Fact]
    public Task AnotherTabClearingTheBrowsersStorage_SignsOutATabThatFollowed_WithoutAReload() =>
        RecordingFailuresAsync(async () =>
        {
            await SaveRememberedAsync(Page, "Wiped Wes");
            await Page.GetByRole(AriaRole.Link, new() { Name = "Get session", Exact = true }).ClickAsync();
            await ExpectShownAsync("Wiped Wes");
            await MarkDocumentAsync(Page);
            var clearing = await OpenTabAsync("get-session");
            await Expect(clearing.Locator(".signed-in")).ToHaveTextAsync("Signed in as Wiped Wes");

            // What a site's own script, or the browser's "clear site data" for this origin's storage, does.
            await clearing.EvaluateAsync("() => localStorage.clear()");

            await Page.BringToFrontAsync();
            await Expect(Result).ToHaveTextAsync(NoSessionText);
            await Expect(Page.Locator(".session-controls").GetByRole(AriaRole.Link, new() { Name = "Sign in" })).ToBeVisibleAsync();
            await ExpectSameDocumentAsync(Page);
        });

    [Fact]
    public Task WithoutTheBox_ASecondTabStartsEmpty() => RecordingFailuresAsync(async () =>
    {
        await SaveInAsync(Page, "Tab Only Tess", keepSignedIn: false);

        var secondTab = await OpenTabAsync("get-session");

        await Expect(secondTab.Locator("#result")).ToHaveTextAsync(NoSessionText);
        Assert.Null(await secondTab.EvaluateAsync<string?>($"() => localStorage.getItem('{RememberedKey}')"));
    });

    [Fact]
    public Task ATamperedRememberedValue_ReadsAsSignedOut_WithNoErrorUi_AndIsDeleted() => RecordingFailuresAsync(async () =>
    {
        await SaveRememberedAsync(Page, "Tampered Tom");
        await Page.EvaluateAsync($$"""
            () => {
                const value = localStorage.getItem('{{RememberedKey}}');
                const last = value.at(-1) === 'A' ? 'B' : 'A';
                localStorage.setItem('{{RememberedKey}}', value.slice(0, -1) + last);
            }
            """);

        var newTab = await OpenTabAsync("get-session");

        await Expect(newTab.Locator("#result")).ToHaveTextAsync(NoSessionText);
        await Expect(newTab.Locator("#blazor-error-ui")).ToBeHiddenAsync();
        await Expect(newTab.Locator(".session-controls").GetByRole(AriaRole.Link, new() { Name = "Sign in" })).ToBeVisibleAsync();
        Assert.Null(await newTab.EvaluateAsync<string?>($"() => localStorage.getItem('{RememberedKey}')"));
    });

    [Fact]
    public Task ANewTab_GetsTheRememberedName_InTheServersFirstResponse() => RecordingFailuresAsync(async () =>
    {
        await SaveRememberedAsync(Page, "Early Ella");
        var newTab = await Context.NewPageAsync();

        var response = await newTab.GotoAsync(Url("get-session"));

        var html = await response!.TextAsync();
        Assert.Contains("Session username: Early Ella", html);
        Assert.Contains("Signed in as <strong>Early Ella</strong>", html);
        await Expect(newTab.Locator("#result")).ToHaveTextAsync("Session username: Early Ella");
    });

    private async Task<IPage> OpenTabAsync(string path)
    {
        var page = await Context.NewPageAsync();
        await page.GotoAsync(Url(path));
        return page;
    }

    /// <summary>Opens the set page in <paramref name="page"/>, ticks "Keep me signed in" and saves.</summary>
    internal async Task SaveRememberedAsync(IPage page, string name) => await SaveInAsync(page, name, keepSignedIn: true);

    private async Task SaveInAsync(IPage page, string name, bool keepSignedIn)
    {
        if (!page.Url.EndsWith("/set-session", StringComparison.Ordinal))
        {
            await page.GotoAsync(Url("set-session"));
        }

        var input = page.GetByLabel("Username");
        await Expect(input).ToBeEnabledAsync();
        await Expect(page.Locator("main[data-interactive]")).ToBeAttachedAsync();
        await input.FillAsync(name);
        await page.GetByLabel("Keep me signed in").SetCheckedAsync(keepSignedIn);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = SavedText })).ToBeVisibleAsync();
    }

    private static async Task MarkDocumentAsync(IPage page) =>
        await page.EvaluateAsync("() => window.sameDocumentMarker = 'not reloaded'");

    private static async Task ExpectSameDocumentAsync(IPage page) =>
        Assert.Equal("not reloaded", await page.EvaluateAsync<string?>("() => window.sameDocumentMarker ?? null"));

    private static string MembersWelcome(string name) => $"Welcome, {name}. Only visitors who have signed in see this page.";
}

/// <summary>
/// The expiry, with the app started with <c>Session__RememberFor=00:00:03</c>: once it has passed, a new tab starts
/// signed out and the entry is gone from localStorage.
/// </summary>
public class KeepSignedInExpiryTests(BrowserAppFixture fixture)
    : OwnServerTest(fixture, ("Session__RememberFor", "00:00:03"))
{
    [Fact]
    public Task PastItsExpiry_ANewTabStartsSignedOut_AndTheEntryIsDeleted() => RecordingFailuresAsync(async () =>
    {
        await OpenAsync("set-session");
        await Expect(Page.Locator("main[data-interactive]")).ToBeAttachedAsync();
        await UsernameInput.FillAsync("Brief Bo");
        await Page.GetByLabel("Keep me signed in").CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await ExpectSavedAsync();
        Assert.NotNull(await Page.EvaluateAsync<string?>($"() => localStorage.getItem('{KeepSignedInTests.RememberedKey}')"));

        // The condition is the server's: new tabs are opened until one is signed out, each waiting for the circuit's
        // answer. A remembered sign-in that never expired keeps answering the name until the deadline fails the test.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        IPage newTab;
        while (true)
        {
            newTab = await Context.NewPageAsync();
            await newTab.GotoAsync(Url("get-session"));
            await Expect(newTab.GetByRole(AriaRole.Button, new() { Name = "Clear session" })).ToBeEnabledAsync();
            if (await newTab.Locator("#result").TextContentAsync() == NoSessionText)
            {
                break;
            }

            Assert.True(DateTime.UtcNow < deadline, "The remembered sign-in never expired.");
            await newTab.CloseAsync();
        }

        await Expect(newTab.Locator("#blazor-error-ui")).ToBeHiddenAsync();
        Assert.Null(await newTab.EvaluateAsync<string?>($"() => localStorage.getItem('{KeepSignedInTests.RememberedKey}')"));
    });
}
