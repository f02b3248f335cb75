using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using BlazorSession.App.Components.Document;

namespace BlazorSession.Tests.Http;

/// <summary>
/// Every page holds the app's inline scripts in the order <see cref="InlineDocumentAssets.Scripts"/> gives, no other
/// inline script, and before circuit-start.js the markup it needs: a page that lost one would never start its circuit.
/// The scripts come after the page's content, so that none is compiled before the page can be used.
/// </summary>
public sealed class DocumentScriptsTests(AppFactory app) : IClassFixture<AppFactory>
{
    public static TheoryData<string> Pages => ["/", "/set-session", "/get-session", "/members", "/cart", "/no-such-page"];

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task EveryPage_HoldsTheScriptsInOrder_WithWhatCircuitStartNeedsBeforeIt(string path)
    {
        var document = await LoadAsync(path);

        var scripts = document.QuerySelectorAll("script:not([src])").ToList();
        var assets = scripts.Select(script => InlineDocumentAssets.Scripts.SingleOrDefault(asset => asset.Text == script.TextContent)).ToList();
        Assert.All(assets, asset => Assert.NotNull(asset));
        Assert.Equal(InlineDocumentAssets.Scripts.Where(assets.Contains), assets);
        Assert.Contains(InlineDocumentAssets.AfterNavigation, assets);
        var circuitStart = scripts[assets.IndexOf(InlineDocumentAssets.CircuitStart)];
        Assert.All(InlineDocumentAssets.CircuitStartNeeds, selector =>
        {
            var needed = document.QuerySelector(selector);
            Assert.True(needed is not null, $"{path} has no {selector}.");
            Assert.True(needed.CompareDocumentPosition(circuitStart).HasFlag(DocumentPositions.Following),
                $"{selector} comes after circuit-start.js on {path}.");
        });
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task EveryPage_RunsItsScriptsAfterItsContent(string path)
    {
        var document = await LoadAsync(path);

        var content = document.QuerySelector("main");
        Assert.NotNull(content);
        Assert.All(document.QuerySelectorAll("script"), script =>
            Assert.True(content.CompareDocumentPosition(script).HasFlag(DocumentPositions.Following),
                $"A script comes before the content of {path}: {script.TextContent[..Math.Min(60, script.TextContent.Length)]}"));
    }

    private async Task<IDocument> LoadAsync(string path)
    {
        // The not-found page is a 404 with the same document around it.
        using var response = await app.CreateClient().GetAsync(path);
        return await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());
    }
}
