using BlazorSession.App.Components.Document;

namespace BlazorSession.Tests.Components;

public class InlineStylesheetTests : BunitContext
{
    [Fact]
    public void Renders_TheAppsStylesheet_AsOneStyleElement()
    {
        var cut = Render<InlineStylesheet>();

        var style = Assert.Single(cut.Nodes);
        Assert.Equal("STYLE", style.NodeName);
        Assert.Contains(".top-bar {", style.TextContent);
        Assert.Contains("--accent:", style.TextContent);
    }
}
