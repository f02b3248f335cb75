using BlazorSession.App.Components.Pages;
using Bunit.TestDoubles;
using Microsoft.Extensions.DependencyInjection;

namespace BlazorSession.Tests.Components;

/// <summary>The set-session page's <c>returnUrl</c>: followed in the circuit after a Save when it is a path of this app.</summary>
public class ReturnUrlNavigationTests : SessionComponentTestContext
{
    private BunitNavigationManager Navigation => Services.GetRequiredService<BunitNavigationManager>();

    [Theory]
    [InlineData("/members")]
    [InlineData("/get-session?from=sign-in")]
    [InlineData("/")]
    public void Save_GoesToALocalReturnUrl_InsideTheCircuit(string returnUrl)
    {
        var cut = RenderSetSessionWith(returnUrl);

        Save(cut, "Ada");

        cut.WaitForAssertion(() => Assert.Equal(new Uri(new Uri(Navigation.BaseUri), returnUrl).ToString(), Navigation.Uri));
        var navigation = Assert.Single(Navigation.History, entry => entry.Uri == returnUrl);
        Assert.False(navigation.Options.ForceLoad, "A path of this app is an in-app navigation, not a page load.");
        Assert.Equal("Ada", Name.Username);
    }

    [Theory]
    [InlineData("//evil.example")]
    [InlineData("/\\evil.example")]
    [InlineData("https://evil.example/members")]
    [InlineData("javascript:alert(1)")]
    [InlineData("/members\r\nLocation: https://evil.example")]
    [InlineData("/mem\u0000bers")]
    [InlineData("members")]
    [InlineData("")]
    public void Save_IgnoresAnyOtherReturnUrl_AndConfirmsOnThePage(string returnUrl)
    {
        var cut = RenderSetSessionWith(returnUrl);
        var before = Navigation.Uri;

        Save(cut, "Ada");

        cut.WaitForAssertion(() => Assert.Equal("Session data set successfully!", cut.Find("[role=status]").TextContent));
        Assert.Equal(before, Navigation.Uri);
        Assert.Single(Navigation.History);
        Assert.Equal("Ada", Name.Username);
    }

    [Fact]
    public void InvalidName_DoesNotFollowTheReturnUrl()
    {
        var cut = RenderSetSessionWith("/members");
        var before = Navigation.Uri;

        Save(cut, "   ");

        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll(".validation-message")));
        Assert.Equal(before, Navigation.Uri);
    }

    private IRenderedComponent<SetSession> RenderSetSessionWith(string returnUrl)
    {
        Navigation.NavigateTo("/set-session?returnUrl=" + Uri.EscapeDataString(returnUrl));
        return Render<SetSession>();
    }

    private static void Save(IRenderedComponent<SetSession> cut, string name)
    {
        cut.Find("input#username").Change(name);
        cut.Find("form").Submit();
    }
}
