using BlazorSession.App.Components;
using BlazorSession.Tests.Fakes;
using BlazorSession.App.Components.Layout;
using BlazorSession.App.Components.Pages;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace BlazorSession.Tests.Components;

/// <summary>The "Keep me signed in" checkbox, and the pages following a change another tab made.</summary>
public class KeepSignedInComponentTests : SessionComponentTestContext
{
    [Fact]
    public void SetPage_HasAKeepMeSignedInCheckbox_WithARealLabel_UncheckedByDefault()
    {
        var cut = Render<SetSession>();

        var checkbox = cut.Find("input#keep-signed-in");
        Assert.Equal("checkbox", checkbox.GetAttribute("type"));
        Assert.False(checkbox.HasAttribute("checked"));
        var label = cut.Find("label[for=keep-signed-in]");
        Assert.Equal("Keep me signed in", label.TextContent);
    }

    [Fact]
    public void Checkbox_IsDisabledWhilePrerendering_AndMarkedToBeCarriedIntoTheCircuit()
    {
        RenderAsPrerendered();

        var cut = Render<SetSession>();

        var checkbox = cut.Find("input#keep-signed-in");
        Assert.True(checkbox.HasAttribute("disabled"));
        Assert.True(checkbox.HasAttribute("data-type-ahead"));
    }

    [Fact]
    public void Checkbox_IsEnabled_WhenInteractive()
    {
        var cut = Render<SetSession>();

        Assert.False(cut.Find("input#keep-signed-in").HasAttribute("disabled"));
    }

    [Fact]
    public void SavingWithTheBoxTicked_RemembersTheNameForTheBrowser()
    {
        var cut = Render<SetSession>();

        cut.Find("input#username").Change("Ada");
        cut.Find("input#keep-signed-in").Change(true);
        cut.Find("form").Submit();

        cut.WaitForAssertion(() => Assert.Equal("Session data set successfully!", cut.Find("[role=status]").TextContent));
        var remembered = Assert.NotNull(StoredIn(BrowserStore));
        Assert.Equal("Ada", remembered.Name);
        Assert.Equal(SessionHarness.Start + TimeSpan.FromDays(30), remembered.Expires);
        // The tab follows the browser's session: nothing of its own.
        Assert.Null(StoredIn(Store));
    }

    [Fact]
    public void SavingWithoutTheBox_RemembersNothingForTheBrowser()
    {
        var cut = Render<SetSession>();

        cut.Find("input#username").Change("Ada");
        cut.Find("form").Submit();

        cut.WaitForAssertion(() => Assert.Equal("Session data set successfully!", cut.Find("[role=status]").TextContent));
        Assert.Null(StoredIn(BrowserStore));
        Assert.Equal(("Ada", null), StoredIn(Store));
    }

    [Fact]
    public async Task AnotherTabsSignIn_ReRendersTheHeaderAndTheGetPage()
    {
        var header = Render<MainLayout>();
        var page = Render<GetSession>();
        page.WaitForAssertion(() => Assert.Equal("No session data found.", page.Find("#result").TextContent));

        RememberName("Ada");
        await AnotherTabChangedTheRememberedSignIn();

        header.WaitForAssertion(() => Assert.Equal("Signed in as Ada", header.Find(".signed-in").TextContent.Trim()));
        page.WaitForAssertion(() => Assert.Equal("Session username: Ada", page.Find("#result").TextContent));
    }

    [Fact]
    public async Task AnotherTabsSignOut_ReRendersTheMembersPage()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.GetRequiredService<NavigationManager>().NavigateTo("/members");
        RememberName("Ada");
        var cut = Render<Routes>();
        cut.WaitForAssertion(() => Assert.StartsWith("Welcome, Ada.", cut.Find("#result").TextContent));

        await BrowserStore.DeleteAsync(BrowserSession.StorageKey);
        await AnotherTabChangedTheRememberedSignIn();

        cut.WaitForAssertion(() => Assert.Contains("Sign in to see this page.", cut.Find("main").TextContent));
        Assert.Contains("Sign in", cut.Find(".session-controls a").TextContent);
    }

    [Fact]
    public async Task AnotherTabsChange_LeavesATabWithItsOwnNameAsItIs()
    {
        StoreName("Grace");
        var header = Render<MainLayout>();
        header.WaitForAssertion(() => Assert.Equal("Signed in as Grace", header.Find(".signed-in").TextContent.Trim()));

        RememberName("Ada");
        await AnotherTabChangedTheRememberedSignIn();

        Assert.Equal("Signed in as Grace", header.Find(".signed-in").TextContent.Trim());
    }
}
