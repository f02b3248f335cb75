using System.Text.RegularExpressions;
using BlazorSession.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BlazorSession.Tests.Library.PackAndConsume;

/// <summary>The packed library in a new template app (<see cref="ConsumerApp"/>), used in Chromium.</summary>
[Trait("Category", "E2E")]
// One browser test at a time, as the app's own (EndToEndGroup): two Chromiums at once on 2 cores made the timing of
// two tabs leaving their pages together a matter of luck once.
[Collection(BlazorSession.Tests.EndToEnd.EndToEndGroup.Name)]
public sealed class PackAndConsumeTests(ConsumerApp app) : IClassFixture<ConsumerApp>, IAsyncLifetime
{
    // Records every text #count has had, from the first parsed byte of each document.
    private const string CountRecorder = """
        window.countTexts = [];
        new MutationObserver(() => {
            const text = document.getElementById('count')?.textContent;
            if (text !== undefined && text !== window.countTexts.at(-1)) {
                window.countTexts.push(text);
            }
        }).observe(document, { childList: true, subtree: true, characterData: true });
        """;

    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;
    private IBrowserContext _context = null!;
    private IPage _page = null!;

    public async Task InitializeAsync()
    {
        _playwright = await Playwright.CreateAsync();
        _browser = await Chromium.LaunchAsync(_playwright);
        _context = await _browser.NewContextAsync();
        _page = await _context.NewPageAsync();
    }

    private string Url(string path) => new Uri(app.Url, path).ToString();

    private ILocator Count => _page.Locator("#count");

    private ILocator StaticCount => _page.Locator("#static-count");

    // The static page, counted once by its plain form post: the tab holds a session of its own.
    private async Task CountOnceOnTheStaticPageAsync()
    {
        await _page.GotoAsync(Url("static-visits"));
        await _page.GetByRole(AriaRole.Button, new() { Name = "Count here" }).ClickAsync();
        await Expect(StaticCount).ToHaveTextAsync("Visits: 1");
    }

    [Fact]
    public async Task APackedSession_KeepsATypedValue_AcrossNavigationAndReload_AndAcrossTabsWhenKept()
    {
        // Its README, XML docs, the assembly whose nullable annotations the compiler reads, and its scripts.
        Assert.Contains("README.md", app.PackageEntries);
        Assert.Contains("lib/net10.0/BlazorSession.xml", app.PackageEntries);
        Assert.Contains("lib/net10.0/BlazorSession.dll", app.PackageEntries);
        Assert.Contains("staticwebassets/blazor-session.js", app.PackageEntries);
        // The JavaScript initializer, fingerprinted by the SDK.
        Assert.Contains(app.PackageEntries, entry => Regex.IsMatch(entry, @"^staticwebassets/BlazorSession(\.\w+)?\.lib\.module\.js$"));
        Assert.True(app.TestingPackageMade);

        await _page.GotoAsync(Url("visits"));
        var button = _page.GetByRole(AriaRole.Button, new() { Name = "Count" });
        await Expect(Count).ToHaveTextAsync("No visits");
        await button.ClickAsync();
        await button.ClickAsync();
        await Expect(Count).ToHaveTextAsync("Visits: 2");

        await _page.GetByRole(AriaRole.Link, new() { Name = "Other page" }).ClickAsync();
        await _page.GetByRole(AriaRole.Link, new() { Name = "Back to visits" }).ClickAsync();
        await Expect(Count).ToHaveTextAsync("Visits: 2");

        await _page.ReloadAsync();
        await Expect(Count).ToHaveTextAsync("Visits: 2");
        await Expect(button).ToBeEnabledAsync();
        // Protected: base64url ciphertext, not the JSON of the value.
        var stored = await _page.EvaluateAsync<string>("() => sessionStorage.getItem('blazor-session')");
        Assert.Matches("^[A-Za-z0-9_-]+$", stored);

        // Made permanent, the session is shared by a new tab of the browser, and an open tab follows its changes.
        await _page.GetByRole(AriaRole.Button, new() { Name = "Keep" }).ClickAsync();
        await Expect(_page.Locator("#permanent")).ToHaveTextAsync("Kept");
        var other = await _context.NewPageAsync();
        // Its very first response already has it: the permanent session's cookie copy followed the change.
        var first = await other.GotoAsync(Url("static-visits"));
        Assert.Contains("Visits: 2", await first!.TextAsync());
        await other.GotoAsync(Url("visits"));
        await Expect(other.Locator("#count")).ToHaveTextAsync("Visits: 2");
        await other.GetByRole(AriaRole.Button, new() { Name = "Count" }).ClickAsync();
        await Expect(other.Locator("#count")).ToHaveTextAsync("Visits: 3");
        await _page.BringToFrontAsync();
        await Expect(Count).ToHaveTextAsync("Visits: 3");
    }

    [Fact]
    public async Task EveryServerRender_ReadsTheSession_AndStaticFormsWriteIt_EachTabItsOwn()
    {
        await _page.GotoAsync(Url("visits"));
        var count = _page.GetByRole(AriaRole.Button, new() { Name = "Count" });
        await count.ClickAsync();
        await count.ClickAsync();
        await Expect(Count).ToHaveTextAsync("Visits: 2");

        // A link from an interactive page to a static one (enhanced navigation): rendered with the tab's session.
        await _page.GetByRole(AriaRole.Link, new() { Name = "Static visits" }).ClickAsync();
        await Expect(StaticCount).ToHaveTextAsync("Visits: 2");

        // A plain static form post: the handler's change is in the page its response renders, and the tab keeps it.
        await _page.GetByRole(AriaRole.Button, new() { Name = "Count here" }).ClickAsync();
        await Expect(StaticCount).ToHaveTextAsync("Visits: 3");
        var next = await _page.GotoAsync(Url("static-visits"));
        Assert.Contains("Visits: 3", await next!.TextAsync());

        // An enhanced form post.
        await _page.GetByRole(AriaRole.Button, new() { Name = "Forget" }).ClickAsync();
        await Expect(StaticCount).ToHaveTextAsync("No visits");

        // The interactive page's circuit sees what the static post stored in the tab.
        await _page.GetByRole(AriaRole.Link, new() { Name = "Interactive visits" }).ClickAsync();
        await Expect(Count).ToHaveTextAsync("No visits");
        await Expect(count).ToBeEnabledAsync();
        await count.ClickAsync();
        await Expect(Count).ToHaveTextAsync("Visits: 1");

        // A reload: the prerendered HTML has the value, and the circuit's render changes nothing that is shown.
        await _page.AddInitScriptAsync(CountRecorder);
        var prerendered = await _page.ReloadAsync();
        Assert.Contains("Visits: 1", await prerendered!.TextAsync());
        await Expect(count).ToBeEnabledAsync();
        Assert.Equal(["Visits: 1"], await _page.EvaluateAsync<string[]>("() => window.countTexts"));

        // Another tab of the browser has a session of its own: nothing here.
        var otherTab = await _context.NewPageAsync();
        var first = await otherTab.GotoAsync(Url("static-visits"));
        Assert.Contains("No visits", await first!.TextAsync());
        await otherTab.GetByRole(AriaRole.Button, new() { Name = "Count here" }).ClickAsync();
        await Expect(otherTab.Locator("#static-count")).ToHaveTextAsync("Visits: 1");
        await otherTab.GetByRole(AriaRole.Button, new() { Name = "Count here" }).ClickAsync();
        await Expect(otherTab.Locator("#static-count")).ToHaveTextAsync("Visits: 2");
        await _page.BringToFrontAsync();
        var mine = await _page.GotoAsync(Url("static-visits"));
        Assert.Contains("Visits: 1", await mine!.TextAsync());
    }

    [Fact]
    public async Task AnInteractiveComponentOnAStaticPage_FollowsTheEnhancedFormPostsItOutlives()
    {
        await CountOnceOnTheStaticPageAsync();
        var badge = _page.Locator("#badge[data-interactive]");
        await Expect(badge).ToHaveTextAsync("Badge: 1");

        // The enhanced post's response updates the page in place: the badge's circuit lives on, and reads the tab again.
        await _page.GetByRole(AriaRole.Button, new() { Name = "Forget" }).ClickAsync();

        await Expect(StaticCount).ToHaveTextAsync("No visits");
        await Expect(badge).ToHaveTextAsync("Badge: none");
    }

    [Fact]
    public async Task TwoTabsLeavingTheirPagesAtOnce_NeitherIsShownTheOthersSession()
    {
        await CountOnceOnTheStaticPageAsync();
        var otherTab = await _context.NewPageAsync();
        await otherTab.GotoAsync(Url("static-visits"));
        await Expect(otherTab.Locator("#static-count")).ToHaveTextAsync("No visits");

        // This tab leaves its page: its handoff is written, and its request has not been answered yet when...
        await _page.EvaluateAsync("() => window.dispatchEvent(new Event('beforeunload'))");
        // ...the other tab leaves its own page: its request carries both tabs' handoffs.
        var response = await otherTab.ReloadAsync();

        var html = await response!.TextAsync();
        Assert.DoesNotContain("Visits: 1", html);
        Assert.Contains("No visits", html);
        // This tab's next page still has its own session (loaded again by its script should its request leave before
        // the handoff cookie is stored, as a browser's own navigation can on a loaded machine).
        await _page.GotoAsync(Url("static-visits"));
        await Expect(StaticCount).ToHaveTextAsync("Visits: 1");
    }

    [Fact]
    public async Task APageWhoseRequestLeftWithoutItsHandoff_IsLoadedAgain_WithTheTabsSession()
    {
        await CountOnceOnTheStaticPageAsync();
        // A page got, not posted: what a reload asks for again.
        await _page.GotoAsync(Url("static-visits"));
        await Expect(StaticCount).ToHaveTextAsync("Visits: 1");

        // What a reload can meet on a loaded machine, made certain: its request leaves without the handoff cookie the
        // tab wrote as it left the page (here the test asks for the page itself, with no cookie, and gives the browser
        // that response), so the page is rendered as a new tab's.
        using var client = new HttpClient();
        var served = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        await _page.RouteAsync(Url("static-visits"), async route =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, route.Request.Url);
            request.Headers.Add("Sec-Fetch-Mode", "navigate");
            using var response = await client.SendAsync(request);
            var html = await response.Content.ReadAsStringAsync();
            served.TrySetResult(html);
            await route.FulfillAsync(new()
            {
                Status = (int)response.StatusCode,
                Headers = response.Headers.Concat(response.Content.Headers)
                    .Where(header => header.Key is not ("Set-Cookie" or "Transfer-Encoding" or "Content-Length"))
                    .ToDictionary(header => header.Key, header => string.Join(", ", header.Value)),
                Body = html,
            });
        }, new() { Times = 1 });

        await _page.ReloadAsync(new() { WaitUntil = WaitUntilState.Commit });

        Assert.Contains("No visits", await served.Task.WaitAsync(TimeSpan.FromSeconds(30)));
        // The tab's script found its handoff unexpired and loaded the page once more: that request carried it.
        await Expect(StaticCount).ToHaveTextAsync("Visits: 1");
    }

    public async Task DisposeAsync()
    {
        await _context.DisposeAsync();
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}
