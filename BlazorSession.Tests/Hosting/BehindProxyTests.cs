using System.Net;
using BlazorSession.Tests.Http;
using Microsoft.AspNetCore.Http;

namespace BlazorSession.Tests.Hosting;

/// <summary>
/// Forwarded headers are believed from a loopback proxy (the nginx of deploy/) and from nobody else: the app then sees
/// the visitor's scheme (HSTS is sent over HTTPS only).
/// </summary>
public sealed class BehindProxyTests : IAsyncDisposable
{
    private static readonly IPAddress Elsewhere = IPAddress.Parse("198.51.100.1");

    private readonly AppFactory _app = new();

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task FromALoopbackProxy_TheOriginalSchemeIsSeen_AndHstsIsSent()
    {
        var response = await SendAsync(IPAddress.Loopback, "GET", "/healthz/live", forwardedFor: "203.0.113.7");

        Assert.True(response.Headers.ContainsKey("Strict-Transport-Security"));
    }

    [Fact]
    public async Task FromAnyOtherAddress_TheForwardedSchemeIsIgnored()
    {
        var response = await SendAsync(Elsewhere, "GET", "/healthz/live", forwardedFor: "203.0.113.7");

        Assert.False(response.Headers.ContainsKey("Strict-Transport-Security"), "HSTS is only for HTTPS.");
    }

    private async Task<HttpResponse> SendAsync(IPAddress from, string method, string path, string forwardedFor)
    {
        var context = await _app.Server.SendAsync(request =>
        {
            request.Connection.RemoteIpAddress = from;
            request.Request.Method = method;
            // HSTS is never sent to localhost, which is the test server's default host.
            request.Request.Host = new HostString("blazorsession.example");
            request.Request.Path = path;
            request.Request.Headers["X-Forwarded-For"] = forwardedFor;
            request.Request.Headers["X-Forwarded-Proto"] = "https";
            request.Request.Headers["Sec-Fetch-Site"] = "same-origin";
        });
        return context.Response;
    }
}
