using BlazorSession.App.Components.Pages;

namespace BlazorSession.Tests.Components;

public class GetSessionPageTests : SessionComponentTestContext
{
    [Fact]
    public void ShowsLoading_UntilTheStoreHasBeenRead()
    {
        StoreName("Ada");
        Store.HoldReads();

        var cut = Render<GetSession>();

        cut.Find("#result").MarkupMatches(
            "<p id=\"result\" role=\"status\" aria-busy=\"true\">Loading session…</p>");
        Assert.DoesNotContain("No session data found.", cut.Markup);
        Assert.True(cut.Find("button").HasAttribute("disabled"));

        Store.ReleaseReads();

        cut.WaitForAssertion(() => Assert.Equal("Session username: Ada", cut.Find("#result").TextContent));
    }

    [Fact]
    public void ShowsLoading_WhilePrerendering_AndDoesNotTouchTheStore()
    {
        RenderAsPrerendered();

        var cut = Render<GetSession>();

        Assert.Equal("Loading session…", cut.Find("#result").TextContent);
        Assert.Equal(0, Store.ReadCount);
    }

    [Fact]
    public void ShowsTheStoredName()
    {
        StoreName("Ada Lovelace");

        var cut = Render<GetSession>();

        cut.WaitForAssertion(() =>
            cut.Find("#result").MarkupMatches("<p id=\"result\" role=\"status\">Session username: Ada Lovelace</p>"));
    }

    [Fact]
    public void SaysNoSessionData_WhenNothingIsStored()
    {
        var cut = Render<GetSession>();

        cut.WaitForAssertion(() => Assert.Equal("No session data found.", cut.Find("#result").TextContent));
    }

    [Fact]
    public void SaysNoSessionData_WhenTheStoredValueIsUnreadable_AndShowsNoError()
    {
        Store.PutUnreadable(BrowserSession.StorageKey);

        var cut = Render<GetSession>();

        cut.WaitForAssertion(() => Assert.Equal("No session data found.", cut.Find("#result").TextContent));
        Assert.Empty(cut.FindAll("[role=alert]"));
        Assert.DoesNotContain(BrowserSession.StorageKey, Store.StoredKeys);
    }

    [Fact]
    public async Task ShowsTheNameAlreadyLoadedInTheCircuit_WithoutReadingAgain()
    {
        StoreName("Ada");
        await Session.LoadAsync();

        var cut = Render<GetSession>();

        Assert.Equal("Session username: Ada", cut.Find("#result").TextContent);
        Assert.Equal(1, Store.ReadCount);
    }

    [Fact]
    public void ClearSession_RemovesTheName()
    {
        StoreName("Ada");
        var cut = Render<GetSession>();
        cut.WaitForAssertion(() => Assert.Equal("Session username: Ada", cut.Find("#result").TextContent));

        cut.Find("button").Click();

        cut.WaitForAssertion(() => Assert.Equal("No session data found.", cut.Find("#result").TextContent));
        Assert.DoesNotContain(BrowserSession.StorageKey, Store.StoredKeys);
        Assert.Null(Name.Username);
    }

    [Fact]
    public void ClearSession_WhenTheBrowserIsUnreachable_ShowsAnAlert_AndKeepsTheName()
    {
        StoreName("Ada");
        var cut = Render<GetSession>();
        cut.WaitForAssertion(() => Assert.Equal("Session username: Ada", cut.Find("#result").TextContent));
        Store.Unavailable = true;

        cut.Find("button").Click();

        cut.WaitForAssertion(() => Assert.Contains("could not be cleared", cut.Find("[role=alert]").TextContent));
        Assert.Equal("Session username: Ada", cut.Find("#result").TextContent);
    }

    [Fact]
    public void UnreachableBrowser_ShowsAnAlertWithRetry_ThatReadsAgain()
    {
        StoreName("Ada");
        Store.Unavailable = true;
        var cut = Render<GetSession>();
        cut.WaitForAssertion(() => Assert.Contains("could not be read", cut.Find("#result").TextContent));
        Assert.DoesNotContain("No session data found.", cut.Markup);

        Store.Unavailable = false;
        cut.Find("#result button").Click();

        cut.WaitForAssertion(() => Assert.Equal("Session username: Ada", cut.Find("#result").TextContent));
    }

    [Fact]
    public void AnUnreadableSession_SaysTheConnectionToTheTabWasInterrupted()
    {
        Store.Unavailable = true;

        var cut = Render<GetSession>();

        cut.WaitForAssertion(() => Assert.Equal(
            "The session could not be read because the connection to this tab was interrupted. Try again",
            string.Join(' ', cut.Find("#result").TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))));
    }

    [Fact]
    public void NameWithMarkup_IsShownAsText()
    {
        StoreName("<b>bold</b> & \"quoted\"");

        var cut = Render<GetSession>();

        cut.WaitForAssertion(() => Assert.Equal("Session username: <b>bold</b> & \"quoted\"", cut.Find("#result").TextContent));
        Assert.Empty(cut.FindAll("#result b"));
    }

    [Fact]
    public async Task Updates_WhenTheNameIsSetElsewhereInTheCircuit()
    {
        var cut = Render<GetSession>();
        cut.WaitForAssertion(() => Assert.Equal("No session data found.", cut.Find("#result").TextContent));

        await cut.InvokeAsync(() => Name.SaveAsync("Grace"));

        cut.WaitForAssertion(() => Assert.Equal("Session username: Grace", cut.Find("#result").TextContent));
    }

    [Fact]
    public async Task ThePage_LetsGoOfTheSession_WhenItGoes()
    {
        // The session lives as long as the circuit: a page left behind by a navigation must not stay subscribed.
        var before = Session.ChangedSubscriberCount;
        Render<GetSession>();
        Assert.Equal(before + 1, Session.ChangedSubscriberCount);

        await DisposeComponentsAsync();

        Assert.Equal(before, Session.ChangedSubscriberCount);
    }
}
