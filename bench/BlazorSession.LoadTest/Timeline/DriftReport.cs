namespace BlazorSession.LoadTest.Timeline;

/// <summary>
/// Whether the server got slower or bigger as the run went on: every step's p99 over the last sixth of the run
/// against the second sixth, and the managed heap at the end against its value at the start of that second sixth.
/// For a 30-minute run those are the last 5 minutes against minutes 5 to 10, and the end against minute 5: the
/// first minutes are left out because the server is still warming up (JIT, caches, pools growing to the load).
/// </summary>
/// <param name="ReferenceFromSeconds">Start of the reference span (the second sixth).</param>
/// <param name="ReferenceToSeconds">Its end.</param>
/// <param name="LateFromSeconds">Start of the late span (the last sixth).</param>
/// <param name="LateToSeconds">Its end: the end of the hold.</param>
/// <param name="Steps">Each step's p99 in both spans.</param>
/// <param name="ManagedBytesAtReferenceStart">The sample nearest the reference span's start.</param>
/// <param name="ManagedBytesAtEnd">The last sample of the hold.</param>
/// <param name="ManagedBytesRatio">End over reference start.</param>
public sealed record DriftReport(
    double ReferenceFromSeconds,
    double ReferenceToSeconds,
    double LateFromSeconds,
    double LateToSeconds,
    IReadOnlyList<StepDrift> Steps,
    long? ManagedBytesAtReferenceStart,
    long? ManagedBytesAtEnd,
    double? ManagedBytesRatio)
{
    /// <summary>Phases in which the load runs; later samples (closing, settling) are not part of the comparison.</summary>
    private static readonly HashSet<string> LoadPhases = new(StringComparer.Ordinal) { "ramp-up", "hold" };

    /// <summary>Fewer samples than this and the sixths would be a sample or less each.</summary>
    private const int MinimumSamples = 12;

    /// <summary>Null when the run was too short to compare spans of it.</summary>
    internal static DriftReport? From(IReadOnlyList<TimelineSample> samples)
    {
        var load = samples.Where(sample => LoadPhases.Contains(sample.Entry.Phase)).ToList();
        if (load.Count < MinimumSamples)
        {
            return null;
        }

        var end = load[^1].Entry.Seconds;
        var (referenceFrom, referenceTo, lateFrom) = (end / 6, end * 2 / 6, end * 5 / 6);
        var reference = load.Where(sample => sample.Entry.Seconds > referenceFrom && sample.Entry.Seconds <= referenceTo).ToList();
        var late = load.Where(sample => sample.Entry.Seconds > lateFrom).ToList();

        var steps = load[0].Window.Steps.Keys.Select(step =>
        {
            var before = WindowLatencies.P99Milliseconds(reference.Select(sample => sample.Window.Steps[step]));
            var after = WindowLatencies.P99Milliseconds(late.Select(sample => sample.Window.Steps[step]));
            return new StepDrift(step, before, after, before is > 0 && after is { } a ? Math.Round(a / before.Value, 3) : null);
        }).Where(step => step.ReferenceP99 is not null || step.LateP99 is not null).ToList();

        var atReferenceStart = load.MinBy(sample => Math.Abs(sample.Entry.Seconds - referenceFrom))!.Entry.ManagedBytesAfterCollection;
        var atEnd = load[^1].Entry.ManagedBytesAfterCollection;
        return new DriftReport(
            Math.Round(referenceFrom, 1), Math.Round(referenceTo, 1), Math.Round(lateFrom, 1), end, steps,
            atReferenceStart, atEnd,
            atReferenceStart is > 0 && atEnd is { } e ? Math.Round((double)e / atReferenceStart.Value, 4) : null);
    }
}

/// <param name="Name">The step.</param>
/// <param name="ReferenceP99">Its p99 over the reference span, in milliseconds.</param>
/// <param name="LateP99">Its p99 over the late span.</param>
/// <param name="P99Ratio">Late over reference: above 1 is slower at the end.</param>
public sealed record StepDrift(string Name, double? ReferenceP99, double? LateP99, double? P99Ratio);
