using HdrHistogram;

namespace BlazorSession.LoadTest.Timeline;

/// <summary>
/// One step's latencies over one timeline window, kept as the histogram's non-empty buckets: a few hundred entries
/// instead of a full histogram, so every window of an hours-long run can be kept, and windows merge exactly into the
/// latency of any span of the run.
/// </summary>
internal sealed class WindowLatencies
{
    private static readonly long HighestMicroseconds = (long)TimeSpan.FromMinutes(10).TotalMicroseconds;

    private readonly (long Microseconds, long Count)[] _buckets;

    private WindowLatencies((long Microseconds, long Count)[] buckets)
    {
        _buckets = buckets;
        Count = buckets.Sum(bucket => bucket.Count);
    }

    public long Count { get; }

    public static WindowLatencies From(HistogramBase histogram) =>
        new([.. histogram.RecordedValues().Select(value => (value.ValueIteratedTo, value.CountAtValueIteratedTo))]);

    /// <summary>For tests: a window holding exactly these latencies.</summary>
    public static WindowLatencies Of(params TimeSpan[] latencies)
    {
        var histogram = new LongHistogram(1, HighestMicroseconds, 3);
        foreach (var latency in latencies)
        {
            histogram.RecordValue((long)latency.TotalMicroseconds);
        }

        return From(histogram);
    }

    /// <summary>The 99th percentile in milliseconds over all the windows given; null when they hold no sample.</summary>
    public static double? P99Milliseconds(IEnumerable<WindowLatencies> windows)
    {
        var merged = new LongHistogram(1, HighestMicroseconds, 3);
        foreach (var window in windows)
        {
            foreach (var (microseconds, count) in window._buckets)
            {
                merged.RecordValueWithCount(microseconds, count);
            }
        }

        return merged.TotalCount == 0 ? null : Math.Round(merged.GetValueAtPercentile(99) / 1000.0, 2);
    }
}

/// <summary>Every step's latencies over one timeline window, by step name.</summary>
internal sealed record LatencyWindow(IReadOnlyDictionary<string, WindowLatencies> Steps);
