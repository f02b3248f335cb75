using BlazorSession.App.SignIn;

namespace BlazorSession.Tests.SignIn;

public class ReturnUrlTests
{
    [Theory]
    [InlineData("/")]
    [InlineData("/members")]
    [InlineData("/get-session?from=sign-in")]
    [InlineData("/members#welcome")]
    [InlineData("/a/b/c")]
    public void IsLocalPath_AcceptsAPathOfThisApp(string value) => Assert.True(ReturnUrl.IsLocalPath(value));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("members")]
    [InlineData(" /members")]
    [InlineData("//evil.example")]
    [InlineData("//evil.example/members")]
    [InlineData("/\\evil.example")]
    [InlineData("https://evil.example/")]
    [InlineData("http:/members")]
    [InlineData("javascript:alert(1)")]
    [InlineData("/members\n")]
    [InlineData("/mem\tbers")]
    [InlineData("/\u0000members")]
    [InlineData("/\u007fmembers")]
    [InlineData("/members\u0085")]
    public void IsLocalPath_RefusesAnythingElse(string? value) => Assert.False(ReturnUrl.IsLocalPath(value));

    [Fact]
    public void SignInHref_EscapesTheReturnPath()
    {
        Assert.Equal("/set-session?returnUrl=%2Fmembers", ReturnUrl.SignInHref("/members"));
        Assert.Equal("/set-session?returnUrl=%2Fget-session%3Fa%3D1%26b%3D2", ReturnUrl.SignInHref("/get-session?a=1&b=2"));
    }
}
