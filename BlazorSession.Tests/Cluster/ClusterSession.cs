using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BlazorSession.Tests.Cluster;

/// <summary>One user: a browser context of its own (so its own sessionStorage) with one tab on the cluster.</summary>
internal sealed class ClusterSession(IBrowserContext context, IPage page, Uri baseUrl, string name) : IAsyncDisposable
{
    // Dozens of tabs share two cores with the nodes: give each step more than Playwright's 5 s default.
    private const float StepTimeout = 20_000;

    // Timed in the page, by the browser's clock (the machine's), so a busy test process does not add its own delay.
    private const string RecordWhenNameShown = """
        new MutationObserver((_, observer) => {
            if (document.getElementById('result')?.textContent.startsWith('Session username: ')) {
                window.nameShownAt = Date.now();
                observer.disconnect();
            }
        }).observe(document, { childList: true, subtree: true, characterData: true });
        """;

    public IPage Page { get; } = page;

    public string Name { get; } = name;

    public string ExpectedResult => $"Session username: {Name}";

    public static async Task<ClusterSession> OpenAsync(IBrowser browser, Uri baseUrl, string name)
    {
        var context = await browser.NewContextAsync();
        await context.AddInitScriptAsync(RecordWhenNameShown);
        return new ClusterSession(context, await context.NewPageAsync(), baseUrl, name);
    }

    public async Task SetNameAsync()
    {
        await Page.GotoAsync(new Uri(baseUrl, "set-session").ToString());
        var input = Page.GetByLabel("Username");
        await Expect(input).ToBeEnabledAsync(new() { Timeout = StepTimeout });
        await input.FillAsync(Name);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        var saved = Page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Session data set successfully!" });
        await Expect(saved).ToBeVisibleAsync(new() { Timeout = StepTimeout });
    }

    /// <summary>
    /// Opens the set page with the framework script held back (so no circuit can start) and types the name into the
    /// prerendered input. The returned action lets the script through.
    /// </summary>
    public async Task<Action> StartTypingBeforeTheCircuitAsync()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await Page.RouteAsync("**/_framework/blazor.web*.js", async route =>
        {
            await release.Task;
            await route.ContinueAsync();
        });
        await Page.GotoAsync(new Uri(baseUrl, "set-session").ToString(), new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        var input = Page.GetByLabel("Username");
        await Expect(input).ToBeEnabledAsync(new() { Timeout = StepTimeout });
        await input.PressSequentiallyAsync(Name);
        return () => release.TrySetResult();
    }

    /// <summary>The set page is interactive (Save enabled), still holds the typed name, and shows no error.</summary>
    public async Task ExpectUsableWithWhatWasTypedAsync()
    {
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Save" })).ToBeEnabledAsync(new() { Timeout = 45_000 });
        await Expect(Page.GetByLabel("Username")).ToHaveValueAsync(Name);
        await Expect(Page.Locator("#blazor-error-ui")).ToBeHiddenAsync();
    }

    /// <summary>When this document first showed a stored name, in Unix milliseconds, once it has.</summary>
    public async Task<long> WaitUntilNameShownAsync(float timeoutMilliseconds)
    {
        var shownAt = await Page.WaitForFunctionAsync("() => window.nameShownAt", null,
            new() { PollingInterval = 250, Timeout = timeoutMilliseconds });
        return await shownAt.JsonValueAsync<long>();
    }

    /// <summary>
    /// Stops CSS animations in the current document. Each real user's browser draws its own reconnect animation
    /// (which animates layout); dozens of tabs drawing theirs at once on two cores would measure Chromium's software
    /// renderer instead of the app's recovery.
    /// </summary>
    public async Task FreezeAnimationsAsync()
    {
        var devTools = await context.NewCDPSessionAsync(Page);
        await devTools.SendAsync("Animation.enable");
        await devTools.SendAsync("Animation.setPlaybackRate", new Dictionary<string, object> { ["playbackRate"] = 0 });
    }

    /// <summary>Goes to /get-session within the circuit (no page load) and checks the name.</summary>
    public async Task OpenGetSessionAsync()
    {
        await Page.GetByRole(AriaRole.Link, new() { Name = "Get session" }).ClickAsync();
        await ExpectOwnNameAsync();
    }

    /// <summary>Loads /get-session afresh (a new circuit, on whichever node the balancer picks) and checks the name.</summary>
    public async Task ExpectNameAfterLoadAsync()
    {
        await Page.GotoAsync(new Uri(baseUrl, "get-session").ToString());
        await ExpectOwnNameAsync();
    }

    /// <summary>
    /// Leaves the app (the tab keeps its sessionStorage), so that a node killed next does not make the page reload
    /// itself in the middle of the test's own navigation.
    /// </summary>
    public async Task LeaveAsync() => await Page.GotoAsync("about:blank");

    public async Task ExpectOwnNameAsync()
    {
        await Expect(Page.Locator("#result")).ToHaveTextAsync(ExpectedResult, new() { Timeout = StepTimeout });
        await Expect(Page.Locator("#blazor-error-ui")).ToBeHiddenAsync();
    }

    public async ValueTask DisposeAsync() => await context.CloseAsync();
}
