using Microsoft.AspNetCore.Components.Server.Circuits;

namespace BlazorSession;

/// <summary>
/// Starts the circuit's one read of the session as soon as the circuit opens, while the browser is still sending the
/// page's components: the answer reaches the server before they do, so the first interactive render already has the
/// values. On a reconnection, a read whose answer was lost with the old connection is made again.
/// </summary>
internal sealed class LoadSessionWhenCircuitOpens(BrowserSession session) : CircuitHandler
{
    private bool _connectedBefore;

    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        session.AttachToCircuit(circuit.Id);
        // Not awaited: opening the circuit must not wait for the browser. The read handles the storage's faults
        // itself, and anything else surfaces in the components that await it.
        _ = session.LoadAsync();
        return Task.CompletedTask;
    }

    public override Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        if (_connectedBefore)
        {
            session.ReadAgainIfUnanswered();
        }

        _connectedBefore = true;
        return Task.CompletedTask;
    }
}
