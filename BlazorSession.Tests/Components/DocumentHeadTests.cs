using BlazorSession.App.Components.Document;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace BlazorSession.Tests.Components;

/// <summary>
/// What DocumentHead gives the browser. That the tab's title follows it, and the heading takes the focus, is
/// after-navigation.js's part, checked in a real browser (EndToEnd/AfterNavigationTests.cs).
/// </summary>
public class DocumentHeadTests : BunitContext
{
    [Fact]
    public void InTheCircuit_RendersTheTitleForTheBrowserScript()
    {
        var cut = Render(DocumentHead.For(new RendererInfo("Server", isInteractive: true), "Get session", "Shows the name."));

        cut.MarkupMatches("""<template data-tab-title="Get session"></template>""");
    }

    [Fact]
    public void WhilePrerendering_GivesTheTitleAndDescriptionToTheStaticHeadOutlet()
    {
        var cut = Render(DocumentHead.For(new RendererInfo("Static", isInteractive: false), "Set session", "Saves a name."));

        Assert.Empty(cut.FindAll("template"));
        Assert.Equal("Set session", Render(cut.FindComponent<PageTitle>().Instance.ChildContent!).Markup);
        Render(cut.FindComponent<HeadContent>().Instance.ChildContent!)
            .MarkupMatches("""<meta name="description" content="Saves a name.">""");
    }
}
