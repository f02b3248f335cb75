using System.Diagnostics.Metrics;
using BlazorSession.App.Session;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace BlazorSession.App.Hosting;

/// <summary>Counts the node's circuits (open, connected or not), and the visitors turned away.</summary>
public sealed class OpenCircuits : CircuitHandler
{
    private readonly Counter<long> _refused;
    private int _open;
    private int _loggedFull;

    public OpenCircuits(int maxOpen, IMeterFactory meters)
    {
        MaxOpen = maxOpen;
        _refused = meters.Create(SessionMetrics.MeterName).CreateCounter<long>("blazorsession.circuits.refused",
            "{request}", "Page requests turned away with 503 because the node holds Circuits:MaxOpen circuits.");
    }

    public int MaxOpen { get; }

    public int Open => Volatile.Read(ref _open);

    public bool IsFull => Open >= MaxOpen;

    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _open);
        return Task.CompletedTask;
    }

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        if (Interlocked.Decrement(ref _open) < MaxOpen)
        {
            Volatile.Write(ref _loggedFull, 0);
        }

        return Task.CompletedTask;
    }

    // Logged once each time the node becomes full, not once per visitor: the counter has the number.
    internal void Refused(ILogger logger)
    {
        _refused.Add(1);
        if (Interlocked.Exchange(ref _loggedFull, 1) == 0)
        {
            CircuitCapacity.CapacityReached(logger, Open);
        }
    }
}
