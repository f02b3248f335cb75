using BlazorSession.ServerStore;
using BlazorSession.Storage;
using BlazorSession.FirstRender;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.DataProtection;

namespace BlazorSession;

/// <summary>
/// Starts the circuit's one read of the session as soon as the circuit opens, while the browser is still sending the
/// page's components: the answer reaches the server before they do, so the first interactive render already has the
/// values. On a reconnection, a read whose answer was lost with the old connection is made again, and the permanent
/// session, which another tab may have changed while this one was away, is read again. On every connection the
/// circuit listens for the browser's other tabs (<see cref="PermanentSessionListener"/>). A circuit whose page was
/// prerendered with the session (<c>UseBrowserSession</c>) starts from what the prerender showed
/// (<see cref="PrerenderedSession"/>), so its first render changes nothing; the read then follows the browser.
/// </summary>
/// <remarks>
/// The prerender's state is taken when the circuit opens: a Blazor Web App's circuit restores it first, and runs its
/// handlers after.
/// </remarks>
internal sealed class LoadSessionWhenCircuitOpens(BrowserSession session, PermanentSessionListener otherTabs,
    PersistentComponentState? prerendered = null, IDataProtectionProvider? dataProtection = null,
    IServiceProvider? services = null) : CircuitHandler
{
    private bool _connectedBefore;

    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken) => Open(circuit.Id);

    // Not awaited: the framework renders the page's components only after its handlers' connection-up.
    public override Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        _ = ConnectionUpAsync(circuit.Id);
        return Task.CompletedTask;
    }

    /// <summary>What opening a circuit does, for the circuit with this public id (a test has no <see cref="Circuit"/>).</summary>
    internal async Task Open(string circuitId)
    {
        session.AttachToCircuit(circuitId);
        if (prerendered is not null && dataProtection is not null
            && PrerenderedSession.Take(prerendered, dataProtection) is { } places)
        {
            // What the request carried is read at once: no browser to wait for.
            // With the server-side store the prerender carried pointers: they are read through the store as well.
            await session.StartFromAsync(
                services?.AsSessionPlace(places.Tab, BrowserStoragePlace.Tab) ?? places.Tab,
                services?.AsSessionPlace(places.Browser, BrowserStoragePlace.Browser) ?? places.Browser);
        }

        // Not awaited: opening the circuit must not wait for the browser. The read handles the storage's faults
        // itself, and anything else surfaces in the components that await it.
        _ = session.LoadAsync();
    }

    /// <summary>What a connection (the first, or a reconnection) does; completes when all of it is done.</summary>
    internal async Task ConnectionUpAsync(string circuitId)
    {
        var reconnected = _connectedBefore;
        _connectedBefore = true;
        if (reconnected)
        {
            session.ReadAgainIfUnanswered();
        }

        await otherTabs.StartAsync(circuitId);
        if (reconnected)
        {
            await session.FollowPermanentSessionAsync();
        }
    }
}
