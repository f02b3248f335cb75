using Microsoft.AspNetCore.Components.Server.Circuits;

namespace BlazorSession;

/// <summary>
/// Starts the circuit's one read of the session as soon as the circuit opens, while the browser is still sending the
/// page's components: the answer reaches the server before they do, so the first interactive render already has the
/// values. On a reconnection, a read whose answer was lost with the old connection is made again, and the permanent
/// session, which another tab may have changed while this one was away, is read again. On every connection the
/// circuit listens for the browser's other tabs (<see cref="PermanentSessionListener"/>).
/// </summary>
internal sealed class LoadSessionWhenCircuitOpens(BrowserSession session, PermanentSessionListener otherTabs) : CircuitHandler
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
    internal Task Open(string circuitId)
    {
        session.AttachToCircuit(circuitId);
        // Not awaited: opening the circuit must not wait for the browser. The read handles the storage's faults
        // itself, and anything else surfaces in the components that await it.
        _ = session.LoadAsync();
        return Task.CompletedTask;
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
