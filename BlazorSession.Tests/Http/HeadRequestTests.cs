using System.Net;

namespace BlazorSession.Tests.Http;

/// <summary>
/// An uptime monitor's HEAD is answered as a GET would be. Kestrel leaves the body out of a HEAD answer by itself; the
/// in-memory server does not, so only the status and headers are compared here.
/// </summary>
public sealed class HeadRequestTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/set-session")]
    [InlineData("/get-session")]
    [InlineData("/members")]
    [InlineData("/cart")]
    public async Task Pages_AnswerHead_AsTheyAnswerGet(string path)
    {
        var client = app.CreateClient();
        using var get = await client.GetAsync(path);
        using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, path));

        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(get.Content.Headers.ContentType, head.Content.Headers.ContentType);
        Assert.Equal(get.Headers.GetValues("Content-Security-Policy"), head.Headers.GetValues("Content-Security-Policy"));
    }
}
