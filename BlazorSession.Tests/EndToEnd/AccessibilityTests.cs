using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BlazorSession.Tests.EndToEnd;

public class AccessibilityTests(BrowserAppFixture fixture) : EndToEndTest(fixture)
{
    private static readonly string[] BlockingImpacts = ["serious", "critical"];
    private static readonly string[] Pages = ["", "set-session", "get-session", "members", "cart", "preferences"];
    private static readonly string[] ThreeProducts = ["Earl Grey tea", "Sencha green tea", "Wildflower honey"];

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public Task EveryPage_HasNoSeriousOrCriticalViolations(bool withStoredName) => RecordingFailuresAsync(async () =>
    {
        if (withStoredName)
        {
            await SaveNameAsync("Axe Tester");
            await ExpectSavedAsync();
        }

        Assert.Empty(await ViolationsOnEveryPageAsync());
    });

    [Fact]
    public Task EveryPage_InTheDarkTheme_HasNoSeriousOrCriticalViolations() => RecordingFailuresAsync(async () =>
    {
        await OpenAsync("preferences");
        var dark = Page.GetByRole(AriaRole.Radio, new() { Name = "Dark" });
        await Expect(dark).ToBeEnabledAsync();
        await dark.CheckAsync();
        await Expect(Page.Locator("main[data-theme=dark]")).ToBeAttachedAsync();

        Assert.Empty(await ViolationsOnEveryPageAsync());
    });

    private async Task<List<string>> ViolationsOnEveryPageAsync()
    {
        var problems = new List<string>();
        foreach (var path in Pages)
        {
            await Page.GotoAsync(Url(path));
            await Expect(Page.Locator("h1")).ToBeVisibleAsync();
            if (path == "get-session")
            {
                await Expect(Result).Not.ToHaveTextAsync("Loading session…");
            }

            if (path == "set-session")
            {
                await Expect(UsernameInput).ToBeEnabledAsync();
            }

            if (path == "members")
            {
                await Expect(Result).Not.ToHaveTextAsync("Checking your session…");
            }

            if (path == "cart")
            {
                await Expect(Page.GetByText("Loading cart…")).ToHaveCountAsync(0);
            }

            problems.AddRange(await BlockingViolationsAsync(path));
        }

        return problems;
    }

    // The members page's third state, "Checking your session…", is what a prerender shows when its request could not
    // say which tab it came from (two tabs' handoffs, as when two tabs leave their pages at once), until the circuit
    // has read the session: the framework script is held back so that axe sees it.
    [Fact]
    public Task MembersPage_WhileCheckingTheSession_HasNoSeriousOrCriticalViolations() => RecordingFailuresAsync(async () =>
    {
        var release = await HoldFrameworkScriptAsync();
        await Context.AddCookiesAsync(
        [
            new() { Name = $"blazor-session.tab.{Guid.NewGuid():N}", Value = "1.-", Url = Url("") },
            new() { Name = $"blazor-session.tab.{Guid.NewGuid():N}", Value = "1.-", Url = Url("") },
        ]);

        await Page.GotoAsync(Url("members"), new() { WaitUntil = WaitUntilState.DOMContentLoaded });

        await Expect(Result).ToHaveTextAsync("Checking your session…");
        var problems = await BlockingViolationsAsync("members (checking)");
        release();
        Assert.Empty(problems);
    });

    [Fact]
    public Task CartPage_WithThreeLines_HasNoSeriousOrCriticalViolations() => RecordingFailuresAsync(async () =>
    {
        await OpenAsync("cart");
        foreach (var product in ThreeProducts)
        {
            var add = Page.GetByRole(AriaRole.Button, new() { Name = $"Add {product} to cart" });
            await Expect(add).ToBeEnabledAsync();
            await add.ClickAsync();
        }

        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Cart (3)" })).ToBeVisibleAsync();
        Assert.Empty(await BlockingViolationsAsync("cart (three lines)"));
    });

    private async Task<IEnumerable<string>> BlockingViolationsAsync(string page)
    {
        var results = await Page.RunAxe();
        return results.Violations
            .Where(violation => BlockingImpacts.Contains(violation.Impact))
            .Select(violation => $"/{page}: {violation.Id} ({violation.Impact}): {violation.Help}")
            .ToList();
    }
}
