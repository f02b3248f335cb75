using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace BlazorSession.Tests.Library.FirstRender;

/// <summary>The test package renders a static page as a request that carried the session would have it.</summary>
public sealed class SeededRequestSessionTests : BunitContext
{
    public SeededRequestSessionTests()
    {
        Services.AddInMemoryBrowserSession();
        Renderer.SetRendererInfo(new RendererInfo("Static", isInteractive: false));
    }

    [Fact]
    public async Task AStaticPage_ShowsTheSeededValues_AtItsFirstRender()
    {
        await Services.SeedRequestSessionAsync(async session =>
        {
            await session.SetAsync("username", "Ada");
            await session.SetAsync("visits", 4);
        });

        var cut = Render<StaticSessionPage>();

        cut.Find("#status").MarkupMatches("<p id=\"status\">Loaded</p>");
        cut.Find("#name").MarkupMatches("<p id=\"name\">Ada</p>");
        cut.Find("#visits").MarkupMatches("<p id=\"visits\">4</p>");
    }

    [Fact]
    public void Unseeded_AStaticPage_HasNotReadTheSession()
    {
        var cut = Render<StaticSessionPage>();

        cut.Find("#status").MarkupMatches("<p id=\"status\">NotLoaded</p>");
    }
}
