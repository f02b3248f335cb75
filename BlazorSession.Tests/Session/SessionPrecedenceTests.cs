using BlazorSession.App.Session;

namespace BlazorSession.Tests.Session;

public class SessionPrecedenceTests
{
    [Fact]
    public void TheTabsOwnName_ComesFirst() =>
        Assert.Equal("Grace", SessionPrecedence.Choose(StoredSession.For("Grace"), "Ada"));

    [Fact]
    public void ATabWithNothing_ShowsTheRememberedSignIn() =>
        Assert.Equal("Ada", SessionPrecedence.Choose(null, "Ada"));

    [Fact]
    public void ATabSavedWithKeepMeSignedIn_ShowsWhatTheRememberedSignInIsNow() =>
        Assert.Equal("Ada", SessionPrecedence.Choose(StoredSession.For("Grace", followsRememberedSignIn: true), "Ada"));

    [Fact]
    public void ATabSavedWithKeepMeSignedIn_IsSignedOut_OnceTheRememberedSignInHasEnded() =>
        Assert.Null(SessionPrecedence.Choose(StoredSession.For("Grace", followsRememberedSignIn: true), null));

    [Fact]
    public void NothingInEitherPlace_IsNoName() => Assert.Null(SessionPrecedence.Choose(null, null));

    [Fact]
    public void ATabValueOfTheVersionBefore_IsTheTabsOwnName() =>
        Assert.Equal("Grace", SessionPrecedence.Choose(new StoredSession(StoredSession.OwnNameOnlyVersion, "Grace"), "Ada"));
}
