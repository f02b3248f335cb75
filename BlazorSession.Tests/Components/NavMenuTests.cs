using BlazorSession.App.Components.Layout;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace BlazorSession.Tests.Components;

public class NavMenuTests : BunitContext
{
    [Theory]
    [InlineData("/", "Home")]
    [InlineData("/set-session", "Set session")]
    [InlineData("/set_session", "Set session")]
    [InlineData("/get-session?from=test", "Get session")]
    [InlineData("/get_session", "Get session")]
    public void MarksTheCurrentPagesLink(string path, string current)
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo(path);

        var cut = Render<NavMenu>();

        Assert.Equal([current], CurrentLinks(cut));
        Assert.Equal(["Home", "Set session", "Get session"], cut.FindAll("nav a").Select(link => link.TextContent));
    }

    [Fact]
    public void FollowsInAppNavigation()
    {
        var navigation = Services.GetRequiredService<NavigationManager>();
        var cut = Render<NavMenu>();

        navigation.NavigateTo("/get-session");

        cut.WaitForAssertion(() => Assert.Equal(["Get session"], CurrentLinks(cut)));
        Assert.Equal("active", cut.Find("a[aria-current=page]").ClassName);
    }

    private static string[] CurrentLinks(IRenderedComponent<NavMenu> cut) =>
        cut.FindAll("nav a[aria-current=page]").Select(link => link.TextContent).ToArray();
}
