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
/// <param name="Churn">
/// When set, circuits come and go: each user lives for a time drawn around this mean, then leaves (half cleanly,
/// half dropping the connection without a close) and a new user takes its place, so <paramref name="Circuits"/>
/// stays the number live at once. Without it every user lives for the whole run.
/// </param>
/// <param name="Lifetimes">
/// With <paramref name="Churn"/>: the run ends once this many lifetimes have started and ended (the duration is
/// then an upper bound). Without it users are replaced until the duration has passed.
/// </param>
/// <param name="Settle">
/// After the last user has left, how long to keep sampling the server while waiting for it to count no open
/// circuit (disconnected ones are retained for a while); the wait ends as soon as it does.
/// </param>
/// <param name="TimelineInterval">How often the server is sampled for the report's timeline.</param>
/// <param name="CartLines">
/// Products each user puts in its cart (one of each, up to four) after its first steps and before it rests or steps
/// on, to measure what a cart costs a circuit; 0 leaves the cart empty.
/// </param>
/// <param name="Journey">The steps each user takes (<see cref="LoadTest.Journey"/>).</param>
/// <param name="MaxErrors">
/// The run stops once this many steps have failed (no more users start, the hold ends, no settling), so an app that
/// fails every step fails the run in seconds instead of running out its duration. Null: never stop for errors.
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
    int Warmup = 0,
    TimeSpan? Churn = null,
    int? Lifetimes = null,
    TimeSpan Settle = default,
    TimeSpan? TimelineInterval = null,
    int CartLines = 0,
    int? MaxErrors = null,
    Journey Journey = Journey.Full)
{
    public const string Usage =
        "usage: BlazorSession.LoadTest --url URL --circuits N --rate R --duration SECONDS [--server-pid PID] [--json FILE]" +
        " [--ramp CIRCUITS_PER_SECOND] [--step-timeout SECONDS] [--warmup USERS]" +
        " [--churn LIFETIME_SECONDS [--lifetimes N]] [--settle SECONDS] [--cart-lines 0-4] [--max-errors N] [--journey full|tutorial]";

    public TimeSpan EffectiveStepTimeout => StepTimeout ?? TimeSpan.FromSeconds(30);

    public TimeSpan EffectiveTimelineInterval => TimelineInterval ?? TimeSpan.FromSeconds(10);

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
            values.TryGetValue("warmup", out var warmup) ? int.Parse(warmup, CultureInfo.InvariantCulture) : 0,
            Number("churn") is { } lifetime ? TimeSpan.FromSeconds(lifetime) : null,
            values.TryGetValue("lifetimes", out var lifetimes) ? int.Parse(lifetimes, CultureInfo.InvariantCulture) : null,
            TimeSpan.FromSeconds(Number("settle") ?? 0),
            CartLines: values.TryGetValue("cart-lines", out var lines) ? int.Parse(lines, CultureInfo.InvariantCulture) : 0,
            MaxErrors: values.TryGetValue("max-errors", out var maxErrors) ? int.Parse(maxErrors, CultureInfo.InvariantCulture) : null,
            Journey: values.TryGetValue("journey", out var journey) ? ParseJourney(journey) : Journey.Full);
        var unknown = values.Keys.Except(
            ["url", "circuits", "rate", "duration", "server-pid", "json", "ramp", "step-timeout", "warmup", "churn", "lifetimes", "settle", "cart-lines", "max-errors", "journey"]).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException($"Unknown option(s): {string.Join(", ", unknown)}.{Environment.NewLine}{Usage}");
        }

        return options switch
        {
            { Churn: { } mean } when mean <= TimeSpan.Zero =>
                throw new ArgumentException($"--churn must be a positive number of seconds.{Environment.NewLine}{Usage}"),
            { CartLines: < 0 or > SimulatedUser.CatalogSize } =>
                throw new ArgumentException($"--cart-lines must be 0 to {SimulatedUser.CatalogSize}.{Environment.NewLine}{Usage}"),
            { MaxErrors: < 1 } =>
                throw new ArgumentException($"--max-errors must be at least 1.{Environment.NewLine}{Usage}"),
            { Journey: Journey.Tutorial, CartLines: > 0 } =>
                throw new ArgumentException($"--cart-lines needs the full journey (the tutorial's has no cart).{Environment.NewLine}{Usage}"),
            { Lifetimes: not null, Churn: null } =>
                throw new ArgumentException($"--lifetimes needs --churn.{Environment.NewLine}{Usage}"),
            _ => options,
        };
    }

    private static Journey ParseJourney(string value) => value switch
    {
        "full" => Journey.Full,
        "tutorial" => Journey.Tutorial,
        _ => throw new ArgumentException($"--journey must be full or tutorial, not '{value}'.{Environment.NewLine}{Usage}"),
    };
}
