using System.Security.Claims;
using BlazorSession.App.Session;
using BlazorSession.App.SignIn;
using BlazorSession.Tests.Fakes;
using Microsoft.AspNetCore.Components.Authorization;

namespace BlazorSession.Tests.SignIn;

public sealed class SessionAuthenticationStateProviderTests : IDisposable
{
    private readonly SessionHarness _harness = new();
    private readonly InMemoryBrowserSessionStore _store;
    private readonly SessionState _session;
    private readonly SessionAuthenticationStateProvider _provider;
    private readonly List<Task<AuthenticationState>> _notifications = [];

    public SessionAuthenticationStateProviderTests()
    {
        _store = _harness.Tab;
        _session = _harness.Create();
        _provider = new SessionAuthenticationStateProvider(_session);
        _provider.AuthenticationStateChanged += _notifications.Add;
    }

    public void Dispose() => _provider.Dispose();

    [Fact]
    public void State_IsPending_UntilTheSessionHasBeenRead()
    {
        _store.Put(SessionState.StorageKey, StoredSession.For("Ada"));

        var state = _provider.GetAuthenticationStateAsync();

        Assert.False(state.IsCompleted, "Before the read, neither signed in nor anonymous can be said.");
    }

    [Fact]
    public async Task PendingState_CompletesWithTheName_WhenTheReadFindsOne()
    {
        _store.Put(SessionState.StorageKey, StoredSession.For("Ada"));
        var pending = _provider.GetAuthenticationStateAsync();

        await _session.LoadAsync();

        AssertSignedInAs("Ada", (await pending).User);
    }

    [Fact]
    public async Task State_IsAnonymous_AfterAReadOfNothing()
    {
        var pending = _provider.GetAuthenticationStateAsync();

        await _session.LoadAsync();

        AssertAnonymous((await pending).User);
        AssertAnonymous((await _provider.GetAuthenticationStateAsync()).User);
    }

    [Fact]
    public async Task State_IsAuthenticated_AfterSet_WithTheNameAsItsNameClaim()
    {
        await _session.SetUsernameAsync("  Grace Hopper ");

        var user = (await _provider.GetAuthenticationStateAsync()).User;

        AssertSignedInAs("Grace Hopper", user);
        Assert.Equal("Grace Hopper", Assert.Single(user.FindAll(ClaimTypes.Name)).Value);
        Assert.Equal(SessionAuthenticationStateProvider.AuthenticationType, user.Identity!.AuthenticationType);
    }

    [Fact]
    public async Task Notifies_OnSetAndOnClear()
    {
        await _session.LoadAsync();
        _notifications.Clear();

        await _session.SetUsernameAsync("Ada");
        await _session.ClearAsync();

        Assert.Equal(2, _notifications.Count);
        AssertSignedInAs("Ada", (await _notifications[0]).User);
        AssertAnonymous((await _notifications[1]).User);
        AssertAnonymous((await _provider.GetAuthenticationStateAsync()).User);
    }

    [Fact]
    public async Task Notifies_WhenTheFirstReadFinishes()
    {
        _store.Put(SessionState.StorageKey, StoredSession.For("Ada"));

        await _session.LoadAsync();

        AssertSignedInAs("Ada", (await Assert.Single(_notifications)).User);
    }

    [Fact]
    public async Task UnreadableStoredValue_IsAnonymous()
    {
        _store.PutUnreadable(SessionState.StorageKey);

        await _session.LoadAsync();

        AssertAnonymous((await _provider.GetAuthenticationStateAsync()).User);
    }

    [Fact]
    public async Task State_StaysPending_WhileTheBrowserCannotBeReached_AndCompletesOnTheRetry()
    {
        _store.Put(SessionState.StorageKey, StoredSession.For("Ada"));
        _store.Unavailable = true;
        var pending = _provider.GetAuthenticationStateAsync();

        await _session.LoadAsync();

        Assert.False(pending.IsCompleted, "A read that did not reach the browser says nothing about the sign-in.");
        Assert.Empty(_notifications);

        _store.Unavailable = false;
        await _session.LoadAsync();

        AssertSignedInAs("Ada", (await pending).User);
    }

    [Fact]
    public async Task Dispose_Unsubscribes_FromTheSession()
    {
        await _session.LoadAsync();
        _notifications.Clear();

        _provider.Dispose();
        await _session.SetUsernameAsync("Ada");

        Assert.Empty(_notifications);
    }

    private static void AssertSignedInAs(string name, ClaimsPrincipal user)
    {
        Assert.True(user.Identity?.IsAuthenticated);
        Assert.Equal(name, user.Identity!.Name);
    }

    private static void AssertAnonymous(ClaimsPrincipal user)
    {
        Assert.False(user.Identity?.IsAuthenticated ?? false);
        Assert.Null(user.Identity?.Name);
    }
}
