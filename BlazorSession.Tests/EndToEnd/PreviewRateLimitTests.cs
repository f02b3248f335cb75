namespace BlazorSession.Tests.EndToEnd;

/// <summary>
/// Over the preview's rate limit the page simply waits for its circuit. Its own server: the limit is per client
/// address, and every test here comes from 127.0.0.1. Its bucket is refilled once an hour, so once the test has used
/// it up the reload's own preview is refused however long the reload takes (with the default refill every second, a
/// slow reload on a busy machine lands after the refill and is answered).
/// </summary>
public class PreviewRateLimitTests(BrowserAppFixture fixture)
    : OwnServerTest(fixture, ("Session__PreviewRateLimit__ReplenishmentPeriod", "01:00:00"))
{
    [Fact]
    public Task RateLimitedPreview_LeavesTheGetPageWorking_WithNoErrorUi() => RecordingFailuresAsync(async () =>
    {
        await SaveNameAsync("Limited Lou");
        await ExpectSavedAsync();
        await OpenAsync("get-session");
        await ExpectShownAsync("Limited Lou");
        var errors = new List<string>();
        Page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add(message.Text);
            }
        };

        await ExhaustThePreviewsRateLimitAsync();
        errors.Clear();
        // So that the reloaded page asks, rather than coming with the name (SessionHandoffScript.razor).
        await RefuseThePagesCookiesAsync();
        var preview = Page.WaitForResponseAsync(response => response.Url.EndsWith("_session/preview", StringComparison.Ordinal));
        await Page.ReloadAsync();

        Assert.Equal(429, (await preview).Status);
        await ExpectShownAsync("Limited Lou");
        await ExpectNoErrorUiAsync();
        // The refused request is the only thing the console reports.
        Assert.All(errors, error => Assert.Contains("429", error));
    });

    // A script calling the endpoint in a loop, from the page itself (same origin), until it is refused.
    private async Task ExhaustThePreviewsRateLimitAsync()
    {
        var refusedAfter = await Page.EvaluateAsync<int>("""
            async () => {
                for (let i = 1; i <= 200; i++) {
                    const response = await fetch('_session/preview', { method: 'POST', body: sessionStorage.getItem('blazor-session') });
                    if (response.status === 429) {
                        return response.headers.get('retry-after') ? i : -i;
                    }
                }
                return 0;
            }
            """);
        Assert.True(refusedAfter > 0, $"Expected a 429 with Retry-After, got {refusedAfter}.");
    }
}
