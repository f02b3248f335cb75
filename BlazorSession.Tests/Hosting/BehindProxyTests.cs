using System.Net;
using BlazorSession.App.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace BlazorSession.Tests.Hosting;

/// <summary>Forwarded headers are believed from a loopback proxy (the nginx of deploy/) and from nobody else.</summary>
public sealed class BehindProxyTests : IAsyncLifetime
{
    private WebApplication _app = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseTestServer();
        builder.Services.AddRouting();
        builder.Services.AddBehindProxy();
        _app = builder.Build();
        _app.UseBehindProxy();
        _app.MapGet("/seen", (HttpContext context) => $"{context.Request.Scheme} {context.Connection.RemoteIpAddress}");
        await _app.StartAsync();
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task FromALoopbackProxy_TheOriginalSchemeAndClientAreSeen_AndHstsIsSent()
    {
        var context = await SendAsync(IPAddress.Loopback, forwardedFor: "203.0.113.7", forwardedProto: "https");

        Assert.Equal("https 203.0.113.7", await ReadBodyAsync(context));
        Assert.True(context.Response.Headers.ContainsKey("Strict-Transport-Security"));
    }

    [Fact]
    public async Task FromAnyOtherAddress_TheForwardedHeadersAreIgnored()
    {
        var context = await SendAsync(IPAddress.Parse("198.51.100.1"), forwardedFor: "203.0.113.7", forwardedProto: "https");

        Assert.Equal("http 198.51.100.1", await ReadBodyAsync(context));
        Assert.False(context.Response.Headers.ContainsKey("Strict-Transport-Security"), "HSTS is only for HTTPS.");
    }

    private Task<HttpContext> SendAsync(IPAddress from, string forwardedFor, string forwardedProto) =>
        _app.GetTestServer().SendAsync(context =>
        {
            context.Connection.RemoteIpAddress = from;
            context.Request.Method = "GET";
            // HSTS is never sent to localhost, which is the test server's default host.
            context.Request.Host = new HostString("blazorsession.example");
            context.Request.Path = "/seen";
            context.Request.Headers["X-Forwarded-For"] = forwardedFor;
            context.Request.Headers["X-Forwarded-Proto"] = forwardedProto;
        });

    private static async Task<string> ReadBodyAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Response.Body);
        return await reader.ReadToEndAsync();
    }
}
