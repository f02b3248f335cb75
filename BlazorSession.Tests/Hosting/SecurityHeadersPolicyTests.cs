using BlazorSession.App.Components.Document;
using BlazorSession.App.Hosting;

namespace BlazorSession.Tests.Hosting;

public class SecurityHeadersPolicyTests
{
    private static readonly string[] Directives = SecurityHeaders.ContentSecurityPolicy.Split("; ");

    [Fact]
    public void Policy_AllowsNothingInlineButTheAppsOwnTexts()
    {
        Assert.DoesNotContain("unsafe-inline", SecurityHeaders.ContentSecurityPolicy);
        Assert.DoesNotContain("unsafe-eval", SecurityHeaders.ContentSecurityPolicy);
        Assert.DoesNotContain("unsafe-hashes", SecurityHeaders.ContentSecurityPolicy);
        Assert.Equal(
            "script-src 'self' " + string.Join(' ', InlineDocumentAssets.Scripts.Select(script => script.CspHash)),
            Assert.Single(Directives, directive => directive.StartsWith("script-src ", StringComparison.Ordinal)));
        Assert.Equal(
            $"style-src 'self' {InlineDocumentAssets.Stylesheet.CspHash}",
            Assert.Single(Directives, directive => directive.StartsWith("style-src ", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("default-src 'self'")]
    [InlineData("connect-src 'self'")]
    [InlineData("img-src 'self' data:")]
    [InlineData("object-src 'none'")]
    [InlineData("base-uri 'self'")]
    [InlineData("form-action 'self'")]
    [InlineData("frame-ancestors 'none'")]
    public void Policy_HasTheDirective(string directive) => Assert.Contains(directive, Directives);

    [Fact]
    public void EveryInlineAsset_IsLoaded_AndHashedFromItsText()
    {
        foreach (var asset in InlineDocumentAssets.Scripts.Concat(InlineDocumentAssets.Stylesheets))
        {
            Assert.False(string.IsNullOrWhiteSpace(asset.Text), $"{asset.FileName} is empty.");
            var expected = Convert.ToBase64String(
                System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(asset.Text)));
            Assert.Equal($"'sha256-{expected}'", asset.CspHash);
        }
    }
}
