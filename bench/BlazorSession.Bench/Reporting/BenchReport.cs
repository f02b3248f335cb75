namespace BlazorSession.Bench.Reporting;

internal sealed record Percentiles(double P50, double P95, int Count)
{
    /// <summary>Linear interpolation between closest ranks (the "type 7" estimator of R and NumPy).</summary>
    public static Percentiles Of(IReadOnlyCollection<double> samples)
    {
        var sorted = samples.Order().ToArray();
        return new Percentiles(At(sorted, 0.50), At(sorted, 0.95), sorted.Length);
    }

    private static double At(double[] sorted, double quantile)
    {
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        var position = quantile * (sorted.Length - 1);
        var below = (int)Math.Floor(position);
        var above = Math.Min(below + 1, sorted.Length - 1);
        return sorted[below] + ((position - below) * (sorted[above] - sorted[below]));
    }
}

internal sealed record StorageResult(string Operation, double MeanNanoseconds, double MedianNanoseconds, long? AllocatedBytes);

/// <summary>Everything one run measured; written as JSON and rendered as tables for the console and as Markdown.</summary>
internal sealed record BenchReport
{
    public required DateTimeOffset StartedAt { get; init; }

    public required string Command { get; init; }

    public required string Machine { get; init; }

    public required string Commit { get; init; }

    public required int Iterations { get; init; }

    public required int Warmup { get; init; }

    public required IReadOnlyList<string> Baselines { get; init; }

    /// <summary>Apps in table order: ours, the baselines in the order given, then Flask.</summary>
    public required IReadOnlyList<string> Apps { get; init; }

    /// <summary>Step → app → p50/p95 in milliseconds.</summary>
    public required IReadOnlyDictionary<string, IReadOnlyDictionary<string, Percentiles>> Steps { get; init; }

    /// <summary>Blazor app → milestone of the first load → median milliseconds from navigation start.</summary>
    public required IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> LoadPhases { get; init; }

    /// <summary>Blazor app → circuit message (direction:name) → median count per save.</summary>
    public required IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> SaveTraffic { get; init; }

    public required IReadOnlyList<StorageResult> Storage { get; init; }

    /// <summary>Step → app → every sample in milliseconds, in the order taken.</summary>
    public required IReadOnlyDictionary<string, IReadOnlyDictionary<string, IReadOnlyList<double>>> Samples { get; init; }
}
