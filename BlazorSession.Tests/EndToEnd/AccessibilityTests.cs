using Deque.AxeCore.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BlazorSession.Tests.EndToEnd;

public class AccessibilityTests(BrowserAppFixture fixture) : EndToEndTest(fixture)
{
    private static readonly string[] BlockingImpacts = ["serious", "critical"];
    private static readonly string[] Pages = ["", "set-session", "get-session"];

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

            var results = await Page.RunAxe();
            problems.AddRange(results.Violations
                .Where(violation => BlockingImpacts.Contains(violation.Impact))
                .Select(violation => $"/{path}: {violation.Id} ({violation.Impact}): {violation.Help}"));
        }

        Assert.Empty(problems);
    });
}
