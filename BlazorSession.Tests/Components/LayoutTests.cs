using BlazorSession.App.Components.Layout;
using BlazorSession.App.Components.Pages;
using System.Reflection;
using BlazorSession.App.Session;
using Microsoft.AspNetCore.Components;

namespace BlazorSession.Tests.Components;

public class LayoutTests : SessionComponentTestContext
{
    [Fact]
    public void Header_ShowsNothing_WhenNoNameIsStored()
    {
        var cut = Render<MainLayout>();

        cut.WaitForAssertion(() => Assert.True(Session.IsLoaded));
        Assert.Equal("", cut.Find(".signed-in").TextContent.Trim());
    }

    [Fact]
    public void Header_ShowsTheStoredName()
    {
        StoreName("Ada");

        var cut = Render<MainLayout>();

        cut.WaitForAssertion(() => Assert.Equal("Signed in as Ada", cut.Find(".signed-in").TextContent.Trim()));
    }

    [Fact]
    public void Header_Updates_WhenTheSetPageSavesAName()
    {
        var header = Render<MainLayout>();
        var page = Render<SetSession>();

        page.Find("input#username").Change("Grace");
        page.Find("form").Submit();

        header.WaitForAssertion(() => Assert.Equal("Signed in as Grace", header.Find(".signed-in").TextContent.Trim()));
    }

    [Fact]
    public void Header_Updates_WhenTheGetPageClearsTheName()
    {
        StoreName("Ada");
        var header = Render<MainLayout>();
        var page = Render<GetSession>();
        header.WaitForAssertion(() => Assert.Equal("Signed in as Ada", header.Find(".signed-in").TextContent.Trim()));

        page.Find("button").Click();

        header.WaitForAssertion(() => Assert.Equal("", header.Find(".signed-in").TextContent.Trim()));
    }

    [Fact]
    public async Task Header_Unsubscribes_WhenDisposed()
    {
        Render<MainLayout>();
        Assert.Equal(1, ChangedSubscriberCount());

        await DisposeComponentsAsync();

        Assert.Equal(0, ChangedSubscriberCount());
    }

    [Fact]
    public void Layout_HasNavigationLinks_AndTheHeader()
    {
        StoreName("Ada");

        var cut = Render<MainLayout>(parameters => parameters.Add(layout => layout.Body, (RenderFragment)(builder => builder.AddContent(0, "page body"))));

        var links = cut.FindAll("nav a").Select(link => (link.TextContent, link.GetAttribute("href"))).ToList();
        Assert.Contains(("Set session", "set-session"), links);
        Assert.Contains(("Get session", "get-session"), links);
        cut.WaitForAssertion(() => Assert.Equal("Signed in as Ada", cut.Find(".signed-in").TextContent.Trim()));
        Assert.Contains("page body", cut.Find("main").TextContent);
    }

    // A disposed component that stays subscribed renders nothing visible, so the leak is checked at its source:
    // the event's backing field.
    private int ChangedSubscriberCount() =>
        (typeof(SessionState).GetField(nameof(SessionState.Changed), BindingFlags.Instance | BindingFlags.NonPublic)!
            .GetValue(Session) as Action)?.GetInvocationList().Length ?? 0;
}
