using System.Net;
using System.Text.Json;

namespace BlazorSession.Tests.EndToEnd;

/// <summary>What an orchestrator and an uptime monitor ask of the running app.</summary>
public class HealthAndHeadTests(BrowserAppFixture fixture) : EndToEndTest(fixture)
{
    private static readonly HttpClient Http = new();

    [Fact]
    public async Task Live_AnswersHealthy_AsUncachedJson()
    {
        using var response = await Http.GetAsync(Url("healthz/live"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString());
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", body.RootElement.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Ready_ChecksTheKeyRing_AndSaysNothingElse()
    {
        using var response = await Http.GetAsync(Url("healthz/ready"));
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString());
        using var body = JsonDocument.Parse(text);
        Assert.Equal("Healthy", body.RootElement.GetProperty("status").GetString());
        var checks = body.RootElement.GetProperty("checks");
        Assert.Equal("Healthy", checks.GetProperty("dataProtection").GetString());
        Assert.False(checks.TryGetProperty("redis", out _), "Redis is not configured for this server.");
        Assert.DoesNotContain(Server.KeysPath, text);
    }

    [Theory]
    [InlineData("")]
    [InlineData("set-session")]
    [InlineData("get-session")]
    [InlineData("members")]
    public async Task Pages_AnswerHead_AsTheyAnswerGet_WithoutTheBody(string path)
    {
        using var get = await Http.GetAsync(Url(path));
        using var head = await Http.SendAsync(new HttpRequestMessage(HttpMethod.Head, Url(path)));

        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(get.Content.Headers.ContentType, head.Content.Headers.ContentType);
        Assert.Equal(get.Headers.GetValues("Content-Security-Policy"), head.Headers.GetValues("Content-Security-Policy"));
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
    }
}
