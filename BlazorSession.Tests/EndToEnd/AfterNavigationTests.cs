using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BlazorSession.Tests.EndToEnd;

/// <summary>
/// The tab's title and the keyboard focus when the circuit shows another page: the browser's after-navigation.js
/// sets both from what the page rendered, without a JS call from the circuit.
/// </summary>
public class AfterNavigationTests(BrowserAppFixture fixture) : EndToEndTest(fixture)
{
    private ILocator Heading => Page.Locator("main h1");

    // Marked by the circuit's first render (MainLayout.razor): before it, a link is followed by a page load.
    private ILocator Interactive => Page.Locator("main[data-interactive]");

    [Fact]
    public Task InAppNavigation_FocusesTheNewPagesHeading_AndSetsItsTitle() => RecordingFailuresAsync(async () =>
    {
        await OpenAsync("set-session");
        await Expect(Interactive).ToBeAttachedAsync();

        await Page.GetByRole(AriaRole.Link, new() { Name = "Get session", Exact = true }).ClickAsync();
        await Expect(Heading).ToHaveTextAsync("Get session");

        await Expect(Heading).ToBeFocusedAsync();
        await Expect(Page).ToHaveTitleAsync("Get session");

        await Page.GoBackAsync();
        await Expect(Heading).ToHaveTextAsync("Set session");
        await Expect(Heading).ToBeFocusedAsync();
        await Expect(Page).ToHaveTitleAsync("Set session");
    });

    [Fact]
    public Task ThePageTheBrowserLoaded_LeavesTheFocusAlone() => RecordingFailuresAsync(async () =>
    {
        await OpenAsync("get-session");

        await Expect(Interactive).ToBeAttachedAsync();

        // The circuit's first render has been applied (the marker came with it), and with it the script's work:
        // the new document keeps its focus at its top.
        Assert.False(await Heading.EvaluateAsync<bool>("heading => heading === document.activeElement"));
        await Expect(Page).ToHaveTitleAsync("Get session");
    });

    [Fact]
    public Task APageReplacedAtTheSameAddress_LeavesTheFocusAlone() => RecordingFailuresAsync(async () =>
    {
        await SaveNameAsync("Staying Sam");
        await ExpectSavedAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "Members", Exact = true }).ClickAsync();
        await Expect(Result).ToContainTextAsync("Welcome, Staying Sam.");

        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(Result).ToContainTextAsync("Sign in to see this page.");

        // The sign-in prompt replaced the members page in the same render: had the script taken it for a
        // navigation, its heading would hold the focus by now.
        Assert.False(await Heading.EvaluateAsync<bool>("heading => heading === document.activeElement"));
        await Expect(Page).ToHaveTitleAsync("Members");
    });
}
