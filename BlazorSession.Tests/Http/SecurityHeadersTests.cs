using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace BlazorSession.Tests.Http;

/// <summary>The headers of the app's responses, and the policy against the inline scripts a page really holds.</summary>
public sealed partial class SecurityHeadersTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Theory]
    [InlineData("/", HttpStatusCode.OK)]
    [InlineData("/set-session", HttpStatusCode.OK)]
    [InlineData("/get-session", HttpStatusCode.OK)]
    [InlineData("/members", HttpStatusCode.OK)]
    [InlineData("/cart", HttpStatusCode.OK)]
    [InlineData("/no-such-page", HttpStatusCode.NotFound)]
    public async Task EveryPage_CarriesThePolicy_AndItsHashesMatchTheInlineScriptsAndStyles(string path, HttpStatusCode status)
    {
        using var response = await app.CreateClient().GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(status, response.StatusCode);
        var policy = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        AssertTheOtherHeaders(response);
        var directives = policy.Split("; ");
        var scriptSources = Assert.Single(directives, directive => directive.StartsWith("script-src ", StringComparison.Ordinal));
        var styleSources = Assert.Single(directives, directive => directive.StartsWith("style-src ", StringComparison.Ordinal));
        var scripts = InlineElements(html, "script");
        Assert.NotEmpty(scripts);
        Assert.All(scripts, script => Assert.Contains(Hash(script), scriptSources));
        Assert.All(InlineElements(html, "style"), style => Assert.Contains(Hash(style), styleSources));
        Assert.DoesNotContain("unsafe-inline", policy);
        Assert.DoesNotContain("unsafe-eval", policy);
    }

    [Theory]
    [InlineData("/favicon.ico")]
    [InlineData("/_framework/blazor.web.js")]
    public async Task OtherResponses_CarryNosniffAndTheOtherHeaders_ButNoPolicy(string path)
    {
        using var response = await app.CreateClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertTheOtherHeaders(response);
        Assert.False(response.Headers.Contains("Content-Security-Policy"), "A policy is for documents.");
    }

    private static void AssertTheOtherHeaders(HttpResponseMessage response)
    {
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.Equal("same-origin", Assert.Single(response.Headers.GetValues("Cross-Origin-Opener-Policy")));
        Assert.Contains("camera=()", Assert.Single(response.Headers.GetValues("Permissions-Policy")));
    }

    /// <summary>The text of every element of this name that has no <c>src</c>: what the browser would run inline.</summary>
    private static List<string> InlineElements(string html, string element) =>
        [.. ElementPattern().Matches(html)
            .Where(match => match.Groups["name"].Value == element && !match.Groups["attributes"].Value.Contains("src=", StringComparison.Ordinal))
            .Select(match => match.Groups["text"].Value)];

    private static string Hash(string text) =>
        $"'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(text)))}'";

    [GeneratedRegex("<(?<name>script|style)(?<attributes>[^>]*)>(?<text>.*?)</(script|style)>", RegexOptions.Singleline)]
    private static partial Regex ElementPattern();
}
