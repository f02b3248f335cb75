using Microsoft.JSInterop;

namespace BlazorSession.App.Session;

/// <summary>
/// Lets the circuit follow the other tabs of its browser: the page registers one <c>storage</c> event listener for
/// the remembered sign-in's key (page-functions.js), which calls <see cref="RememberedSignInChanged"/> when another
/// tab signs in with "Keep me signed in" or signs out. The browser fires that event in the other tabs only, never in
/// the one that made the change, which publishes its own change itself.
/// </summary>
/// <remarks>
/// The page holds this object through a <see cref="DotNetObjectReference"/>, disposed with the circuit's scope; the
/// page's listener removes itself once a call fails because the circuit has gone.
/// </remarks>
public sealed class RememberedSignInListener(IJSRuntime js, SessionState session, ILogger<RememberedSignInListener> logger)
    : IDisposable
{
    internal const string ListenFunction = "blazorSession.followRememberedSignIn";

    private DotNetObjectReference<RememberedSignInListener>? _reference;

    /// <summary>Registers the page's listener; a failure is logged, and the tab then follows other tabs only after a reload.</summary>
    public async Task StartAsync(string circuitId)
    {
        _reference ??= DotNetObjectReference.Create(this);
        try
        {
            await js.InvokeVoidAsync(ListenFunction, _reference, RememberedSignInStore.StorageKey);
        }
        catch (Exception exception) when (exception is JSException or JSDisconnectedException or TaskCanceledException
            or ObjectDisposedException or InvalidOperationException)
        {
            SessionLog.OtherTabsNotFollowed(logger, circuitId, exception.GetType().Name);
        }
    }

    [JSInvokable]
    public Task RememberedSignInChanged() => session.FollowRememberedSignInAsync();

    public void Dispose() => _reference?.Dispose();
}
