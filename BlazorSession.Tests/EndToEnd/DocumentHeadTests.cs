using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BlazorSession.Tests.EndToEnd;

/// <summary>What an audit of the pages reads from their heads: a title and a description of their own, a favicon.</summary>
public class DocumentHeadTests(BrowserAppFixture fixture) : EndToEndTest(fixture)
{
    private static readonly string[] Pages = ["", "set-session", "get-session", "members", "no-such-page"];

    [Fact]
    public Task EveryPage_HasItsOwnTitleAndMetaDescription() => RecordingFailuresAsync(async () =>
    {
        var heads = new List<(string Path, string Title, string Description)>();
        foreach (var path in Pages)
        {
            await Page.GotoAsync(Url(path));
            await Expect(Page.Locator("h1")).ToBeVisibleAsync();
            var description = await Page.Locator("head meta[name=description]").GetAttributeAsync("content");
            heads.Add((path, await Page.TitleAsync(), description ?? ""));
        }

        Assert.All(heads, head => Assert.False(string.IsNullOrWhiteSpace(head.Description), $"/{head.Path} has no description."));
        Assert.Equal(heads.Count, heads.Select(head => head.Title).Distinct().Count());
        Assert.Equal(heads.Count, heads.Select(head => head.Description).Distinct().Count());
    });

    [Fact]
    public Task Pages_LoadWithoutAConsoleErrorOrAFailedRequest_FaviconIncluded() => RecordingFailuresAsync(async () =>
    {
        var errors = new List<string>();
        Page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add($"{Page.Url}: {message.Text}");
            }
        };
        Page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                errors.Add($"{response.Url} answered {response.Status}");
            }
        };

        foreach (var path in Pages.Where(path => path != "no-such-page"))
        {
            await Page.GotoAsync(Url(path));
            await Expect(Page.Locator(".session-controls").GetByRole(AriaRole.Link, new() { Name = "Sign in" })).ToBeVisibleAsync();
        }

        var favicon = await Page.APIRequest.GetAsync(Url("favicon.ico"));
        Assert.Equal(200, favicon.Status);
        Assert.Equal("image/x-icon", favicon.Headers["content-type"]);
        Assert.Empty(errors);
    });
}
