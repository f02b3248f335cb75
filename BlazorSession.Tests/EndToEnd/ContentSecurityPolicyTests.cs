using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BlazorSession.Tests.EndToEnd;

/// <summary>The policy in Chromium: the app's own pieces run under it, and anything injected does not.</summary>
public class ContentSecurityPolicyTests(BrowserAppFixture fixture) : EndToEndTest(fixture)
{
    // Reports every violation of every document of the context to the test, across reloads.
    private const string ViolationReporter = """
        document.addEventListener('securitypolicyviolation', event =>
            window.reportViolation(`${event.effectiveDirective} ${event.blockedURI} ${event.sample}`));
        """;

    private readonly List<string> _violations = [];
    private readonly List<string> _policyConsoleErrors = [];
    private readonly TaskCompletionSource _twoViolations = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await Context.ExposeFunctionAsync("reportViolation", (string violation) =>
        {
            lock (_violations)
            {
                _violations.Add(violation);
                if (_violations.Count >= 2)
                {
                    _twoViolations.TrySetResult();
                }
            }
        });
        await Context.AddInitScriptAsync(ViolationReporter);
        Page.Console += (_, message) =>
        {
            if (message.Type == "error" && message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                _policyConsoleErrors.Add(message.Text);
            }
        };
    }

    [Fact]
    public Task TheJourneyAndAReconnect_MeetNoViolation() => RecordingFailuresAsync(async () =>
    {
        await SaveNameAsync("Policy Pat");
        await ExpectSavedAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "Get session" }).ClickAsync();
        await ExpectShownAsync("Policy Pat");
        await Page.ReloadAsync();
        await ExpectShownAsync("Policy Pat");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Members" }).ClickAsync();
        await Expect(Result).ToHaveTextAsync("Welcome, Policy Pat. Only visitors who have signed in see this page.");

        // Every class the display is given is recorded as it happens: on loopback the reconnect can be over between
        // two polls of the page, and under load a poll comes late.
        await Page.EvaluateAsync("""
            () => {
                const display = document.getElementById('components-reconnect-modal');
                window.reconnectShown = false;
                new MutationObserver(() => window.reconnectShown ||= display.classList.contains('components-reconnect-show'))
                    .observe(display, { attributes: true, attributeFilter: ['class'] });
            }
            """);
        await Page.EvaluateAsync("() => Blazor._internal.forceCloseConnection()");
        await Page.WaitForFunctionAsync("() => window.reconnectShown === true");
        await Expect(Page.Locator("#components-reconnect-modal")).ToBeHiddenAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(Result).ToHaveTextAsync("Sign in to see this page. Sign in");

        await ExpectNoErrorUiAsync();
        Assert.Empty(_violations);
        Assert.Empty(_policyConsoleErrors);
    });

    [Fact]
    public Task AnInjectedInlineScriptAndAnInlineEventHandler_DoNotRun() => RecordingFailuresAsync(async () =>
    {
        await OpenAsync("get-session");
        await Expect(Result).ToHaveTextAsync(NoSessionText);

        // What an injection would add to the page; the test's own evaluation is not subject to the page's policy.
        await Page.EvaluateAsync("""
            () => {
                const script = document.createElement('script');
                script.textContent = 'window.injectedScriptRan = true;';
                document.body.append(script);
                const button = document.createElement('button');
                button.setAttribute('onclick', 'window.injectedHandlerRan = true');
                document.body.append(button);
                button.click();
            }
            """);

        await _twoViolations.Task.WaitAsync(TimeSpan.FromSeconds(15));
        Assert.False(await Page.EvaluateAsync<bool>("() => window.injectedScriptRan === true"), "The injected script ran.");
        Assert.False(await Page.EvaluateAsync<bool>("() => window.injectedHandlerRan === true"), "The injected handler ran.");
        Assert.Contains(_violations, violation => violation.StartsWith("script-src-elem inline", StringComparison.Ordinal));
        Assert.Contains(_violations, violation => violation.StartsWith("script-src-attr inline", StringComparison.Ordinal));
    });
}
