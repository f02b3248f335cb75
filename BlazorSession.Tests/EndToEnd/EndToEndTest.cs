using System.Runtime.CompilerServices;
using BlazorSession.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BlazorSession.Tests.EndToEnd;

/// <summary>
/// Base for browser tests: a fresh context (its own sessionStorage) per test on the class's shared browser and app,
/// the app's pages as small helpers, and a screenshot plus the page's HTML saved when a test fails.
/// </summary>
[Trait("Category", "E2E")]
[Collection(EndToEndGroup.Name)]
public abstract class EndToEndTest(BrowserAppFixture fixture) : IAsyncLifetime
{
    public const string NoSessionText = "No session data found.";
    public const string SavedText = "Session data set successfully!";

    /// <summary>How long a person holds a click (about 100 ms): long enough for the page to change under the press.</summary>
    protected const int PersonsPressMilliseconds = 90;

    private static readonly string ArtifactDirectory =
        Path.Combine(AppContext.BaseDirectory, "TestResults", "e2e");

    static EndToEndTest()
    {
        // Blazor's first render after the circuit starts is quick here, but CI machines are shared and slow.
        SetDefaultExpectTimeout(15_000);
    }

    protected BrowserAppFixture Fixture { get; } = fixture;

    protected IBrowserContext Context { get; private set; } = null!;

    protected IPage Page { get; private set; } = null!;

    protected ILocator Result => Page.Locator("#result");

    protected ILocator UsernameInput => Page.GetByLabel("Username");

    protected ILocator ErrorUi => Page.Locator("#blazor-error-ui");

    // Records every text #result has had, from the first parsed byte of each document.
    protected const string ResultRecorderScript = """
        window.resultTexts = [];
        new MutationObserver(() => {
            const text = document.getElementById('result')?.textContent;
            if (text !== undefined && text !== window.resultTexts.at(-1)) {
                window.resultTexts.push(text);
            }
        }).observe(document, { childList: true, subtree: true, characterData: true });
        """;

    public virtual async Task InitializeAsync()
    {
        Context = await Fixture.Browser.NewContextAsync();
        Page = await Context.NewPageAsync();
    }

    public virtual async Task DisposeAsync() => await Context.DisposeAsync();

    /// <summary>Closes the test's browser context and opens a fresh one, as a new visitor's tab (nothing stored).</summary>
    protected async Task OpenANewTabAsync()
    {
        await Context.DisposeAsync();
        Context = await Fixture.Browser.NewContextAsync();
        Page = await Context.NewPageAsync();
    }

    /// <summary>The app under test; the shared one unless a test class runs its own.</summary>
    protected virtual AppServer Server => Fixture.Server;

    protected string Url(string path) => new Uri(Server.BaseUrl, path).ToString();

    /// <summary>Runs a test body; when it fails, keeps what the page looked like next to the test results.</summary>
    protected async Task RecordingFailuresAsync(Func<Task> body, [CallerMemberName] string testName = "")
    {
        try
        {
            await body();
        }
        catch (Exception failure)
        {
            var saved = await SaveArtifactsAsync($"{GetType().Name}.{testName}");
            throw new InvalidOperationException($"{failure.Message}{Environment.NewLine}{saved}", failure);
        }
    }

    /// <summary>
    /// Holds blazor.web.js back until the returned action is called: the page parses and its inline scripts run,
    /// but no circuit can start, so what happens before the circuit is a fact of the test rather than a race.
    /// </summary>
    protected async Task<Action> HoldFrameworkScriptAsync()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await Page.RouteAsync("**/_framework/blazor.web*.js", async route =>
        {
            await release.Task;
            await route.ContinueAsync();
        });
        return () => release.TrySetResult();
    }

    /// <summary>The event types the window has listeners for, as the browser's developer tools list them.</summary>
    protected async Task<IReadOnlyList<string>> WindowListenersAsync()
    {
        var devTools = await Context.NewCDPSessionAsync(Page);
        var window = await devTools.SendAsync("Runtime.evaluate", new Dictionary<string, object> { ["expression"] = "window" });
        var listeners = await devTools.SendAsync("DOMDebugger.getEventListeners", new Dictionary<string, object>
        {
            ["objectId"] = window!.Value.GetProperty("result").GetProperty("objectId").GetString()!,
        });
        await devTools.DetachAsync();
        return [.. listeners!.Value.GetProperty("listeners").EnumerateArray().Select(listener => listener.GetProperty("type").GetString()!)];
    }

    protected async Task OpenAsync(string path)
    {
        await Page.GotoAsync(Url(path));
    }

    /// <summary>
    /// Opens the set page unless it is shown (with any query, such as a returnUrl), waits until it is interactive,
    /// and saves <paramref name="name"/>.
    /// </summary>
    protected async Task SaveNameAsync(string name)
    {
        if (!Uri.TryCreate(Page.Url, UriKind.Absolute, out var shown) || shown.AbsolutePath != "/set-session")
        {
            await OpenAsync("set-session");
        }

        await Expect(UsernameInput).ToBeEnabledAsync();
        await UsernameInput.FillAsync(name);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
    }

    protected async Task ExpectSavedAsync() =>
        await Expect(Page.GetByRole(AriaRole.Status).Filter(new() { HasText = SavedText })).ToBeVisibleAsync();

    /// <summary>
    /// The circuit has read the session and shows <paramref name="name"/>: the text alone could still be the
    /// prerender's, so the Clear session button (enabled once the circuit has read) is awaited too.
    /// </summary>
    protected async Task ExpectShownAsync(string name)
    {
        await Expect(Result).ToHaveTextAsync($"Session username: {name}");
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Clear session" })).ToBeEnabledAsync();
    }

    /// <summary>The layout's header names the stored user.</summary>
    protected async Task ExpectSignedInAsync(string name) =>
        await Expect(Page.Locator(".signed-in")).ToHaveTextAsync($"Signed in as {name}");

    protected async Task ExpectNoErrorUiAsync() => await Expect(ErrorUi).ToBeHiddenAsync();

    private async Task<string> SaveArtifactsAsync(string name)
    {
        try
        {
            Directory.CreateDirectory(ArtifactDirectory);
            var basePath = Path.Combine(ArtifactDirectory, name);
            await Page.ScreenshotAsync(new() { Path = basePath + ".png", FullPage = true });
            await File.WriteAllTextAsync(basePath + ".html", await Page.ContentAsync());
            return $"The page was saved to {basePath}.png and {basePath}.html.";
        }
        catch (PlaywrightException exception)
        {
            return $"The page could not be saved: {exception.Message}";
        }
    }
}
