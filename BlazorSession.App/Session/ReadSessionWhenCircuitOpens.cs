using Microsoft.AspNetCore.Components.Server.Circuits;

namespace BlazorSession.App.Session;

/// <summary>
/// Starts the circuit's one read of the stored session as soon as the circuit opens, while the browser is still
/// sending the page's components to it. The read's answer reaches the server before the components do, so the
/// page's first interactive render already has the name (a reload shows it one round trip sooner, with no
/// "Loading session…" in between). Components await the same shared read (see <see cref="SessionState.LoadAsync"/>).
/// </summary>
internal sealed class ReadSessionWhenCircuitOpens(SessionState session) : CircuitHandler
{
    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken) => Open(circuit.Id);

    /// <summary>What opening a circuit does, for the circuit with this public id (tests have no <see cref="Circuit"/>).</summary>
    internal Task Open(string circuitId)
    {
        session.AttachToCircuit(circuitId);
        // Not awaited: opening the circuit must not wait for the browser. The read handles the store's faults itself,
        // and anything else surfaces in the components that await it.
        _ = session.LoadAsync();
        return Task.CompletedTask;
    }
}
