using BlazorSession.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.JSInterop;

namespace BlazorSession;

/// <summary>
/// Listens, on every connection of the circuit, for the browser's other tabs changing or ending the permanent session
/// (wwwroot/blazor-session.js), and has <see cref="BrowserSession"/> read it again when they do; and tells the page
/// when this circuit changed it, so the cookie copy new tabs' first requests carry follows (UseBrowserSession).
/// </summary>
internal sealed class PermanentSessionListener(IJSRuntime js, BrowserSession session, ILogger<PermanentSessionListener> logger)
    : IAsyncDisposable, IDisposable
{
    private const string ModulePath = "./_content/BlazorSession/blazor-session.js";

    private IJSObjectReference? _module;
    private DotNetObjectReference<PermanentSessionListener>? _reference;
    private string _circuit = "none";

    /// <summary>Starts (or, after a reconnection, restarts) listening; a failure is logged, never thrown.</summary>
    public async Task StartAsync(string circuit)
    {
        _circuit = circuit;
        try
        {
            _module ??= await js.InvokeAsync<IJSObjectReference>("import", ModulePath);
            if (_reference is null)
            {
                _reference = DotNetObjectReference.Create(this);
                session.PermanentSessionWritten += OnPermanentSessionWritten;
            }

            await _module.InvokeVoidAsync("followPermanentSession", _reference, SessionDocuments.StorageKey);
        }
        catch (Exception exception) when (exception is JSException or JSDisconnectedException
            or OperationCanceledException or ObjectDisposedException)
        {
            BrowserSessionLog.OtherTabsNotFollowed(logger, circuit, exception.GetType().Name);
        }
    }

    // Not awaited by the change: the cookie copy is for the next new tab, and a failure only leaves it older.
    private void OnPermanentSessionWritten() => _ = TellThePageAsync();

    private async Task TellThePageAsync()
    {
        try
        {
            await _module!.InvokeVoidAsync("permanentSessionWritten");
        }
        catch (Exception exception) when (exception is JSException or JSDisconnectedException
            or OperationCanceledException or ObjectDisposedException)
        {
            BrowserSessionLog.PermanentCookieNotFollowed(logger, _circuit, exception.GetType().Name);
        }
    }

    [JSInvokable]
    public Task PermanentSessionChanged() => session.FollowPermanentSessionAsync();

    [JSInvokable]
    public Task SessionStoredByThePage() => session.ReadAgainAsync();

    // A scope disposed synchronously (a bUnit test's) releases the .NET side; the page's module goes with the page.
    public void Dispose()
    {
        session.PermanentSessionWritten -= OnPermanentSessionWritten;
        _reference?.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        session.PermanentSessionWritten -= OnPermanentSessionWritten;
        _reference?.Dispose();
        if (_module is not null)
        {
            try
            {
                await _module.DisposeAsync();
            }
            catch (JSDisconnectedException)
            {
                // The circuit is gone, and the page's module with it.
            }
        }
    }
}
