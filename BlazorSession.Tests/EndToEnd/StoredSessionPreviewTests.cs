using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BlazorSession.Tests.EndToEnd;

/// <summary>
/// On a reload of /get-session (and of /members) the stored name is shown before the circuit is up (App's StoredSessionPreviewScript,
/// with the name the page came with or from the _session/preview endpoint), only when the server has verified it, and
/// without any flash of "none". The framework script is held back, so "before the circuit" is a fact of the test, not
/// a race. A reload hands the session over with the page (SessionHandoffTests); the tests of the request refuse the
/// page's cookies first, as a browser may, so that the page asks.
/// </summary>
public class StoredSessionPreviewTests(BrowserAppFixture fixture) : EndToEndTest(fixture)
{
    private const string PreviewPath = "_session/preview";

    private Action _releaseFrameworkScript = () => { };

    [Fact]
    public Task Reload_ShowsTheVerifiedNameBeforeTheCircuitIsUp_AndNothingElseAfterIt() => RecordingFailuresAsync(async () =>
    {
        await SaveAndShowOnTheGetPageAsync("Preview Pat");
        await Context.AddInitScriptAsync(ResultRecorderScript);

        await ReloadHeldBackAsync();

        await Expect(Result).ToHaveTextAsync("Session username: Preview Pat");
        Assert.False(await Page.EvaluateAsync<bool>("() => 'Blazor' in window"), "The framework script ran too early.");
        await ReleaseCircuitAsync();
        await ExpectSignedInAsync("Preview Pat");
        await ExpectShownAsync("Preview Pat");
        var texts = await Page.EvaluateAsync<string[]>("() => window.resultTexts");
        Assert.Equal(["Loading session…", "Session username: Preview Pat"], texts.Distinct());
        Assert.Equal("Session username: Preview Pat", texts[^1]);
    });

    [Fact]
    public Task ReloadOfMembers_ShowsTheVerifiedWelcomeBeforeTheCircuitIsUp_AndNeverThePrompt() => RecordingFailuresAsync(async () =>
    {
        const string welcome = "Welcome, Member Mia. Only visitors who have signed in see this page.";
        await SaveNameAsync("Member Mia");
        await ExpectSavedAsync();
        await OpenAsync("members");
        await Expect(Result).ToHaveTextAsync(welcome);
        await Context.AddInitScriptAsync(ResultRecorderScript);

        await ReloadHeldBackAsync();

        await Expect(Result).ToHaveTextAsync(welcome);
        Assert.False(await Page.EvaluateAsync<bool>("() => 'Blazor' in window"), "The framework script ran too early.");
        await ReleaseCircuitAsync();
        await ExpectSignedInAsync("Member Mia");
        await Expect(Result).ToHaveTextAsync(welcome);
        var texts = await Page.EvaluateAsync<string[]>("() => window.resultTexts");
        Assert.Equal(["Checking your session…", welcome], texts.Distinct());
        Assert.Equal(welcome, texts[^1]);
    });

    [Fact]
    public Task Preview_ShowsANameWithReplacementPatternsAsItIs() => RecordingFailuresAsync(async () =>
    {
        const string name = "Dollar $& Dan $1 $$";
        await SaveAndShowOnTheGetPageAsync(name);

        await ReloadHeldBackAsync();

        await Expect(Result).ToHaveTextAsync($"Session username: {name}");
        Assert.False(await Page.EvaluateAsync<bool>("() => 'Blazor' in window"), "The framework script ran too early.");
        await ReleaseCircuitAsync();
        await ExpectShownAsync(name);
    });

    [Fact]
    public Task TamperedValue_GetsNoPreview_AndReadsAsNoSessionOnceTheCircuitIsUp() => RecordingFailuresAsync(async () =>
    {
        await SaveAndShowOnTheGetPageAsync("Tampered Tim");
        await Page.EvaluateAsync("""
            () => {
                const value = sessionStorage.getItem('blazor-session');
                sessionStorage.setItem('blazor-session', value.slice(0, 20) + (value[20] === 'A' ? 'B' : 'A') + value.slice(21));
            }
            """);

        await RefuseThePagesCookiesAsync();

        var preview = Page.WaitForResponseAsync(response => response.Url.EndsWith(PreviewPath, StringComparison.Ordinal));
        await ReloadHeldBackAsync();

        Assert.Equal(204, (await preview).Status);
        await Expect(Result).ToHaveTextAsync("Loading session…");
        await ReleaseCircuitAsync();
        await Expect(Result).ToHaveTextAsync(NoSessionText);
    });

    [Fact]
    public Task OtherPages_AskForNoPreview() => RecordingFailuresAsync(async () =>
    {
        await SaveNameAsync("Quiet Quentin");
        await ExpectSavedAsync();
        var previews = 0;
        Page.Request += (_, request) => previews += request.Url.EndsWith(PreviewPath, StringComparison.Ordinal) ? 1 : 0;

        await Page.ReloadAsync();
        await ExpectSignedInAsync("Quiet Quentin");
        Assert.Equal(0, previews);

        // The get page asks (with nothing handed over), so the count above would have seen a request.
        await RefuseThePagesCookiesAsync();
        await OpenAsync("get-session");
        await ExpectShownAsync("Quiet Quentin");
        Assert.Equal(1, previews);
    });

    [Fact]
    public Task PreviewThatNeverAnswers_DoesNotHoldTheCircuitBack() => RecordingFailuresAsync(async () =>
    {
        await SaveAndShowOnTheGetPageAsync("Patient Pia");
        var previewAsked = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var neverAnswered = new TaskCompletionSource();
        await Page.RouteAsync("**/" + PreviewPath, _ =>
        {
            previewAsked.TrySetResult();
            return neverAnswered.Task;
        });
        await RefuseThePagesCookiesAsync();

        await Page.ReloadAsync(new() { WaitUntil = WaitUntilState.Commit });

        await previewAsked.Task.WaitAsync(TimeSpan.FromSeconds(15));
        await ExpectShownAsync("Patient Pia");
    });

    [Fact]
    public Task Reload_RequestsTheFrameworkScriptOnlyOnceThePreviewHasAnswered() => RecordingFailuresAsync(async () =>
    {
        await SaveAndShowOnTheGetPageAsync("Orderly Olga");
        await RefuseThePagesCookiesAsync();

        await Page.ReloadAsync();
        await ExpectShownAsync("Orderly Olga");

        var timing = await Page.EvaluateAsync<JsonElement>("""
            () => {
                const entry = part => performance.getEntriesByType('resource').find(e => e.name.includes(part));
                const preview = entry('_session/preview'), script = entry('/_framework/blazor.web.');
                return { previewStart: preview.startTime, previewEnd: preview.responseEnd, scriptStart: script.startTime };
            }
            """);
        var (previewStart, previewEnd, scriptStart) = (timing.GetProperty("previewStart").GetDouble(),
            timing.GetProperty("previewEnd").GetDouble(), timing.GetProperty("scriptStart").GetDouble());
        // App.razor waits for the answer, or 100 ms at most, before it adds the script.
        Assert.True(scriptStart >= previewEnd || scriptStart >= previewStart + 100,
            $"blazor.web.js was requested at {scriptStart:F1} ms, while the preview ran from {previewStart:F1} to {previewEnd:F1} ms.");
    });

    [Fact]
    public Task PreviewEndpoint_AnswersTheTabsOwnValue_AndNothingElse() => RecordingFailuresAsync(async () =>
    {
        await SaveNameAsync("Endpoint Eve");
        await ExpectSavedAsync();

        // The body the page's script sends: the tab's value and the browser's remembered one (none here).
        var own = await PostFromThePageAsync("JSON.stringify({ tab: sessionStorage.getItem('blazor-session'), browser: null })");
        var tampered = await PostFromThePageAsync(
            "JSON.stringify({ tab: sessionStorage.getItem('blazor-session').slice(0, -4) + 'AAAA', browser: null })");
        var asTheRemembered = await PostFromThePageAsync("JSON.stringify({ tab: null, browser: sessionStorage.getItem('blazor-session') })");
        var bare = await PostFromThePageAsync("sessionStorage.getItem('blazor-session')");
        var oversized = await PostFromThePageAsync("'A'.repeat(5000)");
        var crossSite = await Page.APIRequest.PostAsync(Url(PreviewPath), new()
        {
            DataString = await Page.EvaluateAsync<string>("() => JSON.stringify({ tab: sessionStorage.getItem('blazor-session') })"),
        });

        Assert.Equal((200, "Endpoint Eve", "no-store"), (own.Status, own.Body, own.CacheControl));
        Assert.Equal(204, tampered.Status);
        Assert.Equal(204, asTheRemembered.Status);
        Assert.Equal(204, bare.Status);
        Assert.Equal(413, oversized.Status);
        Assert.Equal(403, crossSite.Status);
    });

    private async Task SaveAndShowOnTheGetPageAsync(string name)
    {
        await SaveNameAsync(name);
        await ExpectSavedAsync();
        await OpenAsync("get-session");
        await ExpectShownAsync(name);
    }

    private async Task ReloadHeldBackAsync()
    {
        _releaseFrameworkScript = await HoldFrameworkScriptAsync();
        await Page.ReloadAsync(new() { WaitUntil = WaitUntilState.Commit });
    }

    private async Task ReleaseCircuitAsync()
    {
        _releaseFrameworkScript();
        await Page.WaitForFunctionAsync("() => 'Blazor' in window");
    }

    private async Task<(int Status, string Body, string? CacheControl)> PostFromThePageAsync(string valueExpression)
    {
        var answer = await Page.EvaluateAsync<JsonElement>($$"""
            async () => {
                const response = await fetch('{{PreviewPath}}', { method: 'POST', body: {{valueExpression}} });
                return { status: response.status, body: await response.text(), cacheControl: response.headers.get('cache-control') };
            }
            """);
        return (answer.GetProperty("status").GetInt32(), answer.GetProperty("body").GetString()!,
            answer.GetProperty("cacheControl").GetString());
    }
}
