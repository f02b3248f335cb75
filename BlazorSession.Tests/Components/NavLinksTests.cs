using BlazorSession.App.Components;
using BlazorSession.App.Components.Layout;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace BlazorSession.Tests.Components;

/// <summary>The header's links, which the layout renders itself.</summary>
public class NavLinksTests : SessionComponentTestContext
{
    [Theory]
    [InlineData("/", "Home")]
    [InlineData("/set-session", "Set session")]
    [InlineData("/set_session", "Set session")]
    [InlineData("/get-session?from=test", "Get session")]
    [InlineData("/get_session", "Get session")]
    [InlineData("/get-session#result", "Get session")]
    [InlineData("/members", "Members")]
    [InlineData("/cart", "Cart")]
    [InlineData("/preferences", "Preferences")]
    public void MarksTheCurrentPagesLink(string path, string current)
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo(path);

        var cut = Render<MainLayout>();

        Assert.Equal([current], CurrentLinks(cut));
        Assert.Equal(["", "set-session", "get-session", "members", "cart", "preferences"], cut.FindAll("nav a").Select(link => link.GetAttribute("href")));
    }

    [Fact]
    public void MarksNoLink_OnAPageThatHasNone()
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo("/no-such-page");

        var cut = Render<MainLayout>();

        Assert.Empty(CurrentLinks(cut));
        Assert.Null(cut.Find("nav a").GetAttribute("class"));
    }

    // The layout has no location subscription of its own: the router gives it a new Body on every navigation.
    // Rendering the real routes checks that this keeps the current link right.
    [Fact]
    public void FollowsInAppNavigation()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        var navigation = Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo("/set-session");
        var cut = Render<Routes>();
        Assert.Equal(["Set session"], CurrentLinks(cut));

        navigation.NavigateTo("/get-session");

        cut.WaitForAssertion(() => Assert.Equal(["Get session"], CurrentLinks(cut)));
        Assert.Equal("active", cut.Find("a[aria-current=page]").ClassName);
        Assert.Equal("Get session", cut.Find("h1").TextContent);
    }

    [Fact]
    public void FollowsNavigationBackToTheSamePageWithAnAlias()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        var navigation = Services.GetRequiredService<NavigationManager>();
        var cut = Render<Routes>();
        Assert.Equal(["Home"], CurrentLinks(cut));

        navigation.NavigateTo("/get_session");
        cut.WaitForAssertion(() => Assert.Equal(["Get session"], CurrentLinks(cut)));
        navigation.NavigateTo("/");

        cut.WaitForAssertion(() => Assert.Equal(["Home"], CurrentLinks(cut)));
    }

    // The cart's link says "Cart" or "Cart (N)": its name is what comes before the count.
    private static string[] CurrentLinks<TComponent>(IRenderedComponent<TComponent> cut) where TComponent : IComponent =>
        cut.FindAll("nav a[aria-current=page]").Select(link => link.TextContent.Split(" (")[0]).ToArray();
}
