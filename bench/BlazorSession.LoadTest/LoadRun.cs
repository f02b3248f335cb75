using System.Diagnostics;

namespace BlazorSession.LoadTest;

/// <summary>
/// A capacity run: starts the circuits at the ramp rate (each user loads the form, makes it interactive, saves a
/// name and sees it on the other page), holds them for the duration while each steps through the journey at the
/// given rate (or idles at rate 0), then samples the server with every circuit still open and closes them.
/// </summary>
public static class LoadRun
{
    private const int MaxConcurrentStarts = 64;

    /// <summary>Warm-up users are numbered from here, so their names never match a measured user's.</summary>
    private const int WarmupUserNumbers = 1_000_000;

    public static async Task<LoadReport> RunAsync(LoadTestOptions options, IProgress<LoadProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        using var http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            Timeout = options.EffectiveStepTimeout,
        };
        var probe = new ServerProbe(options.Url, options.ServerProcessId, http);
        var metrics = new LoadMetrics(options.EffectiveStepTimeout);
        var users = new List<SimulatedUser>(options.Circuits);
        var generator = Process.GetCurrentProcess();
        var phase = "warm-up";
        await WarmUpAsync(options, http, cancellationToken);
        phase = "ramp-up";

        var atZero = await probe.SampleAsync(cancellationToken);
        var generatorCpuAtStart = generator.TotalProcessorTime;
        var clock = Stopwatch.StartNew();

        int CountConnected()
        {
            lock (users)
            {
                return users.Count(user => user.IsConnected);
            }
        }

        using var reporting = new CancellationTokenSource();
        var reporter = ReportProgressAsync(progress, () => new LoadProgress(
            phase, CountConnected(), options.Circuits, metrics.StepCount, metrics.ErrorCount, clock.Elapsed),
            reporting.Token);

        using var hold = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var journeys = new List<Task>(options.Circuits);
        using var startSlots = new SemaphoreSlim(MaxConcurrentStarts);
        for (var i = 0; i < options.Circuits; i++)
        {
            var due = TimeSpan.FromSeconds(i / options.RampRate);
            if (due > clock.Elapsed)
            {
                await Task.Delay(due - clock.Elapsed, cancellationToken);
            }

            await startSlots.WaitAsync(cancellationToken);
            var user = new SimulatedUser(i + 1, options.Url, http, metrics);
            lock (users)
            {
                users.Add(user);
            }

            journeys.Add(RunUserAsync(user, options.Rate, startSlots, hold.Token, cancellationToken));
        }

        // Every user has at least finished starting once all slots are free again.
        for (var i = 0; i < MaxConcurrentStarts; i++)
        {
            await startSlots.WaitAsync(cancellationToken);
        }

        var rampUp = clock.Elapsed;
        phase = "hold";
        await Task.Delay(options.Duration, cancellationToken);
        await hold.CancelAsync();
        await Task.WhenAll(journeys);
        var held = clock.Elapsed;

        phase = "measure";
        var connected = CountConnected();
        var atN = await probe.SampleAsync(cancellationToken);
        var generatorCpu = generator.TotalProcessorTime - generatorCpuAtStart;

        phase = "close";
        await Task.WhenAll(users.Select(user => user.DisposeAsync().AsTask()));
        await reporting.CancelAsync();
        await reporter;

        var report = LoadReport.Create(options, connected, rampUp, held, metrics, atZero, atN, generatorCpu);
        progress?.Report(new LoadProgress("done", 0, options.Circuits, metrics.StepCount, metrics.ErrorCount, clock.Elapsed));
        return report;
    }

    /// <summary>
    /// Runs <see cref="LoadTestOptions.Warmup"/> users through start, save and show, at most
    /// <see cref="MaxConcurrentStarts"/> at a time, and closes them; their figures are discarded. The server retains
    /// up to 100 of their circuits as disconnected for a while; they are in both heap samples, so the difference per
    /// circuit does not count them.
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
                await using var user = new SimulatedUser(WarmupUserNumbers + number, options.Url, http, discarded);
                _ = await user.StartAsync(cancellationToken) && await RunFirstStepsAsync(user, cancellationToken);
            }
            finally
            {
                slots.Release();
            }
        }));
    }

    private static async Task RunUserAsync(SimulatedUser user, double rate, SemaphoreSlim startSlot, CancellationToken hold,
        CancellationToken cancellationToken)
    {
        bool started;
        try
        {
            started = await user.StartAsync(cancellationToken) && await RunFirstStepsAsync(user, cancellationToken);
        }
        finally
        {
            startSlot.Release();
        }

        if (!started || rate <= 0)
        {
            return;
        }

        // Steps start on a fixed schedule; a step slower than the interval delays the next one (no catching up).
        var interval = TimeSpan.FromSeconds(1 / rate);
        var next = Stopwatch.GetTimestamp();
        while (!hold.IsCancellationRequested)
        {
            var wait = interval - Stopwatch.GetElapsedTime(next);
            if (wait > TimeSpan.Zero)
            {
                try
                {
                    await Task.Delay(wait, hold);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }

            next = Stopwatch.GetTimestamp();
            if (!await user.RunNextStepAsync(cancellationToken))
            {
                return;
            }
        }
    }

    /// <summary>
    /// What every user does once its circuit is up, whatever the rate: saves a name, sees it on the get page and is
    /// welcomed on the members page. An idle user then rests on the members page, the one whose circuit holds the
    /// most components (the header's and the page's authorization views).
    /// </summary>
    private static async Task<bool> RunFirstStepsAsync(SimulatedUser user, CancellationToken cancellationToken) =>
        await user.RunNextStepAsync(cancellationToken)
        && await user.RunNextStepAsync(cancellationToken)
        && await user.RunNextStepAsync(cancellationToken);

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

public sealed record LoadProgress(string Phase, int CircuitsConnected, int CircuitsRequested, long StepsCompleted,
    long Errors, TimeSpan Elapsed);
