using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BlazorSession.Tests.EndToEnd;

/// <summary>Prometheus text on GET /metrics when Metrics:Prometheus is true; nothing there by default.</summary>
public class MetricsEndpointTests(BrowserAppFixture fixture) : OwnServerTest(fixture, ("Metrics__Prometheus", "true"))
{
    private static readonly HttpClient Http = new();

    [Fact]
    public Task Metrics_ShowTheAppsBlazorsKestrelsAndTheRuntimesMeters_WithoutTheName() => RecordingFailuresAsync(async () =>
    {
        await SaveNameAsync("Counted Cora");
        await ExpectSavedAsync();

        var text = await Http.GetStringAsync(Url("metrics"));

        Assert.Contains("blazorsession_session_names_saved", text);
        Assert.Contains("aspnetcore_components_circuit", text);
        Assert.Contains("kestrel_", text);
        Assert.Contains("dotnet_gc", text);
        Assert.DoesNotContain("Counted Cora", text);
    });

    [Fact]
    public Task ActiveCircuitGauge_RisesWithAnOpenCircuit_AndFallsWhenItCloses() => RecordingFailuresAsync(async () =>
    {
        await OpenAsync("set-session");
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Save" })).ToBeEnabledAsync();

        await WaitForActiveCircuitsAsync(count => count >= 1);
        await Page.CloseAsync();

        // The tab's unload tells the server to dispose its circuit at once.
        await WaitForActiveCircuitsAsync(count => count == 0);
    });

    [Fact]
    public async Task Metrics_AreNotServed_ByDefault()
    {
        using var response = await Http.GetAsync(new Uri(Fixture.Server.BaseUrl, "metrics"));

        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
    }

    /// <summary>Scrapes until the active-circuit gauge satisfies <paramref name="expected"/>, or fails after 30 s.</summary>
    private async Task WaitForActiveCircuitsAsync(Func<double, bool> expected)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var poll = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        var text = "";
        try
        {
            do
            {
                text = await Http.GetStringAsync(Url("metrics"), timeout.Token);
                if (ActiveCircuits(text) is { } count && expected(count))
                {
                    return;
                }
            }
            while (await poll.WaitForNextTickAsync(timeout.Token));
        }
        catch (OperationCanceledException)
        {
        }

        Assert.Fail($"The active-circuit gauge never met the condition; last scrape's circuit lines:{Environment.NewLine}"
            + string.Join(Environment.NewLine, text.Split('\n').Where(line => line.Contains("circuit", StringComparison.Ordinal))));
    }

    private static double? ActiveCircuits(string scrape) =>
        scrape.Split('\n')
            .Where(line => line.StartsWith("aspnetcore_components_circuit_active", StringComparison.Ordinal)
                && !line.Contains("_bucket", StringComparison.Ordinal))
            .Select(line => double.Parse(line[(line.LastIndexOf(' ') + 1)..], System.Globalization.CultureInfo.InvariantCulture))
            .Cast<double?>()
            .FirstOrDefault();
}
