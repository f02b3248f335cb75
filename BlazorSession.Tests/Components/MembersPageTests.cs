using BlazorSession.App.Components;
using BlazorSession.App.Components.Layout;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace BlazorSession.Tests.Components;

/// <summary>/members through the real routes: SessionRouteView over the session's sign-in.</summary>
public class MembersPageTests : SessionComponentTestContext
{
    private const string Checking = "Checking your session…";
    private const string Prompt = "Sign in to see this page. Sign in";

    public MembersPageTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.GetRequiredService<NavigationManager>().NavigateTo("/members");
    }

    [Fact]
    public void WhilePrerendering_ShowsChecking_AndDoesNotTouchTheStore()
    {
        StoreName("Ada");
        RenderAsPrerendered();

        var cut = Render<Routes>();

        Assert.Equal("Members", cut.Find("h1").TextContent);
        cut.Find("#result").MarkupMatches(
            "<p id=\"result\" role=\"status\" aria-busy=\"true\">Checking your session…</p>");
        Assert.Equal(0, Store.ReadCount);
    }

    [Fact]
    public void WhileTheSessionIsBeingRead_ShowsChecking_NeitherThePromptNorTheWelcome()
    {
        StoreName("Ada");
        Store.HoldReads();

        var cut = Render<Routes>();

        Assert.Equal("Members", cut.Find("h1").TextContent);
        Assert.Equal(Checking, cut.Find("#result").TextContent);
        Assert.DoesNotContain("Sign in to see this page.", cut.Find("main").TextContent);
        Assert.DoesNotContain("Welcome", cut.Find("main").TextContent);

        Store.ReleaseReads();

        cut.WaitForAssertion(() => Assert.Equal(Welcome("Ada"), cut.Find("#result").TextContent));
    }

    [Fact]
    public void SignedIn_ShowsTheWelcome()
    {
        StoreName("Ada Lovelace");

        var cut = Render<Routes>();

        cut.WaitForAssertion(() =>
            cut.Find("#result").MarkupMatches($"<p id=\"result\" role=\"status\">{Welcome("Ada Lovelace")}</p>"));
        Assert.Equal("Members", cut.Find("h1").TextContent);
    }

    [Fact]
    public void NotSignedIn_ShowsThePrompt_WithASignInLinkThatComesBack()
    {
        var cut = Render<Routes>();

        cut.WaitForAssertion(() => Assert.Equal(Prompt, ResultText(cut)));
        var link = cut.Find("#result a");
        Assert.Equal("Sign in", link.TextContent);
        Assert.Equal("/set-session?returnUrl=%2Fmembers", link.GetAttribute("href"));
        Assert.Equal("status", cut.Find("#result").GetAttribute("role"));
        Assert.Equal("Members", cut.Find("h1").TextContent);
    }

    [Fact]
    public void UnreadableStoredValue_ShowsThePrompt()
    {
        Store.PutUnreadable(BrowserSession.StorageKey);

        var cut = Render<Routes>();

        cut.WaitForAssertion(() => Assert.Equal(Prompt, ResultText(cut)));
    }

    [Fact]
    public void SignOut_InTheHeader_SwitchesThePageToThePrompt()
    {
        StoreName("Ada");
        var cut = Render<Routes>();
        cut.WaitForAssertion(() => Assert.Equal(Welcome("Ada"), ResultText(cut)));

        cut.Find("button.sign-out").Click();

        cut.WaitForAssertion(() => Assert.Equal(Prompt, ResultText(cut)));
        Assert.Null(Name.Username);
        Assert.DoesNotContain(BrowserSession.StorageKey, Store.StoredKeys);
    }

    [Fact]
    public void SigningIn_InTheSameCircuit_SwitchesThePromptToTheWelcome()
    {
        var cut = Render<Routes>();
        cut.WaitForAssertion(() => Assert.Equal(Prompt, ResultText(cut)));

        cut.InvokeAsync(() => Name.SaveAsync("Grace"));

        cut.WaitForAssertion(() => Assert.Equal(Welcome("Grace"), ResultText(cut)));
    }

    [Fact]
    public void KeepsTheLayout_WhileItsStateChanges()
    {
        var cut = Render<Routes>();
        cut.WaitForAssertion(() => Assert.Equal(Prompt, ResultText(cut)));
        var layout = cut.FindComponent<MainLayout>().Instance;

        cut.InvokeAsync(() => Name.SaveAsync("Grace"));

        cut.WaitForAssertion(() => Assert.Equal(Welcome("Grace"), ResultText(cut)));
        Assert.Same(layout, cut.FindComponent<MainLayout>().Instance);
    }

    private static string Welcome(string name) => $"Welcome, {name}. Only visitors who have signed in see this page.";

    private static string ResultText(IRenderedComponent<Routes> cut) => cut.Find("#result").TextContent.Trim();
}
