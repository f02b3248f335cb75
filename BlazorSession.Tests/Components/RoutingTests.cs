using BlazorSession.App.Components;
using BlazorSession.App.Components.Layout;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace BlazorSession.Tests.Components;

public class RoutingTests : SessionComponentTestContext
{
    public RoutingTests() => JSInterop.Mode = JSRuntimeMode.Loose;

    [Theory]
    [InlineData("/set-session", "Set session")]
    [InlineData("/set_session", "Set session")]
    [InlineData("/get-session", "Get session")]
    [InlineData("/get_session", "Get session")]
    [InlineData("/", "BlazorSession")]
    public void Route_ShowsItsPage(string path, string heading)
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo(path);

        var cut = Render<Routes>();

        Assert.Equal(heading, cut.Find("h1").TextContent);
    }

    [Fact]
    public void UnknownRoute_ShowsNotFound()
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo("/no-such-page");

        var cut = Render<Routes>();

        Assert.Equal("Not found", cut.Find("h1").TextContent);
        Assert.NotNull(cut.Find("header nav"));
    }

    [Fact]
    public void MovingBetweenARestrictedPageAndAnother_KeepsTheLayoutAndTheRouteView()
    {
        var navigation = Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo("/get-session");
        var cut = Render<Routes>();
        var layout = cut.FindComponent<MainLayout>().Instance;
        var routeView = cut.FindComponent<SessionRouteView>().Instance;

        navigation.NavigateTo("/members");
        cut.WaitForAssertion(() => Assert.Equal("Members", cut.Find("h1").TextContent));
        Assert.Same(layout, cut.FindComponent<MainLayout>().Instance);
        Assert.Same(routeView, cut.FindComponent<SessionRouteView>().Instance);

        navigation.NavigateTo("/cart");
        cut.WaitForAssertion(() => Assert.Equal("Cart", cut.Find("h1").TextContent));
        Assert.Same(layout, cut.FindComponent<MainLayout>().Instance);
        Assert.Same(routeView, cut.FindComponent<SessionRouteView>().Instance);
        // Between the route view and the page, nothing is built again at each move (RouteView's LayoutView, or
        // AuthorizeRouteView's authorizing view).
        Assert.DoesNotContain(cut.FindComponents<LayoutView>(), view => view.Instance.Layout is null);
    }

    [Fact]
    public void HomePage_LinksToBothPages()
    {
        var cut = Render<App.Components.Pages.Home>();

        var hrefs = cut.FindAll("main a, ul a").Select(link => link.GetAttribute("href")).ToList();
        Assert.Contains("set-session", hrefs);
        Assert.Contains("get-session", hrefs);
    }
}
