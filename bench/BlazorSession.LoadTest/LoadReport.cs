using System.Text.Json;
using BlazorSession.LoadTest.Churn;
using BlazorSession.LoadTest.Timeline;

namespace BlazorSession.LoadTest;

/// <summary>The run's results, written as JSON for other tools (field names are part of the command's contract).</summary>
public sealed record LoadReport(
    string Url,
    int CircuitsRequested,
    int CircuitsConnected,
    double Rate,
    double RampUpSeconds,
    double HoldSeconds,
    ErrorReport Errors,
    IReadOnlyList<StepReport> Steps,
    IReadOnlyList<StepReport> HoldSteps,
    TrafficReport Traffic,
    long? ServerManagedBytesPerCircuit,
    long? ServerRssBytesPerCircuit,
    ServerReport Server,
    ProcessCpuReport Generator,
    double? ChurnLifetimeSeconds,
    CircuitLifetimeReport CircuitLifetimes,
    AfterRunReport? AfterRun,
    DriftReport? Drift,
    IReadOnlyList<TimelineEntry> Timeline)
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);

    internal static LoadReport Create(LoadTestOptions options, int connected, TimeSpan rampUp, TimeSpan total,
        LoadMetrics metrics, ServerSample atZero, ServerSample atN, TimeSpan generatorCpu, TimeSpan generatorGcPause,
        IReadOnlyList<TimelineSample> timeline, CircuitLifetimeReport lifetimes, AfterRunReport? afterRun)
    {
        long? PerCircuit(long? zero, long? n) =>
            zero is { } z && n is { } m && connected > 0 ? (m - z) / connected : null;

        var serverCpu = atZero.CpuTime is { } start && atN.CpuTime is { } end ? end - start : (TimeSpan?)null;
        var serverGcPause = atZero.Heap?.GcPauseSeconds is { } pausedAtZero && atN.Heap?.GcPauseSeconds is { } pausedAtN
            ? TimeSpan.FromSeconds(pausedAtN - pausedAtZero)
            : (TimeSpan?)null;
        var steps = metrics.StepReports();
        var stepCount = steps.Sum(step => step.Count);
        return new LoadReport(
            options.Url.ToString(),
            options.Circuits,
            connected,
            options.Rate,
            Math.Round(rampUp.TotalSeconds, 1),
            Math.Round((total - rampUp).TotalSeconds, 1),
            metrics.ErrorReport(),
            steps,
            metrics.HoldStepReports(),
            metrics.TrafficReport(),
            PerCircuit(atZero.Heap?.ManagedBytes, atN.Heap?.ManagedBytes),
            PerCircuit(atZero.RssBytes, atN.RssBytes),
            new ServerReport(
                options.ServerProcessId,
                atZero.Heap?.ManagedBytes,
                atN.Heap?.ManagedBytes,
                atZero.RssBytes,
                atN.RssBytes,
                atN.Heap?.OpenCircuits,
                atN.Heap?.ConnectedCircuits,
                ProcessCpuReport.From(serverCpu, total, stepCount, serverGcPause)),
            ProcessCpuReport.From(generatorCpu, total, stepCount, generatorGcPause)!,
            options.Churn?.TotalSeconds,
            lifetimes,
            afterRun,
            DriftReport.From(timeline),
            [.. timeline.Select(sample => sample.Entry)]);
    }
}

/// <param name="ProcessId">The server process measured.</param>
/// <param name="ManagedBytesAtZero">Managed heap after a full collection before the first circuit.</param>
/// <param name="ManagedBytesAtN">The same with every circuit open.</param>
/// <param name="RssBytesAtZero">Resident set before the first circuit (after that collection).</param>
/// <param name="RssBytesAtN">Resident set with every circuit open.</param>
/// <param name="OpenCircuitsAtN">Circuits the server itself counted at N (from the diagnostics endpoint).</param>
/// <param name="ConnectedCircuitsAtN">Of those, the ones with a live connection.</param>
/// <param name="Cpu">The server's CPU over the run.</param>
public sealed record ServerReport(
    int? ProcessId,
    long? ManagedBytesAtZero,
    long? ManagedBytesAtN,
    long? RssBytesAtZero,
    long? RssBytesAtN,
    long? OpenCircuitsAtN,
    long? ConnectedCircuitsAtN,
    ProcessCpuReport? Cpu);

/// <param name="CpuSeconds">CPU time (user + system) the process used from the first circuit to the measurement.</param>
/// <param name="AverageCores">That CPU time over the wall-clock time: 1.0 is one core busy throughout.</param>
/// <param name="CpuMillisecondsPerStep">
/// That CPU time over the steps completed in the same span (every kind, starts included): two apps that served the
/// same journey compare by it.
/// </param>
/// <param name="GcPauseShare">
/// The share of the wall-clock time the process's garbage collector held its threads paused; every step in flight
/// waits that long. Absent for a server without the diagnostics endpoint (or one older than this figure).
/// </param>
public sealed record ProcessCpuReport(double CpuSeconds, double AverageCores, double? CpuMillisecondsPerStep = null,
    double? GcPauseShare = null)
{
    internal static ProcessCpuReport? From(TimeSpan? cpu, TimeSpan wall, long steps = 0, TimeSpan? gcPause = null) =>
        cpu is { } used
            ? new ProcessCpuReport(
                Math.Round(used.TotalSeconds, 2),
                Math.Round(used / wall, 2),
                steps > 0 ? Math.Round(used.TotalMilliseconds / steps, 3) : null,
                gcPause is { } paused ? Math.Round(paused / wall, 3) : null)
            : null;
}
