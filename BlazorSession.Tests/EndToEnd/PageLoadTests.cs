using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BlazorSession.Tests.EndToEnd;

/// <summary>
/// A page's markup names no subresource: the stylesheet is inline (InlineStylesheet) and the framework script is
/// added by a script at the end of the body. So the document's first request, which holds a new tab's main thread
/// for several milliseconds, comes after the form is parsed, and the form is usable sooner.
/// </summary>
public class PageLoadTests(BrowserAppFixture fixture) : EndToEndTest(fixture)
{
    // When the Username input was first in the document, on the same clock as Resource Timing's startTime.
    private const string FormParsedRecorderScript = """
        new MutationObserver((_, observer) => {
            if (document.getElementById('username') !== null) {
                window.formParsedAt = performance.now();
                observer.disconnect();
            }
        }).observe(document, { childList: true, subtree: true });
        """;

    [Fact]
    public Task FirstLoad_RequestsNothingBeforeTheFormIsParsed() => RecordingFailuresAsync(async () =>
    {
        await Context.AddInitScriptAsync(FormParsedRecorderScript);

        await OpenAsync("set-session");
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Save" })).ToBeEnabledAsync();

        var formParsedAt = await Page.EvaluateAsync<double>("() => window.formParsedAt");
        var requests = await Page.EvaluateAsync<ResourceStart[]>(
            "() => performance.getEntriesByType('resource').map(entry => ({ Name: entry.name, StartTime: entry.startTime }))");
        Assert.Contains(requests, request => request.Name.Contains("/_framework/blazor.web.", StringComparison.Ordinal));
        Assert.All(requests, request => Assert.True(request.StartTime >= formParsedAt,
            $"{request.Name} was requested at {request.StartTime:F1} ms, before the form was parsed at {formParsedAt:F1} ms."));
    });

    [Fact]
    public Task Styles_Apply_WithoutAStylesheetRequest() => RecordingFailuresAsync(async () =>
    {
        var stylesheetRequests = new List<string>();
        Page.Request += (_, request) =>
        {
            if (request.ResourceType == "stylesheet")
            {
                stylesheetRequests.Add(request.Url);
            }
        };

        await OpenAsync("set-session");

        // The header bar is a flex row only through app.css; the browser's own style would make it a block.
        await Expect(Page.Locator(".top-bar")).ToHaveCSSAsync("display", "flex");
        Assert.Empty(stylesheetRequests);
    });

    [Fact]
    public Task FrameworkScriptThatCannotLoad_ShowsTheErrorBar_WithItsReloadLink() => RecordingFailuresAsync(async () =>
    {
        await Page.RouteAsync("**/_framework/blazor.web*.js", route => route.AbortAsync());

        await OpenAsync("set-session");

        await Expect(ErrorUi).ToBeVisibleAsync();
        await Expect(ErrorUi.GetByRole(AriaRole.Link, new() { Name = "Reload" })).ToBeVisibleAsync();
        await ErrorUi.GetByRole(AriaRole.Button, new() { Name = "Dismiss" }).ClickAsync();
        await Expect(ErrorUi).ToBeHiddenAsync();
    });

    // A class with setters: Playwright builds evaluation results through a parameterless constructor.
    private sealed class ResourceStart
    {
        public string Name { get; set; } = "";

        public double StartTime { get; set; }
    }
}
