using BlazorSession.LoadTest;
using BlazorSession.Tests.Infrastructure;

namespace BlazorSession.Tests.LoadTest;

/// <summary>A run against an app that fails every step stops at its error limit instead of running out its hour.</summary>
public sealed class ErrorLimitTests
{
    [Fact]
    public async Task AServerThatAnswersNothing_StopsTheRunAtItsErrorLimit_WithoutHoldingOrSettling()
    {
        // Nothing listens on this port: every user's first request fails at once.
        var nowhere = new Uri($"http://127.0.0.1:{LoopbackProcess.FindFreePort()}/");
        var options = new LoadTestOptions(nowhere, Circuits: 1_000, Rate: 1, Duration: TimeSpan.FromHours(1),
            RampRate: 100, Settle: TimeSpan.FromHours(1), MaxErrors: 5);

        // Should the limit not stop it, the test's own limit does, and fails it.
        using var testLimit = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var report = await LoadRun.RunAsync(options, cancellationToken: testLimit.Token);

        Assert.True(report.Errors.StoppedTheRun);
        Assert.InRange(report.Errors.Total, 5, 1_000);
        Assert.True(report.HoldSeconds < TimeSpan.FromHours(1).TotalSeconds, $"Held for {report.HoldSeconds} s.");
        Assert.Null(report.AfterRun);
    }

    [Fact]
    public void MaxErrors_IsParsed_AndMustBePositive()
    {
        string[] required = ["--url", "http://127.0.0.1:5000", "--circuits", "1", "--rate", "1", "--duration", "1"];

        Assert.Equal(20, LoadTestOptions.Parse([.. required, "--max-errors", "20"]).MaxErrors);
        Assert.Null(LoadTestOptions.Parse(required).MaxErrors);
        Assert.Throws<ArgumentException>(() => LoadTestOptions.Parse([.. required, "--max-errors", "0"]));
    }
}
