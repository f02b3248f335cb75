using BlazorSession.Bench.Reporting;
using BlazorSession.Bench.Servers;
using BlazorSession.Tests.Infrastructure;
using Microsoft.Playwright;
using Spectre.Console;

namespace BlazorSession.Bench.Journey;

/// <summary>The journey's results per app, in the app order of the table.</summary>
internal sealed record JourneyResults(IReadOnlyList<string> Apps, IReadOnlyDictionary<string, List<JourneySample>> Samples)
{
    public static JourneyResults None { get; } = new([], new Dictionary<string, List<JourneySample>>());
}

/// <summary>
/// Starts every app, gives each its own Chromium (a page that is not in front is throttled), and runs the journey
/// interleaved: every round runs each app once, alternating the order, so drifts in the shared machine's load
/// fall on all apps alike.
/// </summary>
internal static class JourneyBench
{
    public static async Task<JourneyResults> RunAsync(BenchOptions options, RepositoryPaths paths)
    {
        await AppsUnderTest.RequireFlaskAsync(paths);

        var apps = new List<AppUnderTest>();
        var browsers = new List<IBrowser>();
        using var playwright = await Playwright.CreateAsync();
        try
        {
            var samples = new Dictionary<string, List<JourneySample>>();
            await AnsiConsole.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
                .StartAsync(async progress =>
                {
                    var starting = progress.AddTask("publish (Release) and start the apps", maxValue: 2 + options.Baselines.Count);
                    apps.Add(await AppsUnderTest.StartBlazorAsync("ours", paths.Root, paths, options.AppSettings));
                    starting.Increment(1);
                    foreach (var baseline in options.Baselines)
                    {
                        var source = await AppsUnderTest.ExportRevisionAsync(baseline, paths);
                        apps.Add(await AppsUnderTest.StartBlazorAsync($"ours@{baseline}", source, paths));
                        starting.Increment(1);
                    }

                    apps.Add(await AppsUnderTest.StartFlaskAsync(paths));
                    starting.Increment(1);

                    var runners = new List<JourneyRunner>();
                    foreach (var app in apps)
                    {
                        var browser = await Chromium.LaunchAsync(playwright, options.BrowserArguments, asPeopleHaveIt: true);
                        browsers.Add(browser);
                        runners.Add(new JourneyRunner(browser, app));
                        samples[app.Name] = [];
                    }

                    var warmup = progress.AddTask("warm-up journeys (not counted)", maxValue: Math.Max(1, options.Warmup * runners.Count));
                    var measured = progress.AddTask("timed journeys", maxValue: options.Iterations * runners.Count);
                    for (var round = 0; round < options.Warmup + options.Iterations; round++)
                    {
                        var counted = round >= options.Warmup;
                        var order = round % 2 == 0 ? runners : Enumerable.Reverse(runners);
                        foreach (var runner in order)
                        {
                            var sample = await runner.RunAsync($"bench{round}");
                            if (counted)
                            {
                                samples[runner.App.Name].Add(sample);
                            }

                            (counted ? measured : warmup).Increment(1);
                        }
                    }

                    warmup.Value = warmup.MaxValue;
                });

            return new JourneyResults([.. apps.Select(app => app.Name)], samples);
        }
        finally
        {
            foreach (var browser in browsers)
            {
                await browser.CloseAsync();
            }

            foreach (var app in apps)
            {
                await app.Server.DisposeAsync();
            }
        }
    }

    /// <summary>Step → app → the samples taken, in milliseconds (empty when the journey did not run).</summary>
    public static IReadOnlyDictionary<string, IReadOnlyDictionary<string, IReadOnlyList<double>>> Samples(JourneyResults results) =>
        results.Apps.Count == 0
            ? new Dictionary<string, IReadOnlyDictionary<string, IReadOnlyList<double>>>()
            : Steps.All.ToDictionary(step => step, step => (IReadOnlyDictionary<string, IReadOnlyList<double>>)results.Apps.ToDictionary(
                app => app, app => (IReadOnlyList<double>)[.. results.Samples[app].Select(sample => sample.Steps[step])]));

    public static IReadOnlyDictionary<string, IReadOnlyDictionary<string, Percentiles>> Summarize(JourneyResults results) =>
        Samples(results).ToDictionary(step => step.Key, step => (IReadOnlyDictionary<string, Percentiles>)step.Value.ToDictionary(
            app => app.Key, app => Percentiles.Of([.. app.Value])));

    /// <summary>Median of each numeric measure, per app that recorded any (Flask has no circuit traffic).</summary>
    public static IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> Medians<T>(JourneyResults results,
        Func<JourneySample, IReadOnlyDictionary<string, T>> measures, Func<T, double> toDouble) =>
        results.Apps
            .Where(app => results.Samples[app].Any(sample => measures(sample).Count > 0))
            .ToDictionary(app => app, app => (IReadOnlyDictionary<string, double>)results.Samples[app]
                .SelectMany(sample => measures(sample).Select(measure => (measure.Key, Value: toDouble(measure.Value))))
                .GroupBy(measure => measure.Key)
                .ToDictionary(group => group.Key, group => Percentiles.Of([.. group.Select(measure => measure.Value)]).P50));
}
