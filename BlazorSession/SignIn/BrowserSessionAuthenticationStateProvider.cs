using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;

namespace BlazorSession.SignIn;

/// <summary>
/// The circuit's sign-in as Blazor's authorization sees it, derived from one key of <see cref="BrowserSession"/>: a
/// name stored under it is an authenticated principal whose Name claim is that name; none is anonymous.
/// </summary>
/// <remarks>
/// Until the session has been read the state is unknown, so the task handed out then stays pending and
/// <c>AuthorizeView</c> and <c>AuthorizeRouteView</c> show their <c>Authorizing</c> content: answering anonymous would
/// flash "not authorized" at a visitor who is signed in. It completes with the first read. A prerender reads what its
/// request carried (<c>UseBrowserSession</c>), and then knows the sign-in; without it, or when the request could not
/// say (the session is not <see cref="BrowserSession.IsLoaded"/>), nothing is read while prerendering and the task
/// never completes then: ask only once the session is loaded, because the server waits for every pending task
/// before it answers.
/// </remarks>
public sealed class BrowserSessionAuthenticationStateProvider : AuthenticationStateProvider, IDisposable
{
    /// <summary>The identity's authentication type: a name given to this tab, not an account.</summary>
    public const string AuthenticationType = "BlazorSession";

    private static readonly Task<AuthenticationState> Anonymous =
        Task.FromResult(new AuthenticationState(new ClaimsPrincipal(new ClaimsIdentity())));

    private readonly BrowserSession _session;
    private readonly SignInKey _key;
    private readonly TaskCompletionSource<AuthenticationState> _firstRead =
        new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task<AuthenticationState>? _current;

    internal BrowserSessionAuthenticationStateProvider(BrowserSession session, SignInKey key)
    {
        _session = session;
        _key = key;
        _session.Changed += OnSessionChanged;
    }

    public override Task<AuthenticationState> GetAuthenticationStateAsync() =>
        _session.IsLoaded ? Current() : _firstRead.Task;

    public void Dispose() => _session.Changed -= OnSessionChanged;

    private static Task<AuthenticationState> StateFor(string? name) =>
        string.IsNullOrEmpty(name)
            ? Anonymous
            : Task.FromResult(new AuthenticationState(new ClaimsPrincipal(
                new ClaimsIdentity([new Claim(ClaimTypes.Name, name)], AuthenticationType))));

    // The session also raises Changed when a read could not reach the browser: the state is still unknown then, and
    // the pending task stays pending until a read succeeds.
    private void OnSessionChanged()
    {
        if (!_session.IsLoaded)
        {
            return;
        }

        var previous = _current;
        var state = Current();
        _firstRead.TrySetResult(state.Result);
        if (state != previous)
        {
            NotifyAuthenticationStateChanged(state);
        }
    }

    // One principal per name, so that re-renders and repeated reads of the same name allocate nothing.
    private Task<AuthenticationState> Current()
    {
        var name = _session.Get<string>(_key.Name) is { } stored && _key.IsName?.Invoke(stored) != false ? stored : null;
        if (_current is null || _current.Result.User.Identity?.Name != name)
        {
            _current = StateFor(name);
        }

        return _current;
    }
}

/// <summary>The session key whose value is the signed-in name.</summary>
/// <summary>
/// The session key whose value is the signed-in name, and the app's own test of a stored name (<c>null</c>: any
/// string that is not empty): a value it refuses is no sign-in.
/// </summary>
internal sealed record SignInKey(string Name, Func<string, bool>? IsName = null);
