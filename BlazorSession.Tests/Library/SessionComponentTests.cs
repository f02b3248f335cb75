using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace BlazorSession.Tests.Library;

/// <summary>A component of an app tested with the test package: seeded and inspected through the session itself.</summary>
public class SessionComponentTests : BunitContext
{
    public SessionComponentTests()
    {
        Services.AddInMemoryBrowserSession();
        // As in a circuit: SessionView, as any component that asks, reads where it renders (bUnit asks the test).
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    private BrowserSession Session => Services.GetRequiredService<BrowserSession>();

    [Fact]
    public async Task ShowsTheSeededValue_OnceTheSessionIsRead()
    {
        await Session.SetAsync("visits", 41);

        var cut = Render<VisitCounter>();

        cut.WaitForAssertion(() => cut.Find("[role=status]").MarkupMatches("<p role=\"status\">Visits: 41</p>"));
    }

    [Fact]
    public void ShowsLoading_UntilTheSessionIsRead()
    {
        Services.GetInMemoryBrowserStorage().HoldReads();

        var cut = Render<VisitCounter>();

        cut.Find("[role=status]").MarkupMatches("<p role=\"status\">Loading…</p>");
        Services.GetInMemoryBrowserStorage().ReleaseReads();
        cut.WaitForAssertion(() => cut.Find("[role=status]").MarkupMatches("<p role=\"status\">Visits: 0</p>"));
    }

    [Fact]
    public void WhenTheBrowserCannotBeReached_SaysSo_AndTryAgainShowsTheValue()
    {
        var storage = Services.GetInMemoryBrowserStorage();
        storage.Unavailable = true;

        var cut = Render<VisitCounter>();

        cut.WaitForAssertion(() => Assert.Contains("The session could not be read.", cut.Find("[role=alert]").TextContent));
        storage.Unavailable = false;
        cut.Find("button").Click();
        cut.WaitForAssertion(() => cut.Find("[role=status]").MarkupMatches("<p role=\"status\">Visits: 0</p>"));
    }

    [Fact]
    public void ACountTheBrowserRefuses_SaysSo_AndKeepsTheCount()
    {
        var storage = Services.GetInMemoryBrowserStorage();
        var cut = Render<VisitCounter>();
        cut.WaitForElement("button").Click();
        cut.WaitForAssertion(() => cut.Find("[role=status]").MarkupMatches("<p role=\"status\">Visits: 1</p>"));

        storage.Unavailable = true;
        cut.Find("button").Click();

        cut.WaitForAssertion(() => Assert.StartsWith("Not counted", cut.Find("[role=alert]").TextContent));
        cut.Find("[role=status]").MarkupMatches("<p role=\"status\">Visits: 1</p>");
    }

    [Fact]
    public void EachClick_Counts_AndTheBrowserHasTheTotal()
    {
        var cut = Render<VisitCounter>();

        for (var visits = 1; visits <= 3; visits++)
        {
            cut.WaitForElement("button").Click();
            cut.WaitForAssertion(() => cut.Find("[role=status]").MarkupMatches($"<p role=\"status\">Visits: {visits}</p>"));
        }

        Assert.Equal(3, Services.GetInMemoryBrowserStorage().Peek(BrowserSession.StorageKey)!.Value
            .GetProperty("values").GetProperty("visits").GetInt32());
    }
}
