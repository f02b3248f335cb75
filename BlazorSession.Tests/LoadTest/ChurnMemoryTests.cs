using System.Diagnostics;
using BlazorSession.App.Hosting;
using BlazorSession.LoadTest;
using BlazorSession.Tests.Infrastructure;
using Xunit.Abstractions;

namespace BlazorSession.Tests.LoadTest;

/// <summary>
/// Catches a per-circuit leak the day it lands: 2,000 circuit lifetimes against the real app (half leaving as a
/// closed tab, half dropping their connection without a close), then, once the server holds no circuit again, its
/// managed heap after a forced collection must be back near where it started. A leak of a few kilobytes per circuit
/// is several megabytes here. The figures for hours of churn are in bench/README.md ("Endurance"); this asserts no
/// latency.
/// </summary>
[Trait("Category", "Load")]
public sealed class ChurnMemoryTests(ITestOutputHelper output)
{
    private const int Lifetimes = 2_000;

    /// <summary>Any error fails the test anyway: past a few, the run stops rather than living out 2,000 lifetimes.</summary>
    private const int MaxErrors = 10;

    /// <summary>
    /// What the heap may keep after the run: 2,000 circuits each keeping 3 KB would be 6 MB. Start and end both come
    /// after a forced, compacting collection, and right after the same 40-user warm-up (see
    /// <see cref="AfterRunReport"/>), so the pools are alike in both.
    /// </summary>
    private const long AllowedGrowthBytes = 5 * 1024 * 1024;

    /// <summary>
    /// How long the heap may take to come back after the last circuit has gone. A circuit that ended while one of
    /// the server's JS calls was still unanswered stays in memory until that call times out (a minute, see
    /// bench/README.md), which on a busy machine can be megabytes at the moment the last one leaves; a leak never
    /// comes back.
    /// </summary>
    private static readonly TimeSpan HeapReturnDeadline = TimeSpan.FromMinutes(2);

    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task Churn_GivesBackEveryCircuitAndTheMemory_AfterTwoThousandLifetimes()
    {
        // Retention cut to 2 s so the test waits for the server's client timeout (~30 s for a dropped connection),
        // not for three minutes of retention.
        await using var server = await AppServer.StartAsync(
            (EnvironmentName(LoadTestDiagnostics.DiagnosticsSetting), "true"),
            (EnvironmentName(LoadTestDiagnostics.CircuitRetentionSetting), "2"));
        // The duration bounds the run; the lifetimes end it sooner. A broken app stops it at its error limit.
        var options = new LoadTestOptions(server.BaseUrl, Circuits: 40, Rate: 1,
            Duration: TimeSpan.FromMinutes(15), ServerProcessId: server.ProcessId, RampRate: 40, Warmup: 40,
            Churn: TimeSpan.FromSeconds(1), Lifetimes: Lifetimes, Settle: TimeSpan.FromMinutes(5), MaxErrors: MaxErrors);

        var report = await LoadRun.RunAsync(options);

        Assert.True(report.Errors.Total == 0, "Errors: " + string.Join("; ", report.Errors.Samples));
        Assert.Equal((Lifetimes, Lifetimes, Lifetimes / 2), (report.CircuitLifetimes.Started, report.CircuitLifetimes.Ended,
            report.CircuitLifetimes.Dropped));
        var after = report.AfterRun!;
        output.WriteLine($"{after.ManagedBytesAtStart:N0} B at the start, {after.ManagedBytes:N0} B after the run, " +
            $"{after.SecondsWaited} s after the last circuit left; dropped connections closed by the server after " +
            $"{report.CircuitLifetimes.DroppedConnections.ClosedAfterSecondsP50} s (median).");
        Assert.True(after.OpenCircuits == 0, $"The server still holds {after.OpenCircuits} circuits {after.SecondsWaited} s after the run.");
        var limit = after.ManagedBytesAtStart!.Value + AllowedGrowthBytes;
        var (managed, waited) = after.ManagedBytes < limit ? (after.ManagedBytes.Value, TimeSpan.Zero) : await WaitForHeapBelowAsync(server, limit);
        Assert.True(managed < limit,
            $"The managed heap grew by {managed - after.ManagedBytesAtStart:N0} B over {Lifetimes:N0} circuits " +
            $"({after.ManagedBytesAtStart:N0} B after the warm-up before the first, {after.ManagedBytes:N0} B after " +
            $"the same warm-up once all were gone, {managed:N0} B {waited.TotalSeconds:N0} s later).");
    }

    /// <summary>The server's managed heap once it is below <paramref name="limit"/>, or the last reading at the deadline.</summary>
    private static async Task<(long ManagedBytes, TimeSpan Waited)> WaitForHeapBelowAsync(AppServer server, long limit)
    {
        using var http = new HttpClient();
        var probe = new ServerProbe(server.BaseUrl, server.ProcessId, http);
        var waited = Stopwatch.StartNew();
        using var poll = new PeriodicTimer(PollInterval);
        while (true)
        {
            await poll.WaitForNextTickAsync();
            var managed = (await probe.SampleAsync(CancellationToken.None)).Heap!.ManagedBytes;
            if (managed < limit || waited.Elapsed > HeapReturnDeadline)
            {
                return (managed, waited.Elapsed);
            }
        }
    }

    private static string EnvironmentName(string setting) => setting.Replace(":", "__", StringComparison.Ordinal);
}
