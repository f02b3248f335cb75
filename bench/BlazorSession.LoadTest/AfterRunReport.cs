namespace BlazorSession.LoadTest;

/// <summary>
/// The server once the run has settled: every user gone, the wait for it to hold no circuit over (or given up), and
/// the warm-up run again, as before the start sample, so pools are in the same state in both samples. What grew
/// during the run and was not given back shows here, against the sample taken before the first circuit.
/// </summary>
/// <param name="SecondsWaited">From the last user leaving to this sample.</param>
/// <param name="OpenCircuits">Circuits the server still holds (0 once retention has let go of the last one).</param>
/// <param name="ConnectedCircuits">Of those, the ones with a live connection.</param>
/// <param name="ManagedBytes">Managed heap after a forced full, compacting collection.</param>
/// <param name="RssBytes">Resident set after that collection.</param>
/// <param name="ManagedBytesAtStart">The same before the first circuit (after the warm-up).</param>
/// <param name="ManagedBytesGrowth">After the run minus at the start.</param>
/// <param name="PinnedBytes">Of <paramref name="ManagedBytes"/>, the pinned object heap (the buffer pools).</param>
/// <param name="PinnedBytesAtStart">The same before the first circuit.</param>
public sealed record AfterRunReport(
    double SecondsWaited,
    long? OpenCircuits,
    long? ConnectedCircuits,
    long? ManagedBytes,
    long? RssBytes,
    long? ManagedBytesAtStart,
    long? ManagedBytesGrowth,
    long? PinnedBytes,
    long? PinnedBytesAtStart)
{
    internal static AfterRunReport From(TimeSpan waited, ServerSample atStart, ServerSample after) =>
        new(Math.Round(waited.TotalSeconds, 1),
            after.Heap?.OpenCircuits,
            after.Heap?.ConnectedCircuits,
            after.Heap?.ManagedBytes,
            after.RssBytes,
            atStart.Heap?.ManagedBytes,
            after.Heap?.ManagedBytes - atStart.Heap?.ManagedBytes,
            after.Heap?.PinnedBytes,
            atStart.Heap?.PinnedBytes);
}
