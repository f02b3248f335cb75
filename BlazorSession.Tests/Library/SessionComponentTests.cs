using Microsoft.Extensions.DependencyInjection;

namespace BlazorSession.Tests.Library;

/// <summary>A component of an app tested with the test package: seeded and inspected through the session itself.</summary>
public class SessionComponentTests : BunitContext
{
    public SessionComponentTests() => Services.AddInMemoryBrowserSession();

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
        Services.GetInMemoryBrowserStorage().Unavailable = true;

        var cut = Render<VisitCounter>();

        cut.WaitForAssertion(() => Assert.Equal(BrowserSessionStatus.Unavailable, Session.Status));
        cut.Find("[role=status]").MarkupMatches("<p role=\"status\">Loading…</p>");
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
