using System.Net;
using BlazorSession.App.Hosting;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BlazorSession.Tests.EndToEnd;

/// <summary>
/// A node at its Circuits:MaxOpen turns new visitors away with a page that says so, and goes on serving the circuits
/// it holds (issue 37: overload refuses, it does not crash).
/// </summary>
public class CircuitCapacityTests(BrowserAppFixture fixture) : OwnServerTest(fixture, ("Circuits__MaxOpen", "1"))
{
    private static readonly HttpClient Http = new();

    [Fact]
    public Task AFullNode_SaysItIsBusy_KeepsServingItsCircuit_AndTakesVisitorsAgainOnceOneCloses() =>
        RecordingFailuresAsync(async () =>
        {
            await OpenAsync("set-session");
            // The circuit is up once its first render has marked the page.
            await Expect(Page.Locator("main[data-interactive]")).ToBeAttachedAsync();

            var turnedAway = await Context.NewPageAsync();
            var busy = await turnedAway.GotoAsync(Url("get-session"));
            Assert.Equal((int)HttpStatusCode.ServiceUnavailable, busy!.Status);
            Assert.Equal(CircuitCapacity.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
                await busy.HeaderValueAsync("retry-after"));
            await Expect(turnedAway.GetByRole(AriaRole.Heading, new() { Name = "The site is busy" })).ToBeVisibleAsync();
            await Expect(turnedAway.GetByRole(AriaRole.Alert)).ToContainTextAsync("Nothing you stored is lost");
            // What runs the node is still answered.
            using (var live = await Http.GetAsync(Url(Health.LivePath.TrimStart('/'))))
            {
                Assert.Equal(HttpStatusCode.OK, live.StatusCode);
            }

            // The circuit the node holds is served as before.
            await SaveNameAsync("Held Hana");
            await ExpectSavedAsync();

            // Its tab closed, the node takes the visitor it turned away.
            await Page.CloseAsync();
            await turnedAway.GetByRole(AriaRole.Link, new() { Name = "Try again" }).WaitForAsync();
            await WaitUntilAPageIsServedAsync();
            var served = await turnedAway.GotoAsync(Url("get-session"));
            Assert.Equal((int)HttpStatusCode.OK, served!.Status);
            await Expect(turnedAway.Locator("#result")).ToHaveTextAsync(NoSessionText);
        });

    // The closed tab's circuit is disposed when its unload reaches the server: asked until a page is served, for 30 s.
    private async Task WaitUntilAPageIsServedAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var poll = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        do
        {
            using var request = new HttpRequestMessage(HttpMethod.Head, Url("get-session"));
            request.Headers.Accept.ParseAdd("text/html");
            using var response = await Http.SendAsync(request, timeout.Token);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                return;
            }
        }
        while (await poll.WaitForNextTickAsync(timeout.Token));
    }
}
