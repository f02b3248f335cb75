using BlazorSession.App.Preview;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BlazorSession.Tests.EndToEnd;

/// <summary>
/// A tab with a stored session hands it over as it leaves a page (SessionHandoffScript.razor): a reload then comes
/// with the name already read, and asks for nothing; only the tab's own values are ever shown from it; and a tab
/// with nothing stored keeps no listener that would hold up its navigations.
/// </summary>
public class SessionHandoffTests(BrowserAppFixture fixture) : EndToEndTest(fixture)
{
    // Records which listeners the window has been given, so that a test can wait for the script to have started
    // (it starts once the page has loaded and is idle) and for it to listen for the page being left.
    private const string ListenerRecorderScript = """
        (() => {
            const addEventListener = window.addEventListener;
            window.addEventListener = function (type, ...rest) {
                window.handsOverAsItLeaves ||= type === 'beforeunload';
                window.followsOtherTabs ||= type === 'storage';
                return addEventListener.call(this, type, ...rest);
            };
        })();
        """;

    private Action _releaseFrameworkScript = () => { };

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await Context.AddInitScriptAsync(ListenerRecorderScript);
    }

    [Fact]
    public Task Reload_ComesWithTheNameHandedOver_AsksForNothing_AndTheCookieIsGoneAfterIt() => RecordingFailuresAsync(async () =>
    {
        await SaveAndShowOnTheGetPageAsync(Page, "Handed Hal");
        var previews = CountPreviewRequests(Page);

        _releaseFrameworkScript = await HoldFrameworkScriptAsync();
        var reload = await Page.RunAndWaitForRequestAsync(
            () => Page.ReloadAsync(new() { WaitUntil = WaitUntilState.Commit }), request => request.IsNavigationRequest);

        await Expect(Result).ToHaveTextAsync("Session username: Handed Hal");
        Assert.False(await Page.EvaluateAsync<bool>("() => 'Blazor' in window"), "The framework script ran too early.");
        Assert.Contains(SessionHandoff.CookieName + "=", await reload.HeaderValueAsync("cookie") ?? "");
        Assert.DoesNotContain(await Context.CookiesAsync(), cookie => cookie.Name == SessionHandoff.CookieName);
        _releaseFrameworkScript();
        await ExpectShownAsync("Handed Hal");
        Assert.Equal(0, previews());
    });

    [Fact]
    public Task APageLoadedWithASession_HandsItOverToo_OnceIdle() => RecordingFailuresAsync(async () =>
    {
        await SaveAndShowOnTheGetPageAsync(Page, "Twice Tom");
        await Page.ReloadAsync();
        await ExpectShownAsync("Twice Tom");
        await Page.WaitForFunctionAsync("() => window.handsOverAsItLeaves === true");
        var previews = CountPreviewRequests(Page);

        await Page.ReloadAsync();

        await ExpectShownAsync("Twice Tom");
        Assert.Equal(0, previews());
    });

    [Fact]
    public Task ATabWithNothingStored_StartsHandingOver_WhenAnotherTabKeepsTheBrowserSignedIn() => RecordingFailuresAsync(async () =>
    {
        await OpenAsync("get-session");
        await Expect(Result).ToHaveTextAsync(NoSessionText);
        await Page.WaitForFunctionAsync("() => window.followsOtherTabs === true");
        Assert.False(await Page.EvaluateAsync<bool>("() => window.handsOverAsItLeaves === true"));

        var otherTab = await Context.NewPageAsync();
        await otherTab.GotoAsync(Url("set-session"));
        await Expect(otherTab.Locator("main[data-interactive]")).ToBeAttachedAsync();
        await otherTab.GetByLabel("Username").FillAsync("Kept Kai");
        await otherTab.GetByLabel("Keep me signed in").SetCheckedAsync(true);
        await otherTab.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

        await Page.WaitForFunctionAsync("() => window.handsOverAsItLeaves === true");
    });

    [Fact]
    public Task AnotherTabsHandoff_IsNeverShown_TheTabAsksForItsOwnName() => RecordingFailuresAsync(async () =>
    {
        var otherTab = await Context.NewPageAsync();
        await SaveAndShowOnTheGetPageAsync(otherTab, "Other Olive");
        var otherTabsValues = await otherTab.EvaluateAsync<string>("() => window.blazorSession.storedSession()");
        await SaveAndShowOnTheGetPageAsync(Page, "Own Owen");
        await Context.AddInitScriptAsync(ResultRecorderScript);
        // As if the other tab had just left a page: its values are what the next request of this browser carries.
        await RefuseThePagesCookiesAsync();
        await Context.AddCookiesAsync([new()
        {
            Name = SessionHandoff.CookieName,
            Value = Uri.EscapeDataString(otherTabsValues),
            Url = Url(""),
            SameSite = SameSiteAttribute.Strict,
        }]);
        var previews = CountPreviewRequests(Page);

        await Page.ReloadAsync();

        await ExpectShownAsync("Own Owen");
        Assert.Equal(1, previews());
        var texts = await Page.EvaluateAsync<string[]>("() => window.resultTexts");
        Assert.DoesNotContain(texts, text => text.Contains("Olive", StringComparison.Ordinal));
    });

    [Fact]
    public Task TamperedValue_HandedOver_ShowsNoName_AndReadsAsNoSessionOnceTheCircuitIsUp() => RecordingFailuresAsync(async () =>
    {
        await SaveAndShowOnTheGetPageAsync(Page, "Tampered Tess");
        await Page.EvaluateAsync("""
            () => {
                const value = sessionStorage.getItem('blazor-session');
                sessionStorage.setItem('blazor-session', value.slice(0, 20) + (value[20] === 'A' ? 'B' : 'A') + value.slice(21));
            }
            """);
        var previews = CountPreviewRequests(Page);

        _releaseFrameworkScript = await HoldFrameworkScriptAsync();
        await Page.ReloadAsync(new() { WaitUntil = WaitUntilState.Commit });

        await Expect(Result).ToHaveTextAsync("Loading session…");
        // The server read what was handed over and found no name: asking again would get the same answer.
        Assert.Equal(0, previews());
        _releaseFrameworkScript();
        await Expect(Result).ToHaveTextAsync(NoSessionText);
    });

    [Fact]
    public Task ATabWithNothingStored_DoesNotHoldUpLeaving_OneWithASessionHandsItOver() => RecordingFailuresAsync(async () =>
    {
        // A beforeunload listener makes the browser ask the page before every navigation away from it.
        await OpenAsync("get-session");
        await Expect(Result).ToHaveTextAsync(NoSessionText);
        await Page.WaitForFunctionAsync("() => window.followsOtherTabs === true");
        Assert.DoesNotContain("beforeunload", await WindowListenersAsync());

        await SaveNameAsync("Leaving Lena");
        await ExpectSavedAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "Get session", Exact = true }).ClickAsync();
        await ExpectShownAsync("Leaving Lena");
        await Page.WaitForFunctionAsync("() => window.handsOverAsItLeaves === true");
        Assert.Contains("beforeunload", await WindowListenersAsync());

        await Page.GetByRole(AriaRole.Button, new() { Name = "Clear session" }).ClickAsync();
        await Expect(Result).ToHaveTextAsync(NoSessionText);
        await Page.GetByRole(AriaRole.Link, new() { Name = "Set session", Exact = true }).ClickAsync();
        await Expect(UsernameInput).ToBeVisibleAsync();
        Assert.DoesNotContain("beforeunload", await WindowListenersAsync());
    });

    private async Task SaveAndShowOnTheGetPageAsync(IPage page, string name)
    {
        await page.GotoAsync(Url("set-session"));
        var input = page.GetByLabel("Username");
        await Expect(input).ToBeEnabledAsync();
        await input.FillAsync(name);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = SavedText })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Get session", Exact = true }).ClickAsync();
        await Expect(page.Locator("#result")).ToHaveTextAsync($"Session username: {name}");
        await page.WaitForFunctionAsync("() => window.handsOverAsItLeaves === true");
    }

    private static Func<int> CountPreviewRequests(IPage page)
    {
        var previews = 0;
        page.Request += (_, request) => previews += request.Url.EndsWith(StoredSessionPreview.Path, StringComparison.Ordinal) ? 1 : 0;
        return () => previews;
    }
}
