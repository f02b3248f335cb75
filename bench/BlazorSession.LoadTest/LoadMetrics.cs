using System.Collections.Concurrent;
using System.Diagnostics;
using BlazorSession.LoadTest.Timeline;
using HdrHistogram;

namespace BlazorSession.LoadTest;

/// <summary>
/// Latency histograms per step and error counts per kind, shared by every simulated user; with an error limit, says
/// when the errors have reached it.
/// </summary>
internal sealed class LoadMetrics(TimeSpan stepTimeout, int? maxErrors = null)
{
    private const int MaxErrorSamples = 20;
    private static readonly long HighestMicroseconds = (long)TimeSpan.FromMinutes(10).TotalMicroseconds;

    private readonly ConcurrentDictionary<string, LongConcurrentHistogram> _steps = new(
        StepNames.All.Select(step => KeyValuePair.Create(step, NewHistogram())));
    private readonly ConcurrentDictionary<string, LongConcurrentHistogram> _holdSteps = new(
        StepNames.All.Select(step => KeyValuePair.Create(step, NewHistogram())));
    private readonly ConcurrentDictionary<string, Recorder> _windows = new(
        StepNames.All.Select(step => KeyValuePair.Create(step, NewRecorder())));
    private readonly ConcurrentDictionary<string, long> _errors = new();
    private readonly ConcurrentQueue<string> _errorSamples = new();
    private readonly ConcurrentDictionary<string, long> _jsCalls = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource _errorLimit = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _errorTotal;
    private long _renderBatches;
    private long _renderBatchBytes;
    private volatile bool _holding;

    /// <summary>Completes once the errors have reached the limit given; never without one.</summary>
    public Task ErrorLimitReached => _errorLimit.Task;

    public long ErrorCount => _errors.Values.Sum();

    public long StepCount => _steps.Values.Sum(histogram => histogram.TotalCount);

    /// <summary>
    /// Every circuit has started: the steps that start from now on are also counted apart, as the steady load of the
    /// hold, away from the ramp's (circuits opening 100 a second, with the JIT still at work).
    /// </summary>
    public void BeginHold() => _holding = true;

    /// <summary>
    /// Times <paramref name="step"/>; a failure is counted by kind instead. A step that outlives the step timeout
    /// is a timeout. Cancellation of the whole run is neither.
    /// </summary>
    public async Task<bool> MeasureAsync(string step, Func<CancellationToken, Task> action, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(stepTimeout);
        var inHold = _holding;
        var started = Stopwatch.GetTimestamp();
        try
        {
            await action(timeout.Token);
            var microseconds = (long)Stopwatch.GetElapsedTime(started).TotalMicroseconds;
            _steps[step].RecordValue(microseconds);
            _windows[step].RecordValue(microseconds);
            if (inHold)
            {
                _holdSteps[step].RecordValue(microseconds);
            }
            return true;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return false;
        }
        catch (Exception exception)
        {
            RecordError(step, exception);
            return false;
        }
    }

    /// <summary>A render batch the server sent: its count and size show the render work each step costs.</summary>
    public void RecordRenderBatch(int bytes)
    {
        Interlocked.Increment(ref _renderBatches);
        Interlocked.Add(ref _renderBatchBytes, bytes);
    }

    public void RecordJSCall(string identifier) => _jsCalls.AddOrUpdate(identifier, 1, (_, count) => count + 1);

    public TrafficReport TrafficReport() =>
        new(Interlocked.Read(ref _renderBatches), Interlocked.Read(ref _renderBatchBytes),
            new SortedDictionary<string, long>(_jsCalls, StringComparer.Ordinal));

    /// <summary>Every step's latencies since the previous call, for the timeline; the next window starts now.</summary>
    public LatencyWindow TakeWindow() =>
        new(StepNames.All.ToDictionary(step => step, step => WindowLatencies.From(_windows[step].GetIntervalHistogram()),
            StringComparer.Ordinal));

    public IReadOnlyList<StepReport> StepReports() =>
        [.. StepNames.All.Select(step => StepReport.From(step, _steps[step]))];

    /// <summary>The steps that started in the hold (<see cref="BeginHold"/>).</summary>
    public IReadOnlyList<StepReport> HoldStepReports() =>
        [.. StepNames.All.Select(step => StepReport.From(step, _holdSteps[step]))];

    public ErrorReport ErrorReport() =>
        new(ErrorCount, new SortedDictionary<string, long>(_errors, StringComparer.Ordinal), [.. _errorSamples],
            ErrorLimitReached.IsCompleted);

    private void RecordError(string step, Exception exception)
    {
        var kind = exception switch
        {
            LoadTestException failure => failure.Kind,
            OperationCanceledException or TimeoutException => ErrorKinds.Timeout,
            HttpRequestException => ErrorKinds.Http,
            _ => exception.GetType().Name,
        };
        _errors.AddOrUpdate($"{step}/{kind}", 1, (_, count) => count + 1);
        if (Interlocked.Increment(ref _errorTotal) >= maxErrors)
        {
            _errorLimit.TrySetResult();
        }

        if (_errorSamples.Count < MaxErrorSamples)
        {
            _errorSamples.Enqueue($"{step}/{kind}: {exception.Message}");
        }
    }

    private static LongConcurrentHistogram NewHistogram() => new(1, HighestMicroseconds, 3);

    private static Recorder NewRecorder() =>
        HistogramFactory.With64BitBucketSize().WithValuesFrom(1).WithValuesUpTo(HighestMicroseconds).WithPrecisionOf(3)
            .WithThreadSafeWrites().WithThreadSafeReads().Create();
}

/// <summary>Latency of one step in milliseconds.</summary>
public sealed record StepReport(string Name, long Count, double P50, double P95, double P99, double Max)
{
    internal static StepReport From(string name, HistogramBase histogram)
    {
        if (histogram.TotalCount == 0)
        {
            return new StepReport(name, 0, 0, 0, 0, 0);
        }

        return new StepReport(name, histogram.TotalCount, Milliseconds(histogram.GetValueAtPercentile(50)),
            Milliseconds(histogram.GetValueAtPercentile(95)), Milliseconds(histogram.GetValueAtPercentile(99)),
            Milliseconds(histogram.GetMaxValue()));
    }

    private static double Milliseconds(long microseconds) => Math.Round(microseconds / 1000.0, 2);
}

/// <param name="Total">Steps that failed.</param>
/// <param name="ByKind">Those failures by step and kind (<c>step/kind</c>).</param>
/// <param name="Samples">The first failures' messages.</param>
/// <param name="StoppedTheRun">The errors reached <see cref="LoadTestOptions.MaxErrors"/> and the run stopped early.</param>
public sealed record ErrorReport(long Total, IReadOnlyDictionary<string, long> ByKind, IReadOnlyList<string> Samples,
    bool StoppedTheRun);

/// <param name="RenderBatches">Render batches the server sent to all circuits.</param>
/// <param name="RenderBatchBytes">Their total size.</param>
/// <param name="JSInteropCalls">JS interop calls the server made, by function.</param>
public sealed record TrafficReport(long RenderBatches, long RenderBatchBytes, IReadOnlyDictionary<string, long> JSInteropCalls);
