using BlazorSession.LoadTest;
using BlazorSession.LoadTest.Timeline;

namespace BlazorSession.Tests.LoadTest;

public class TimelineTests
{
    // Below 2,048 µs the histograms (3 significant digits) hold every microsecond exactly.
    private static readonly TimeSpan Ms = TimeSpan.FromMilliseconds(1);

    [Fact]
    public void P99Milliseconds_IsThe99thPercentileOfEveryWindowMerged()
    {
        // 99 fast steps in one window and one slow step in the next: the p99 of both together is a fast one, the
        // slow one alone is the second window's p99.
        var first = WindowLatencies.Of([.. Enumerable.Repeat(1 * Ms, 99)]);
        var second = WindowLatencies.Of(2 * Ms);

        Assert.Equal(1, WindowLatencies.P99Milliseconds([first, second]));
        Assert.Equal(2, WindowLatencies.P99Milliseconds([second]));
        Assert.Null(WindowLatencies.P99Milliseconds([WindowLatencies.Of()]));
    }

    [Fact]
    public void DriftReport_ComparesTheLastSixthOfTheRunWithTheSecondSixth()
    {
        // 30 minutes in 10-second windows: setUsername takes 1 ms in minutes 5 to 10 and 1.5 ms in the last 5; the
        // heap is 100 MB at minute 5 and 103 MB at the end. The first minutes (slower, smaller) do not count.
        var samples = Enumerable.Range(1, 180).Select(window =>
        {
            var seconds = window * 10.0;
            var latency = seconds switch { <= 300 => 2 * Ms, > 1500 => 1.5 * Ms, _ => 1 * Ms };
            var managed = seconds switch { <= 290 => 50_000_000L, 300 => 100_000_000L, 1800 => 103_000_000L, _ => 101_000_000L };
            return Sample(seconds, "hold", managed, latency);
        }).Append(Sample(1900, "settle", 1, 2 * Ms)).ToList();

        var drift = DriftReport.From(samples)!;

        Assert.Equal((300, 600, 1500, 1800), (drift.ReferenceFromSeconds, drift.ReferenceToSeconds, drift.LateFromSeconds, drift.LateToSeconds));
        var step = Assert.Single(drift.Steps);
        Assert.Equal((StepNames.SetUsername, 1, 1.5, 1.5), (step.Name, step.ReferenceP99, step.LateP99, step.P99Ratio));
        Assert.Equal((100_000_000L, 103_000_000L, 1.03), (drift.ManagedBytesAtReferenceStart, drift.ManagedBytesAtEnd, drift.ManagedBytesRatio));
    }

    [Fact]
    public void DriftReport_IsLeftOut_WhenTheRunIsTooShortToCompareSpans() =>
        Assert.Null(DriftReport.From([.. Enumerable.Range(1, 6).Select(window => Sample(window * 10.0, "hold", 1, Ms))]));

    private static TimelineSample Sample(double seconds, string phase, long managedBytes, TimeSpan setUsername) =>
        new(new TimelineEntry(seconds, phase, managedBytes, null, null, null, null, 0, 1, new Dictionary<string, double>()),
            new LatencyWindow(new Dictionary<string, WindowLatencies>
            {
                [StepNames.SetUsername] = WindowLatencies.Of(setUsername),
                [StepNames.Leave] = WindowLatencies.Of(),
            }));
}
