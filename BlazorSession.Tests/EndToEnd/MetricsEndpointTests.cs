using BlazorSession.Tests.Infrastructure;

namespace BlazorSession.Tests.EndToEnd;

/// <summary>Prometheus text on GET /metrics when Metrics:Prometheus is true; nothing there by default.</summary>
public class MetricsEndpointTests(BrowserAppFixture fixture) : EndToEndTest(fixture)
{
    private static readonly HttpClient Http = new();

    private AppServer? _ownServer;

    protected override AppServer Server => _ownServer ?? throw new InvalidOperationException("Not started.");

    public override async Task InitializeAsync()
    {
        _ownServer = await AppServer.StartAsync(("Metrics__Prometheus", "true"));
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (_ownServer is not null)
        {
            await _ownServer.DisposeAsync();
        }
    }

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
    public async Task Metrics_AreNotServed_ByDefault()
    {
        using var response = await Http.GetAsync(new Uri(Fixture.Server.BaseUrl, "metrics"));

        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
    }
}
