using System.Text.Json;
using BlazorSession.Bench;
using BlazorSession.Bench.Journey;
using BlazorSession.Bench.Reporting;
using BlazorSession.Bench.Servers;
using BlazorSession.Bench.Storage;
using Spectre.Console;

var options = BenchOptions.Parse(args);
if (Console.IsOutputRedirected)
{
    // Spectre.Console assumes 80 columns when it cannot ask a terminal; the tables need more.
    AnsiConsole.Profile.Width = 200;
}

var paths = RepositoryPaths.Find();
Directory.CreateDirectory(paths.ArtifactsDirectory);
var startedAt = DateTimeOffset.UtcNow;
var commit = await ChildProcess.ReadAsync("git", ["describe", "--always", "--dirty"], paths.Root);

var journey = options.Journey ? await JourneyBench.RunAsync(options, paths) : JourneyResults.None;
var storage = options.Storage ? StorageBench.Run(paths) : [];

var report = new BenchReport
{
    StartedAt = startedAt,
    Command = string.Join(' ', ["dotnet run -c Release --project bench/BlazorSession.Bench --", .. args]),
    Machine = $"{Environment.ProcessorCount} cores, load average at the end {string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ')[..3])}",
    Commit = commit,
    Iterations = options.Iterations,
    Warmup = options.Warmup,
    Baselines = options.Baselines,
    Apps = journey.Apps,
    Steps = JourneyBench.Summarize(journey),
    LoadPhases = JourneyBench.Medians(journey, sample => sample.Phases, ms => ms),
    SaveTraffic = JourneyBench.Medians(journey, sample => sample.SaveTraffic, count => count),
    Storage = storage,
    Samples = JourneyBench.Samples(journey),
};

var tables = ReportTables.Build(report);
ReportTables.WriteToConsole(tables);

// A run goes to bench/artifacts (ignored by git) unless --output names a file; bench/results holds only the runs a
// document cites. The Markdown beside the JSON is what bench/README.md's figures are copied from.
var outputPath = options.OutputPath ?? Path.Combine(paths.ArtifactsDirectory, "journey.json");
var markdownPath = Path.ChangeExtension(outputPath, ".md");
Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(outputPath))!);
await File.WriteAllTextAsync(outputPath, JsonSerializer.Serialize(report, ReportJson.Options));
await File.WriteAllTextAsync(markdownPath, ReportTables.ToMarkdown(report, tables));
AnsiConsole.MarkupLine($"JSON: [bold]{Markup.Escape(outputPath)}[/], tables: [bold]{Markup.Escape(markdownPath)}[/]");
