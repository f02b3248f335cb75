using System.Globalization;

namespace BlazorSession.LoadTest;

/// <param name="Url">The app's base address.</param>
/// <param name="Circuits">Simulated users, one circuit each.</param>
/// <param name="Rate">Journey steps per second per circuit once it has started; 0 holds the circuits idle.</param>
/// <param name="Duration">How long the circuits are held (and stepping) after the last one has started.</param>
/// <param name="ServerProcessId">The server's process, for its RSS and CPU.</param>
/// <param name="JsonPath">Where to write the report.</param>
/// <param name="RampRate">Circuits started per second.</param>
/// <param name="StepTimeout">A step that takes longer is counted as a timeout error.</param>
/// <param name="Warmup">
/// Users run through the start of the journey (start, save, show) and closed before anything is measured, so the
/// figures describe a server that has served before rather than its first requests (JIT, first-use caches).
/// </param>
public sealed record LoadTestOptions(
    Uri Url,
    int Circuits,
    double Rate,
    TimeSpan Duration,
    int? ServerProcessId = null,
    string? JsonPath = null,
    double RampRate = 100,
    TimeSpan? StepTimeout = null,
    int Warmup = 0)
{
    public const string Usage =
        "usage: BlazorSession.LoadTest --url URL --circuits N --rate R --duration SECONDS [--server-pid PID] [--json FILE]" +
        " [--ramp CIRCUITS_PER_SECOND] [--step-timeout SECONDS] [--warmup USERS]";

    public TimeSpan EffectiveStepTimeout => StepTimeout ?? TimeSpan.FromSeconds(30);

    public static LoadTestOptions Parse(IReadOnlyList<string> args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Count)
            {
                throw new ArgumentException($"Expected --name value pairs, got '{args[i]}'.{Environment.NewLine}{Usage}");
            }

            values[args[i][2..]] = args[i + 1];
        }

        string Required(string name) =>
            values.TryGetValue(name, out var value) ? value : throw new ArgumentException($"--{name} is required.{Environment.NewLine}{Usage}");
        double? Number(string name) =>
            values.TryGetValue(name, out var value) ? double.Parse(value, CultureInfo.InvariantCulture) : null;

        var url = Required("url");
        var options = new LoadTestOptions(
            new Uri(url.EndsWith('/') ? url : url + "/"),
            int.Parse(Required("circuits"), CultureInfo.InvariantCulture),
            double.Parse(Required("rate"), CultureInfo.InvariantCulture),
            TimeSpan.FromSeconds(double.Parse(Required("duration"), CultureInfo.InvariantCulture)),
            values.TryGetValue("server-pid", out var pid) ? int.Parse(pid, CultureInfo.InvariantCulture) : null,
            values.GetValueOrDefault("json"),
            Number("ramp") ?? 100,
            Number("step-timeout") is { } seconds ? TimeSpan.FromSeconds(seconds) : null,
            values.TryGetValue("warmup", out var warmup) ? int.Parse(warmup, CultureInfo.InvariantCulture) : 0);
        var unknown = values.Keys.Except(["url", "circuits", "rate", "duration", "server-pid", "json", "ramp", "step-timeout", "warmup"]).ToList();
        return unknown.Count == 0
            ? options
            : throw new ArgumentException($"Unknown option(s): {string.Join(", ", unknown)}.{Environment.NewLine}{Usage}");
    }
}
