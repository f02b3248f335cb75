using System.Globalization;

namespace BlazorSession.Bench;

/// <summary>What one run does; see <c>bench/README.md</c> for the command line.</summary>
internal sealed record BenchOptions
{
    public int Iterations { get; init; } = 20;

    public int Warmup { get; init; } = 3;

    /// <summary>Git refs of this repository to publish and run beside the working tree, for before/after figures.</summary>
    public IReadOnlyList<string> Baselines { get; init; } = [];

    /// <summary>
    /// Extra Chromium switches for every browser of the run, for diagnostics only (e.g. to show what a browser
    /// feature costs); the figures to quote come from runs without any.
    /// </summary>
    public IReadOnlyList<string> BrowserArguments { get; init; } = [];

    /// <summary>
    /// Environment variables for the working tree's app only (<c>--app-env NAME=VALUE</c>), so that a setting can be
    /// measured against the same code without it (<c>--baseline HEAD</c>), e.g. <c>Metrics__Prometheus=true</c>.
    /// </summary>
    public IReadOnlyDictionary<string, string> AppSettings { get; init; } = new Dictionary<string, string>();

    public bool Journey { get; init; } = true;

    public bool Storage { get; init; } = true;

    /// <summary>The JSON report; the same tables as Markdown go beside it, with <c>.md</c> for its extension.</summary>
    public string? OutputPath { get; init; }

    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        var options = new BenchOptions();
        for (var i = 0; i < args.Count; i++)
        {
            options = args[i] switch
            {
                "--iterations" => options with { Iterations = ParseCount(args, ++i) },
                "--warmup" => options with { Warmup = ParseCount(args, ++i) },
                "--baseline" => options with { Baselines = [.. options.Baselines, ValueAt(args, ++i)] },
                "--browser-arg" => options with { BrowserArguments = [.. options.BrowserArguments, ValueAt(args, ++i)] },
                "--app-env" => options with { AppSettings = WithSetting(options.AppSettings, ValueAt(args, ++i)) },
                "--output" => options with { OutputPath = ValueAt(args, ++i) },
                "--no-journey" => options with { Journey = false },
                "--no-storage" => options with { Storage = false },
                var unknown => throw new ArgumentException(
                    $"Unknown option '{unknown}'. Options: --iterations N, --warmup N, --baseline GIT_REF (repeatable), --output FILE, "
                    + "--browser-arg SWITCH (repeatable), --app-env NAME=VALUE (repeatable), "
                    + "--no-journey, --no-storage."),
            };
        }

        return options.Iterations > 0 ? options : throw new ArgumentException("--iterations must be at least 1.");
    }

    private static Dictionary<string, string> WithSetting(IReadOnlyDictionary<string, string> settings, string setting)
    {
        var separator = setting.IndexOf('=', StringComparison.Ordinal);
        if (separator <= 0)
        {
            throw new ArgumentException($"--app-env needs NAME=VALUE, got '{setting}'.");
        }

        return new Dictionary<string, string>(settings) { [setting[..separator]] = setting[(separator + 1)..] };
    }

    private static string ValueAt(IReadOnlyList<string> args, int index) =>
        index < args.Count ? args[index] : throw new ArgumentException($"{args[index - 1]} needs a value.");

    private static int ParseCount(IReadOnlyList<string> args, int index) =>
        int.TryParse(ValueAt(args, index), NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            ? count
            : throw new ArgumentException($"{args[index - 1]} needs a whole number.");
}
