using System.Collections.Concurrent;
using HdrHistogram;

namespace BlazorSession.LoadTest.Churn;

/// <summary>
/// The run's circuits from start to end: how many started and how each ended, and for the dropped ones how long the
/// server took to notice (its client timeout), which shows the drop really was silent.
/// </summary>
internal sealed class CircuitLifetimes
{
    private static readonly long HighestMilliseconds = (long)TimeSpan.FromMinutes(10).TotalMilliseconds;

    private readonly ConcurrentDictionary<Task, byte> _dropsNotYetNoticed = new();
    private readonly LongConcurrentHistogram _dropNoticedMilliseconds = new(1, HighestMilliseconds, 3);
    private long _started;
    private long _leftCleanly;
    private long _dropped;
    private long _failed;
    private long _closedAtEnd;
    private long _dropsNeverNoticed;

    public long Started => Interlocked.Read(ref _started);

    public void CountStarted() => Interlocked.Increment(ref _started);

    public void CountLeftCleanly() => Interlocked.Increment(ref _leftCleanly);

    /// <summary>A user whose step failed: its circuit is closed and, with churn, another takes its place.</summary>
    public void CountFailed() => Interlocked.Increment(ref _failed);

    /// <summary>Without churn every user lives until the run ends and is then closed (no beacon).</summary>
    public void CountClosedAtEnd() => Interlocked.Increment(ref _closedAtEnd);

    public void CountDropped(Task<TimeSpan?> closedByServer)
    {
        Interlocked.Increment(ref _dropped);
        _dropsNotYetNoticed[closedByServer] = 0;
        _ = ObserveAsync(closedByServer);
    }

    /// <summary>Waits, at most <paramref name="limit"/>, until the server has closed every dropped connection.</summary>
    public async Task WaitForDroppedConnectionsAsync(TimeSpan limit, CancellationToken cancellationToken)
    {
        try
        {
            await Task.WhenAll(_dropsNotYetNoticed.Keys).WaitAsync(limit, cancellationToken);
        }
        catch (TimeoutException)
        {
            // Reported as still open.
        }
    }

    public CircuitLifetimeReport Report()
    {
        var leftCleanly = Interlocked.Read(ref _leftCleanly);
        var dropped = Interlocked.Read(ref _dropped);
        var failed = Interlocked.Read(ref _failed);
        var closedAtEnd = Interlocked.Read(ref _closedAtEnd);
        var noticed = _dropNoticedMilliseconds.TotalCount;
        return new CircuitLifetimeReport(
            Started,
            leftCleanly + dropped + failed + closedAtEnd,
            leftCleanly,
            dropped,
            failed,
            closedAtEnd,
            new DroppedConnectionReport(
                noticed,
                Interlocked.Read(ref _dropsNeverNoticed),
                _dropsNotYetNoticed.Count,
                noticed == 0 ? null : Seconds(_dropNoticedMilliseconds.GetValueAtPercentile(50)),
                noticed == 0 ? null : Seconds(_dropNoticedMilliseconds.GetMaxValue())));
    }

    private async Task ObserveAsync(Task<TimeSpan?> closedByServer)
    {
        if (await closedByServer is { } after)
        {
            _dropNoticedMilliseconds.RecordValue(Math.Max(1, (long)after.TotalMilliseconds));
        }
        else
        {
            Interlocked.Increment(ref _dropsNeverNoticed);
        }

        _dropsNotYetNoticed.TryRemove(closedByServer, out _);
    }

    private static double Seconds(long milliseconds) => Math.Round(milliseconds / 1000.0, 1);
}

/// <param name="Started">Circuits started in the run (warm-up users not counted).</param>
/// <param name="Ended">Of those, the ones that ended before the report: every one once the run is over.</param>
/// <param name="LeftCleanly">Ended as a closed tab: the unload beacon, then a WebSocket close.</param>
/// <param name="Dropped">Ended silently: no beacon, no close, the socket left open until the server closed it.</param>
/// <param name="Failed">Ended by an error in one of their steps.</param>
/// <param name="ClosedAtEnd">Without churn: closed when the run ended (a WebSocket close, no beacon).</param>
/// <param name="DroppedConnections">What the server made of the dropped connections.</param>
public sealed record CircuitLifetimeReport(
    long Started,
    long Ended,
    long LeftCleanly,
    long Dropped,
    long Failed,
    long ClosedAtEnd,
    DroppedConnectionReport DroppedConnections);

/// <param name="ClosedByServer">Dropped connections the server closed (after its client timeout).</param>
/// <param name="NeverClosed">Still open after a few minutes, then closed by the generator.</param>
/// <param name="StillOpen">Not closed yet when the report was made.</param>
/// <param name="ClosedAfterSecondsP50">Median time from the drop until the server closed the connection.</param>
/// <param name="ClosedAfterSecondsMax">The longest of those.</param>
public sealed record DroppedConnectionReport(
    long ClosedByServer,
    long NeverClosed,
    long StillOpen,
    double? ClosedAfterSecondsP50,
    double? ClosedAfterSecondsMax);
