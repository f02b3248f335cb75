using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BlazorSession.Tests.EndToEnd;

/// <summary>These tests stop and start the server, so each one runs its own instead of the shared one.</summary>
public class ServerRestartTests(BrowserAppFixture fixture) : OwnServerTest(fixture)
{
    [Fact]
    public Task RestartWithTheSameKeys_KeepsTheName() => RecordingFailuresAsync(async () =>
    {
        await SaveNameAsync("Survives Restarts");
        await ExpectSavedAsync();

        await Server.RestartAsync();
        await Page.GotoAsync(Url("get-session"));

        await ExpectShownAsync("Survives Restarts");
        await ExpectNoErrorUiAsync();
    });

    [Fact]
    public Task RestartWithFreshKeys_StartsACleanEmptySession_WithoutErrorUi() => RecordingFailuresAsync(async () =>
    {
        await SaveNameAsync("Lost With The Keys");
        await ExpectSavedAsync();

        await Server.RestartAsync(freshKeys: true);
        await Page.GotoAsync(Url("get-session"));

        await Expect(Result).ToHaveTextAsync(NoSessionText);
        await ExpectNoErrorUiAsync();
        Assert.Contains(Server.Output, line => line.Contains("could not be read", StringComparison.Ordinal));
        Assert.DoesNotContain(Server.Output, line => line.Contains("Lost With The Keys", StringComparison.Ordinal));
    });

    [Fact]
    public Task DroppedConnection_RecoversByItself_AndStillShowsTheName() => RecordingFailuresAsync(async () =>
    {
        await SaveNameAsync("Reconnecting");
        await ExpectSavedAsync();
        await Page.GotoAsync(Url("get-session"));
        await ExpectShownAsync("Reconnecting");

        await Page.EvaluateAsync("() => Blazor._internal.forceCloseConnection()");

        await ExpectShownAsync("Reconnecting");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Set session" }).ClickAsync();
        await Expect(UsernameInput).ToBeEnabledAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "Get session" }).ClickAsync();
        await ExpectShownAsync("Reconnecting");
        await ExpectNoErrorUiAsync();
    });

    // Any state of the reconnect display: a page still showing "rejected" is the old page about to reload.
    private const string ReconnectUi = ".components-reconnect-show, .components-reconnect-retrying, "
        + ".components-reconnect-failed, .components-reconnect-rejected";

    [Fact]
    public Task ServerRestartUnderAnOpenPage_RecoversByItself_AndStillShowsTheName() => RecordingFailuresAsync(async () =>
    {
        await SaveNameAsync("Outlives The Server");
        await ExpectSavedAsync();
        await Page.GotoAsync(Url("get-session"));
        await ExpectShownAsync("Outlives The Server");

        await Page.EvaluateAsync("() => window.beforeRestart = true");
        await Server.RestartAsync();

        // The old circuit died with the process: the page must notice (show the reconnect UI, or load itself again),
        // get a new circuit and read the name back, without the test reloading it.
        await Page.WaitForFunctionAsync(
            $"() => !window.beforeRestart || document.querySelector('{ReconnectUi}') !== null",
            null, new() { Timeout = 60_000 });
        await Page.WaitForFunctionAsync(
            $"() => document.querySelector('{ReconnectUi}') === null && !document.querySelector('#result[data-session-preview]')",
            null, new() { Timeout = 60_000 });
        await ExpectShownAsync("Outlives The Server");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Set session" }).ClickAsync();
        await Expect(UsernameInput).ToBeEnabledAsync();
        await ExpectNoErrorUiAsync();
    });

    [Fact]
    public Task ServerDownBetweenTheHtmlAndTheFirstRender_PageBecomesUsableOnceItIsBack() => RecordingFailuresAsync(async () =>
    {
        const string typed = "Waited For The Server";
        var release = await HoldFrameworkScriptAsync();
        await Page.GotoAsync(Url("set-session"), new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        await Expect(UsernameInput).ToBeEnabledAsync();
        await UsernameInput.PressSequentiallyAsync(typed);
        var noticed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Page.Console += (_, message) =>
        {
            if (message.Text.Contains("reloads once the server answers", StringComparison.Ordinal))
            {
                noticed.TrySetResult();
            }
        };

        Server.Stop();
        release();
        await noticed.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await Server.StartAgainAsync();

        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Save" })).ToBeEnabledAsync(new() { Timeout = 60_000 });
        await Expect(UsernameInput).ToHaveValueAsync(typed);
        await ExpectNoErrorUiAsync();
    });

    [Fact]
    public Task RejectedReconnect_TheFrameworksReload_KeepsWhatWasTypedButNotSaved() => RecordingFailuresAsync(async () =>
    {
        await OpenAsync("set-session");
        await Expect(UsernameInput).ToBeEnabledAsync();
        await UsernameInput.FillAsync("Typed, Not Saved");
        await Page.EvaluateAsync("() => window.beforeRestart = true");

        await Server.RestartAsync();

        // The old circuit died with the process: the reconnect is rejected and the framework reloads the page.
        await Page.WaitForFunctionAsync("() => !window.beforeRestart", null, new() { Timeout = 60_000 });
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Save" })).ToBeEnabledAsync();
        await Expect(UsernameInput).ToHaveValueAsync("Typed, Not Saved");
        await ExpectNoErrorUiAsync();
    });
}
