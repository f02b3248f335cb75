using Microsoft.AspNetCore.Components.Server.Circuits;

namespace BlazorSession.App.Session;

/// <summary>
/// Starts the circuit's one read of the stored session as soon as the circuit opens, while the browser is still
/// sending the page's components to it. The read's answer reaches the server before the components do, so the
/// page's first interactive render already has the name (a reload shows it one round trip sooner, with no
/// "Loading session…" in between). Components await the same shared read (see <see cref="SessionState.LoadAsync"/>).
/// On every connection the circuit also listens for the browser's other tabs (<see cref="RememberedSignInListener"/>).
/// </summary>
internal sealed class ReadSessionWhenCircuitOpens(SessionState session, RememberedSignInListener otherTabs) : CircuitHandler
{
    private bool _connectedBefore;

    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken) => Open(circuit.Id);

    // Not awaited either: the framework renders the page's components only after its handlers' connection-up.
    public override Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        _ = ConnectionUpAsync(circuit.Id);
        return Task.CompletedTask;
    }

    /// <summary>What opening a circuit does, for the circuit with this public id (tests have no <see cref="Circuit"/>).</summary>
    internal Task Open(string circuitId)
    {
        session.AttachToCircuit(circuitId);
        // Not awaited: opening the circuit must not wait for the browser. The read handles the store's faults
        // itself, and anything else surfaces in the components that await it.
        _ = session.LoadAsync();
        return Task.CompletedTask;
    }

    /// <summary>
    /// What a connection (the first, or a reconnection) does. A read made just before the connection was lost may
    /// never be answered, so it is made again; and while the tab was away it may have missed another tab's sign-in or
    /// sign-out, so a reconnection reads the remembered sign-in again.
    /// </summary>
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
            await session.FollowRememberedSignInAsync();
        }
    }
}
