using System.Net;
using System.Text.Json;
using BlazorSession.Tests.Infrastructure;

namespace BlazorSession.Tests.Http;

/// <summary>What an orchestrator and an uptime monitor ask of the app.</summary>
public sealed class HealthTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Live_AnswersHealthy_AsUncachedJson()
    {
        using var response = await app.CreateClient().GetAsync("/healthz/live");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString());
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", body.RootElement.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Ready_ChecksTheKeyRing_AndSaysNothingElse()
    {
        using var response = await app.CreateClient().GetAsync("/healthz/ready");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString());
        using var body = JsonDocument.Parse(text);
        Assert.Equal("Healthy", body.RootElement.GetProperty("status").GetString());
        var checks = body.RootElement.GetProperty("checks");
        Assert.Equal("Healthy", checks.GetProperty("dataProtection").GetString());
        Assert.False(checks.TryGetProperty("redis", out _), "Redis is not configured for this app.");
        Assert.DoesNotContain(app.KeysPath, text);
    }

    [Fact]
    public async Task WithRedisUnreachable_ReadyAnswers503_AndLiveStays200_WithNoExceptionText()
    {
        // A node whose key ring is in a Redis it cannot reach is alive but not ready for traffic.
        await using var withRedis = new AppFactory
        {
            Settings = [("ConnectionStrings:Redis", $"127.0.0.1:{LoopbackProcess.FindFreePort()}")],
        };
        var client = withRedis.CreateClient();

        using var live = await client.GetAsync("/healthz/live");
        using var ready = await client.GetAsync("/healthz/ready");
        var text = await ready.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        using var body = JsonDocument.Parse(text);
        Assert.Equal("Unhealthy", body.RootElement.GetProperty("checks").GetProperty("redis").GetString());
        Assert.DoesNotContain("Exception", text);
        Assert.DoesNotContain("127.0.0.1", text);
    }
}
