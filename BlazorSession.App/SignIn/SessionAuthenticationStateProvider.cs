using System.Security.Claims;
using BlazorSession.App.Session;
using Microsoft.AspNetCore.Components.Authorization;

namespace BlazorSession.App.SignIn;

/// <summary>
/// The circuit's sign-in as Blazor's authorization sees it, derived from <see cref="SessionState"/>: a stored name is
/// an authenticated principal whose Name claim is the name, no name is anonymous. Nothing is stored but the name.
/// </summary>
/// <remarks>
/// Until the session has been read the state is unknown, so the task handed out then stays pending and
/// <c>AuthorizeView</c> and <c>AuthorizeRouteView</c> show their <c>Authorizing</c> content: answering anonymous
/// would flash "not authorized" at a visitor who is signed in. It completes with the first read. While prerendering
/// nothing reads the tab's storage, so it never completes: the app's components do not ask while prerendering
/// (<c>Routes.razor</c> and the header render their checking state themselves), because the server waits for every
/// pending task before it answers a prerendered page.
/// </remarks>
public sealed class SessionAuthenticationStateProvider : AuthenticationStateProvider, IDisposable
{
    /// <summary>The identity's authentication type: a name given to this tab, not an account.</summary>
    public const string AuthenticationType = "BlazorSession";

    private static readonly Task<AuthenticationState> Anonymous =
        Task.FromResult(new AuthenticationState(new ClaimsPrincipal(new ClaimsIdentity())));

    private readonly SessionState _session;
    private readonly TaskCompletionSource<AuthenticationState> _firstRead =
        new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task<AuthenticationState>? _current;

    public SessionAuthenticationStateProvider(SessionState session)
    {
        _session = session;
        _session.Changed += OnSessionChanged;
    }

    public override Task<AuthenticationState> GetAuthenticationStateAsync() =>
        _session.IsLoaded ? Current() : _firstRead.Task;

    public void Dispose() => _session.Changed -= OnSessionChanged;

    /// <summary>The principal for a name, or an anonymous one for none.</summary>
    private static Task<AuthenticationState> StateFor(string? username) =>
        username is null
            ? Anonymous
            : Task.FromResult(new AuthenticationState(new ClaimsPrincipal(
                new ClaimsIdentity([new Claim(ClaimTypes.Name, username)], AuthenticationType))));

    // SessionState also raises Changed when a read could not reach the browser: the state is still unknown then,
    // and the pending task stays pending until a read succeeds.
    private void OnSessionChanged()
    {
        if (!_session.IsLoaded)
        {
            return;
        }

        var state = Current();
        _firstRead.TrySetResult(state.Result);
        NotifyAuthenticationStateChanged(state);
    }

    // One principal per name, so that re-renders and repeated reads of the same name allocate nothing.
    private Task<AuthenticationState> Current()
    {
        var username = _session.Username;
        if (_current is null || _current.Result.User.Identity?.Name != username)
        {
            _current = StateFor(username);
        }

        return _current;
    }
}
