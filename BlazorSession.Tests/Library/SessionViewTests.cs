using BlazorSession.Testing;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace BlazorSession.Tests.Library;

/// <summary>
/// The library's <see cref="SessionView"/>: the session as it is, with no subscription, read or dispose in the
/// component that uses it.
/// </summary>
public class SessionViewTests : BunitContext
{
    public SessionViewTests()
    {
        Services.AddInMemoryBrowserSession();
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    private BrowserSession Session => Services.GetRequiredService<BrowserSession>();

    private InMemoryBrowserStorage Tab => Services.GetInMemoryBrowserStorage();

    [Fact]
    public void ShowsLoading_ThenTheContent_OnceTheSessionIsRead()
    {
        Tab.HoldReads();

        var cut = Render<SessionView>(view => view
            .Add(p => p.Loading, "<p>Loading…</p>")
            .Add(p => p.ChildContent, session => $"<p>Visits: {session.Get<int>("visits")}</p>"));

        cut.MarkupMatches("<p>Loading…</p>");
        Tab.ReleaseReads();
        cut.WaitForAssertion(() => cut.MarkupMatches("<p>Visits: 0</p>"));
    }

    [Fact]
    public void WhenTheBrowserCannotBeReached_ByDefaultSaysSo_AndTryAgainReadsIt()
    {
        Tab.Unavailable = true;

        var cut = Render<SessionView>(view => view
            .Add(p => p.ChildContent, session => $"<p>Visits: {session.Get<int>("visits")}</p>"));

        cut.WaitForAssertion(() => Assert.Equal("alert", cut.Find("p").GetAttribute("role")));
        Assert.Contains("The session could not be read.", cut.Markup);
        Tab.Unavailable = false;
        cut.Find("button").Click();
        cut.WaitForAssertion(() => cut.MarkupMatches("<p>Visits: 0</p>"));
    }

    [Fact]
    public async Task WhilePrerendering_AnUnreadSessionShowsLoading_NeverUnavailable()
    {
        SetRendererInfo(new RendererInfo("Static", isInteractive: false));
        Tab.Unavailable = true;
        await Session.LoadAsync();

        var cut = Render<SessionView>(view => view
            .Add(p => p.Loading, "<p>Loading…</p>")
            .Add(p => p.ChildContent, _ => "<p>content</p>"));

        Assert.Equal(BrowserSessionStatus.Unavailable, Session.Status);
        cut.MarkupMatches("<p>Loading…</p>");
    }

    [Fact]
    public async Task WithKeys_AChangeOfAnotherKeyRendersNothing_AndOneOfItsKeysRendersIt()
    {
        var renders = 0;
        var cut = Render<SessionView>(view => view
            .Add(p => p.Keys, ["cart"])
            .Add(p => p.ChildContent, session => { renders++; return $"<p>{session.Get<int>("cart")}</p>"; }));
        cut.WaitForAssertion(() => cut.MarkupMatches("<p>0</p>"));
        var before = renders;

        await cut.InvokeAsync(() => Session.SetAsync("username", "Ada"));
        await cut.InvokeAsync(() => Session.SetAsync("cart", 2));

        cut.WaitForAssertion(() => cut.MarkupMatches("<p>2</p>"));
        Assert.Equal(before + 1, renders);
    }

    [Fact]
    public async Task WithoutKeys_EveryChangeRendersIt()
    {
        var cut = Render<SessionView>(view => view
            .Add(p => p.ChildContent, session => $"<p>{session.Get<string>("username")}</p>"));
        cut.WaitForAssertion(() => cut.MarkupMatches("<p></p>"));

        await cut.InvokeAsync(() => Session.SetAsync("username", "Ada"));

        cut.WaitForAssertion(() => cut.MarkupMatches("<p>Ada</p>"));
    }

    [Fact]
    public void Disposed_ItLetsGoOfTheSession()
    {
        var before = Session.ChangedSubscriberCount;
        var cut = Render<SessionView>();
        Assert.Equal(before + 1, Session.ChangedSubscriberCount);

        cut.Instance.Dispose();

        Assert.Equal(before, Session.ChangedSubscriberCount);
    }
}
