using BlazorSession.App.Components.Layout;
using BlazorSession.App.Components.Pages;
using BlazorSession.App.Shop;
using Microsoft.AspNetCore.Components;

namespace BlazorSession.Tests.Components;

public class LayoutTests : SessionComponentTestContext
{
    [Fact]
    public void Header_ShowsASignInLink_WhenNoNameIsStored()
    {
        var cut = Render<MainLayout>();

        cut.WaitForAssertion(() => Assert.Equal("set-session", cut.Find(".session-controls a").GetAttribute("href")));
        Assert.Equal("Sign in", cut.Find(".session-controls a").TextContent.Trim());
        Assert.Equal("", cut.Find(".signed-in").TextContent.Trim());
        Assert.Empty(cut.FindAll("button.sign-out"));
    }

    [Fact]
    public void Header_ShowsTheStoredName_AndASignOutButton()
    {
        StoreName("Ada");

        var cut = Render<MainLayout>();

        cut.WaitForAssertion(() => Assert.Equal("Signed in as Ada", cut.Find(".signed-in").TextContent.Trim()));
        var signOut = cut.Find("button.sign-out");
        Assert.Equal("Sign out", signOut.TextContent.Trim());
        Assert.Equal("button", signOut.GetAttribute("type"));
        Assert.Empty(cut.FindAll(".session-controls a"));
    }

    /// <summary>
    /// One test of a name for every reader: a stored value the name's rules would not have saved is no sign-in, as it
    /// is no name on the get page (UsernameSessionTests).
    /// </summary>
    [Theory]
    [InlineData("  padded  ")]
    [InlineData("bell\a")]
    public void Header_ShowsNoSignIn_ForAStoredValueTheNamesRulesWouldNotHaveSaved(string stored)
    {
        StoreName(stored);

        var cut = Render<MainLayout>();

        cut.WaitForAssertion(() => Assert.Equal("Sign in", cut.Find(".session-controls a").TextContent.Trim()));
        Assert.Equal("", cut.Find(".signed-in").TextContent.Trim());
    }

    /// <summary>
    /// The header reads the cascaded authentication state itself: an AuthorizeView in it would run the authorization
    /// service at every navigation (the layout renders at each) and cost every circuit a component.
    /// </summary>
    [Fact]
    public void Header_BuildsNoComponentsOfItsOwn()
    {
        StoreName("Ada");

        var cut = Render<MainLayout>();

        cut.WaitForAssertion(() => Assert.Equal("Signed in as Ada", cut.Find(".signed-in").TextContent.Trim()));
        Assert.Empty(cut.FindComponents<IComponent>());
    }

    [Fact]
    public void Header_ShowsNeitherSignInNorSignOut_WhilePrerendering()
    {
        StoreName("Ada");
        RenderAsPrerendered();

        var cut = Render<MainLayout>();

        Assert.Equal("", cut.Find(".session-controls").TextContent.Trim());
        Assert.Equal("status", cut.Find(".signed-in").GetAttribute("role"));
        Assert.Equal(0, Store.ReadCount);
    }

    [Fact]
    public void Header_ShowsNeitherSignInNorSignOut_WhileTheSessionIsBeingRead()
    {
        StoreName("Ada");
        Store.HoldReads();

        var cut = Render<MainLayout>();

        Assert.Equal("", cut.Find(".session-controls").TextContent.Trim());
        Store.ReleaseReads();
        cut.WaitForAssertion(() => Assert.Equal("Signed in as Ada", cut.Find(".signed-in").TextContent.Trim()));
    }

    [Fact]
    public void SignOut_ClearsTheSession_AndTheHeaderOffersSignIn()
    {
        StoreName("Ada");
        var cut = Render<MainLayout>();
        cut.WaitForAssertion(() => Assert.Equal("Signed in as Ada", cut.Find(".signed-in").TextContent.Trim()));

        cut.Find("button.sign-out").Click();

        cut.WaitForAssertion(() => Assert.Equal("Sign in", cut.Find(".session-controls a").TextContent.Trim()));
        Assert.Equal("", cut.Find(".signed-in").TextContent.Trim());
        Assert.Null(Name.Username);
        Assert.DoesNotContain(BrowserSession.StorageKey, Store.StoredKeys);
    }

    [Fact]
    public void SignOut_UpdatesTheGetPage_AtOnce()
    {
        StoreName("Ada");
        var header = Render<MainLayout>();
        var page = Render<GetSession>();
        page.WaitForAssertion(() => Assert.Equal("Session username: Ada", page.Find("#result").TextContent));

        header.Find("button.sign-out").Click();

        page.WaitForAssertion(() => Assert.Equal("No session data found.", page.Find("#result").TextContent));
    }

    [Fact]
    public void SignOut_WhenTheBrowserCannotBeReached_SaysSo_AndKeepsTheName()
    {
        StoreName("Ada");
        var cut = Render<MainLayout>();
        cut.WaitForAssertion(() => Assert.Equal("Signed in as Ada", cut.Find(".signed-in").TextContent.Trim()));
        Store.Unavailable = true;

        cut.Find("button.sign-out").Click();

        cut.WaitForAssertion(() => Assert.Contains("could not be signed out", cut.Find("[role=alert].error").TextContent));
        Assert.Equal("Signed in as Ada", cut.Find(".signed-in").TextContent.Trim());
        Assert.Equal("Ada", Name.Username);
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

    // The header follows the name through its AuthorizeView (whose subscription is the framework's). The layout's own
    // subscription is for the cart's count alone (it re-renders only when that text changes: the journey benchmark
    // counts the render batches per save), and it lets go of the session when the layout goes.
    [Fact]
    public async Task Header_FollowsTheCartCount_AndLetsGoOfTheSession()
    {
        var beforeRender = ChangedSubscriberCount();
        var cut = Render<MainLayout>();
        cut.WaitForAssertion(() => Assert.Contains("Cart (0)", cut.Find("nav").TextContent));

        await cut.InvokeAsync(() => Session.UpdateAsync(CartSession.Key, cart => (cart ?? Cart.Empty).Add("honey")));
        cut.WaitForAssertion(() => Assert.Contains("Cart (1)", cut.Find("nav").TextContent));

        Assert.Equal(beforeRender + 1, ChangedSubscriberCount());
        await DisposeComponentsAsync();
        Assert.Equal(beforeRender, ChangedSubscriberCount());
    }

    [Fact]
    public void Layout_HasNavigationLinks_AndTheHeader()
    {
        StoreName("Ada");

        var cut = Render<MainLayout>(parameters => parameters.Add(layout => layout.Body, (RenderFragment)(builder => builder.AddContent(0, "page body"))));

        var links = cut.FindAll("nav a").Select(link => (link.TextContent, link.GetAttribute("href"))).ToList();
        Assert.Contains(("Set session", "set-session"), links);
        Assert.Contains(("Get session", "get-session"), links);
        Assert.Contains(("Members", "members"), links);
        cut.WaitForAssertion(() => Assert.Equal("Signed in as Ada", cut.Find(".signed-in").TextContent.Trim()));
        Assert.Contains("page body", cut.Find("main").TextContent);
    }

    // A disposed component that stays subscribed renders nothing visible, so the leak is checked at its source.
    private int ChangedSubscriberCount() => Session.ChangedSubscriberCount;
}
