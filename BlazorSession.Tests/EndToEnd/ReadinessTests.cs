using System.Net;
using System.Text.Json;
using BlazorSession.Tests.Infrastructure;

namespace BlazorSession.Tests.EndToEnd;

/// <summary>A node whose key ring is in a Redis it cannot reach is alive but not ready for traffic.</summary>
public sealed class ReadinessTests : IAsyncLifetime
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(30) };

    private AppServer _server = null!;

    public async Task InitializeAsync() =>
        _server = await AppServer.StartAsync(("ConnectionStrings__Redis", $"127.0.0.1:{LoopbackProcess.FindFreePort()}"));

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    [Trait("Category", "E2E")]
    public async Task WithRedisUnreachable_ReadyAnswers503_AndLiveStays200_WithNoExceptionText()
    {
        using var live = await Http.GetAsync(new Uri(_server.BaseUrl, "healthz/live"));
        using var ready = await Http.GetAsync(new Uri(_server.BaseUrl, "healthz/ready"));
        var text = await ready.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        using var body = JsonDocument.Parse(text);
        Assert.Equal("Unhealthy", body.RootElement.GetProperty("checks").GetProperty("redis").GetString());
        Assert.DoesNotContain("Exception", text);
        Assert.DoesNotContain("127.0.0.1", text);
    }
}
