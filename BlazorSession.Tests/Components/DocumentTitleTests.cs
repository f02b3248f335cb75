using BlazorSession.App.Components.Document;
using Microsoft.AspNetCore.Components;

namespace BlazorSession.Tests.Components;

/// <summary>
/// What DocumentTitle gives the browser. That the tab's title follows it, and the heading takes the focus, is
/// after-navigation.js's part, checked in a real browser (EndToEnd/AfterNavigationTests.cs).
/// </summary>
public class DocumentTitleTests : BunitContext
{
    [Fact]
    public void InTheCircuit_RendersTheTitleForTheBrowserScript_AndCallsNothing()
    {
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));

        var cut = Render<DocumentTitle>(parameters => parameters
            .Add(title => title.Text, "Get session")
            .Add(title => title.Description, "Shows the name."));

        cut.MarkupMatches("""<template data-tab-title="Get session"></template>""");
        Assert.Empty(JSInterop.Invocations);
    }

    [Fact]
    public void ANewText_ChangesTheRenderedTitle()
    {
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        var cut = Render<DocumentTitle>(parameters => parameters.Add(title => title.Text, "Checking your sign-in"));

        cut.Render(parameters => parameters.Add(title => title.Text, "Members"));

        Assert.Equal("Members", cut.Find("template").GetAttribute("data-tab-title"));
    }

    [Fact]
    public void WhilePrerendering_LeavesTheTitleToTheStaticHeadOutlet()
    {
        SetRendererInfo(new RendererInfo("Static", isInteractive: false));

        var cut = Render<DocumentTitle>(parameters => parameters.Add(title => title.Text, "Set session"));

        Assert.Empty(cut.FindAll("template"));
        Assert.Empty(JSInterop.Invocations);
    }
}
