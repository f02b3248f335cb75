using BlazorSession.App;
using BlazorSession.App.Components;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace BlazorSession.Tests.Components;

public class FocusHeadingAfterNavigationTests : SessionComponentTestContext
{
    public FocusHeadingAfterNavigationTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        JSInterop.SetupVoid(FrameworkInternals.FocusBySelector, "h1").SetVoidResult();
    }

    private NavigationManager Navigation => Services.GetRequiredService<NavigationManager>();

    [Fact]
    public void FirstRenderOfTheLoadedPage_LeavesFocusAlone()
    {
        Navigation.NavigateTo("/set-session");

        Render<Routes>();

        JSInterop.VerifyNotInvoke(FrameworkInternals.FocusBySelector);
    }

    [Fact]
    public void InAppNavigationToAnotherPage_FocusesItsHeading()
    {
        Navigation.NavigateTo("/set-session");
        var cut = Render<Routes>();

        Navigation.NavigateTo("/get-session");

        cut.WaitForAssertion(() => Assert.Equal("Get session", cut.Find("h1").TextContent));
        var focus = JSInterop.VerifyInvoke(FrameworkInternals.FocusBySelector);
        Assert.Equal("h1", focus.Arguments[0]);
    }

    [Fact]
    public void NavigationToTheSamePageByItsOtherRoute_LeavesFocusAlone()
    {
        Navigation.NavigateTo("/set-session");
        var cut = Render<Routes>();

        Navigation.NavigateTo("/set_session");
        Navigation.NavigateTo("/get-session");

        // Only the move to another page focuses: the alias, rendered in between, did not.
        cut.WaitForAssertion(() => Assert.Equal("Get session", cut.Find("h1").TextContent));
        JSInterop.VerifyInvoke(FrameworkInternals.FocusBySelector, calledTimes: 1);
    }
}
