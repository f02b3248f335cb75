using System.Diagnostics;

namespace BlazorSession.LoadTest.Timeline;

/// <summary>
/// Samples the run every interval: the server's managed heap as its own last collection left it (none is forced: two
/// blocking full collections of a big heap every interval stalled every circuit and moved the very p99s sampled
/// here), its RSS and the circuits it counts, and every step's p99 over the window since the previous sample. The windows' latencies are kept too, so
/// <see cref="DriftReport"/> can compare whole spans of the run.
/// </summary>
internal sealed class TimelineRecorder(ServerProbe probe, LoadMetrics metrics, Stopwatch clock, Func<string> phase,
    Func<int> usersConnected)
{
    private readonly Lock _gate = new();
    private readonly List<TimelineSample> _samples = [];

    public IReadOnlyList<TimelineSample> Samples
    {
        get
        {
            lock (_gate)
            {
                return [.. _samples];
            }
        }
    }

    public async Task RunAsync(TimeSpan interval, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(interval);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                await SampleAsync(cancellationToken);
            }
        }
        catch (OperationCanceledException)
        {
            // The run is over.
        }
    }

    /// <summary>Closes the current window and samples the server.</summary>
    public async Task SampleAsync(CancellationToken cancellationToken)
    {
        var seconds = Math.Round(clock.Elapsed.TotalSeconds, 1);
        var window = metrics.TakeWindow();
        var currentPhase = phase();
        var connected = usersConnected();
        var server = await probe.SampleAsync(cancellationToken, forceCollection: false);
        var p99 = new SortedDictionary<string, double>(StringComparer.Ordinal);
        foreach (var (step, latencies) in window.Steps)
        {
            if (WindowLatencies.P99Milliseconds([latencies]) is { } value)
            {
                p99[step] = value;
            }
        }

        var entry = new TimelineEntry(seconds, currentPhase, server.Heap?.ManagedBytes, server.Heap?.PinnedBytes, server.RssBytes,
            server.Heap?.OpenCircuits, server.Heap?.ConnectedCircuits, connected,
            window.Steps.Values.Sum(latencies => latencies.Count), p99, server.Heap?.ForcedCollection);
        lock (_gate)
        {
            _samples.Add(new TimelineSample(entry, window));
        }
    }
}

/// <param name="Seconds">When the window ended, from the start of the ramp-up.</param>
/// <param name="Phase">What the run was doing then: ramp-up, hold, measure, close, settle.</param>
/// <param name="ManagedBytesAfterCollection">
/// The server's managed heap after its most recent collection, one the runtime made on its own: none is forced
/// (before 2026-12-05, each sample forced a full, compacting one).
/// </param>
/// <param name="PinnedBytesAfterCollection">Of that, the pinned object heap (the servers' buffer pools).</param>
/// <param name="RssBytes">The server's resident set.</param>
/// <param name="CircuitsOpen">Circuits the server holds: connected and retained disconnected ones.</param>
/// <param name="CircuitsConnected">Of those, the ones with a live connection.</param>
/// <param name="UsersConnected">Simulated users whose circuit is connected, as the generator sees them.</param>
/// <param name="Steps">Steps completed in the window.</param>
/// <param name="P99">Every step's p99 in the window, in milliseconds (steps with no sample are left out).</param>
/// <param name="ForcedCollection">Whether the server forced a collection for the heap figure (false; absent without the endpoint).</param>
public sealed record TimelineEntry(
    double Seconds,
    string Phase,
    long? ManagedBytesAfterCollection,
    long? PinnedBytesAfterCollection,
    long? RssBytes,
    long? CircuitsOpen,
    long? CircuitsConnected,
    int UsersConnected,
    long Steps,
    IReadOnlyDictionary<string, double> P99,
    bool? ForcedCollection = null);

internal sealed record TimelineSample(TimelineEntry Entry, LatencyWindow Window);
