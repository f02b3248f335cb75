using System.Diagnostics;
using BlazorSession.LoadTest.Churn;
using BlazorSession.LoadTest.Timeline;

namespace BlazorSession.LoadTest;

/// <summary>
/// A load run: starts the circuits at the ramp rate (each user loads the form, makes it interactive, saves a name
/// and sees it on the other pages), holds them for the duration while each steps through the journey at the given
/// rate (or idles at rate 0), then samples the server with every circuit still open and closes them. With churn,
/// each user lives for a while, leaves and is replaced. The server is sampled for the timeline throughout, and
/// after the run until it holds no circuit, when asked to settle.
/// </summary>
public static class LoadRun
{
    private const int MaxConcurrentStarts = 64;

    /// <summary>Warm-up users are numbered from here, so their names never match a measured user's.</summary>
    private const int WarmupUserNumbers = 1_000_000;

    /// <summary>How often the server is asked whether it still holds circuits while the run settles.</summary>
    private static readonly TimeSpan SettlePollInterval = TimeSpan.FromSeconds(2);

    public static async Task<LoadReport> RunAsync(LoadTestOptions options, IProgress<LoadProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        using var http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            Timeout = options.EffectiveStepTimeout,
        };
        var probe = new ServerProbe(options.Url, options.ServerProcessId, http);
        var metrics = new LoadMetrics(options.EffectiveStepTimeout, options.MaxErrors);
        var lifetimes = new CircuitLifetimes();
        var slots = Enumerable.Range(0, options.Circuits).Select(_ => new UserSlot()).ToArray();
        var generator = Process.GetCurrentProcess();
        var phase = "warm-up";
        await WarmUpAsync(options, http, cancellationToken);
        phase = "ramp-up";

        var atZero = await probe.SampleAsync(cancellationToken);
        var generatorCpuAtStart = generator.TotalProcessorTime;
        var generatorPausedAtStart = GC.GetTotalPauseDuration();
        var clock = Stopwatch.StartNew();
        int CountConnected() => slots.Count(slot => slot.IsConnected);

        using var reporting = new CancellationTokenSource();
        var reporter = ReportProgressAsync(progress, () => new LoadProgress(
            phase, CountConnected(), options.Circuits, metrics.StepCount, metrics.ErrorCount, clock.Elapsed, lifetimes.Started),
            reporting.Token);
        var timeline = new TimelineRecorder(probe, metrics, clock, () => phase, CountConnected);
        var sampling = timeline.RunAsync(options.EffectiveTimelineInterval, reporting.Token);

        using var hold = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var plan = options.Churn is { } meanLifetime ? new LifetimePlan(meanLifetime, options.Lifetimes) : null;
        var run = new UserRun(options, http, metrics, lifetimes, hold.Token, cancellationToken);
        var journeys = new List<Task>(options.Circuits);
        using var startSlots = new SemaphoreSlim(MaxConcurrentStarts);
        for (var i = 0; i < options.Circuits && !metrics.ErrorLimitReached.IsCompleted; i++)
        {
            // Read the clock once: read twice, the wait could come out negative and throw.
            var wait = TimeSpan.FromSeconds(i / options.RampRate) - clock.Elapsed;
            if (wait > TimeSpan.Zero)
            {
                await Task.WhenAny(Task.Delay(wait, cancellationToken), metrics.ErrorLimitReached);
                cancellationToken.ThrowIfCancellationRequested();
            }

            await startSlots.WaitAsync(cancellationToken);
            journeys.Add(plan is null
                ? run.LiveWholeRunAsync(slots[i], i + 1, startSlots)
                : run.ChurnAsync(slots[i], plan, startSlots));
        }

        // Every slot's first user has at least finished starting once all start slots are free again.
        for (var i = 0; i < MaxConcurrentStarts; i++)
        {
            await startSlots.WaitAsync(cancellationToken);
        }

        var rampUp = clock.Elapsed;
        phase = "hold";
        metrics.BeginHold();
        using (var holdTimer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            var holdEnd = Task.Delay(options.Duration, holdTimer.Token);
            // Every lifetime handed out has been lived once every slot has stopped.
            var allLived = plan is not null && options.Lifetimes is not null ? Task.WhenAll(journeys) : holdEnd;
            await Task.WhenAny(holdEnd, allLived, metrics.ErrorLimitReached);
            cancellationToken.ThrowIfCancellationRequested();
            // The hold may end before its duration (lifetimes all lived, errors at their limit): no timer outlives it.
            await holdTimer.CancelAsync();
        }

        await hold.CancelAsync();
        await Task.WhenAll(journeys);
        var held = clock.Elapsed;

        phase = "measure";
        var connected = CountConnected();
        var atN = await probe.SampleAsync(cancellationToken);
        var generatorCpu = generator.TotalProcessorTime - generatorCpuAtStart;
        var generatorGcPause = GC.GetTotalPauseDuration() - generatorPausedAtStart;

        phase = "close";
        await Task.WhenAll(slots.Select(slot => run.EndAsync(slot, churning: plan is not null)));

        AfterRunReport? afterRun = null;
        // A run stopped for its errors does not wait for a server that is failing to settle.
        if (options.Settle > TimeSpan.Zero && !metrics.ErrorLimitReached.IsCompleted)
        {
            phase = "settle";
            afterRun = await SettleAsync(options, http, probe, lifetimes, atZero, cancellationToken);
        }

        await reporting.CancelAsync();
        await reporter;
        await sampling;
        await timeline.SampleAsync(cancellationToken);

        var report = LoadReport.Create(options, connected, rampUp, held, metrics, atZero, atN, generatorCpu, generatorGcPause,
            timeline.Samples, lifetimes.Report(), afterRun);
        progress?.Report(new LoadProgress("done", 0, options.Circuits, metrics.StepCount, metrics.ErrorCount, clock.Elapsed,
            lifetimes.Started));
        return report;
    }

    /// <summary>
    /// Runs <see cref="LoadTestOptions.Warmup"/> users through start, save and show, at most
    /// <see cref="MaxConcurrentStarts"/> at a time, and closes their tabs (with the unload beacon, so the server
    /// disposes their circuits at once and the start sample holds none of them); their figures are discarded.
    /// </summary>
    private static async Task WarmUpAsync(LoadTestOptions options, HttpClient http, CancellationToken cancellationToken)
    {
        var discarded = new LoadMetrics(options.EffectiveStepTimeout);
        using var slots = new SemaphoreSlim(MaxConcurrentStarts);
        await Task.WhenAll(Enumerable.Range(1, options.Warmup).Select(async number =>
        {
            await slots.WaitAsync(cancellationToken);
            try
            {
                await using var user = new SimulatedUser(WarmupUserNumbers + number, options.Url, http, discarded, options.Journey);
                if (await user.StartAsync(cancellationToken) && await UserRun.RunFirstStepsAsync(user, options.CartLines, cancellationToken))
                {
                    await user.LeaveAsync(Departure.Clean, cancellationToken);
                }
            }
            finally
            {
                slots.Release();
            }
        }));
    }

    /// <summary>
    /// Waits until the server holds no circuit (disconnected ones are retained for a while, and a dropped connection
    /// is only noticed after the server's client timeout), or until the settle time has passed, then runs the same
    /// warm-up as before the start sample and takes the after-run sample.
    /// </summary>
    /// <remarks>
    /// The warm-up again, because pools fill and empty on their own schedule: circuits that end give their render
    /// buffers back to the shared array pools, which keep them until they have been unused for about a minute (40
    /// warm-up circuits left 5 MB there, gone 65 s later). The start sample is taken right after the warm-up, so the
    /// end sample is too; comparing a full pool with an emptied one would hide a leak of that size.
    /// </remarks>
    private static async Task<AfterRunReport> SettleAsync(LoadTestOptions options, HttpClient http, ServerProbe probe,
        CircuitLifetimes lifetimes, ServerSample atZero, CancellationToken cancellationToken)
    {
        var limit = options.Settle;
        var waited = Stopwatch.StartNew();
        var sample = await probe.SampleAsync(cancellationToken);
        while (sample.Heap is { OpenCircuits: > 0 } && waited.Elapsed < limit)
        {
            await Task.Delay(SettlePollInterval, cancellationToken);
            sample = await probe.SampleAsync(cancellationToken);
        }

        await lifetimes.WaitForDroppedConnectionsAsync(limit - waited.Elapsed > TimeSpan.Zero ? limit - waited.Elapsed : TimeSpan.Zero,
            cancellationToken);
        if (options.Warmup > 0)
        {
            await WarmUpAsync(options, http, cancellationToken);
            sample = await probe.SampleAsync(cancellationToken);
        }

        return AfterRunReport.From(waited.Elapsed, atZero, sample);
    }

    private static async Task ReportProgressAsync(IProgress<LoadProgress>? progress, Func<LoadProgress> snapshot,
        CancellationToken cancellationToken)
    {
        if (progress is null)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                progress.Report(snapshot());
            }
        }
        catch (OperationCanceledException)
        {
            // The run is over.
        }
    }
}

/// <summary>
/// What the console shows while the run goes; <paramref name="LifetimesStarted"/> counts every circuit started so
/// far, which with churn is more than the circuits live at once.
/// </summary>
public sealed record LoadProgress(string Phase, int CircuitsConnected, int CircuitsRequested, long StepsCompleted,
    long Errors, TimeSpan Elapsed, long LifetimesStarted = 0);
