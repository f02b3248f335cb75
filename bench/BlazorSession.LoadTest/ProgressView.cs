using System.Globalization;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace BlazorSession.LoadTest;

/// <summary>The console display: a live table on a terminal, a line every few seconds in a log.</summary>
internal static class ProgressView
{
    private static DateTime _lastLine = DateTime.MinValue;

    public static IRenderable Table(LoadProgress progress) =>
        new Table()
            .AddColumns("Phase", "Elapsed", "Circuits connected", "Circuits started", "Steps", "Errors")
            .AddRow(
                progress.Phase,
                progress.Elapsed.ToString(@"hh\:mm\:ss", CultureInfo.InvariantCulture),
                $"{progress.CircuitsConnected:N0} / {progress.CircuitsRequested:N0}",
                progress.LifetimesStarted.ToString("N0", CultureInfo.InvariantCulture),
                progress.StepsCompleted.ToString("N0", CultureInfo.InvariantCulture),
                progress.Errors.ToString("N0", CultureInfo.InvariantCulture));

    public static void WriteLine(LoadProgress progress)
    {
        if (DateTime.UtcNow - _lastLine < TimeSpan.FromSeconds(5) && progress.Phase != "done")
        {
            return;
        }

        _lastLine = DateTime.UtcNow;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"[{progress.Elapsed:hh\\:mm\\:ss}] {progress.Phase}: {progress.CircuitsConnected}/{progress.CircuitsRequested} connected, {progress.LifetimesStarted} started, {progress.StepsCompleted} steps, {progress.Errors} errors"));
    }

    public static IRenderable Summary(LoadReport report)
    {
        var lines = new List<IRenderable>
        {
            new Markup($"Circuits connected: [bold]{report.CircuitsConnected:N0}[/] of {report.CircuitsRequested:N0}, errors: [bold]{report.Errors.Total:N0}[/]"),
            new Text("The whole run:"),
            StepTable(report.Steps),
            new Text("The hold (steps started after every circuit had started):"),
            StepTable(report.HoldSteps),
        };
        lines.AddRange(report.Errors.ByKind.Select(error => new Text($"  {error.Key}: {error.Value:N0}")));
        lines.Add(new Text(string.Create(CultureInfo.InvariantCulture,
            $"Server per circuit: managed {report.ServerManagedBytesPerCircuit?.ToString("N0", CultureInfo.InvariantCulture) ?? "n/a"} B, RSS {report.ServerRssBytesPerCircuit?.ToString("N0", CultureInfo.InvariantCulture) ?? "n/a"} B; " +
            $"CPU server {Cpu(report.Server.Cpu)}, generator {Cpu(report.Generator)}")));
        if (report.AfterRun is { } after)
        {
            lines.Add(new Text(string.Create(CultureInfo.InvariantCulture,
                $"After the run ({after.SecondsWaited:N0} s): {after.OpenCircuits} circuits open, managed {after.ManagedBytes:N0} B, {after.ManagedBytesGrowth:N0} B from the start")));
        }

        if (report.Drift is { } drift)
        {
            lines.Add(new Text(string.Create(CultureInfo.InvariantCulture,
                $"Drift (last sixth vs second sixth): managed x{drift.ManagedBytesRatio}; p99 {string.Join(", ", drift.Steps.Select(step => string.Create(CultureInfo.InvariantCulture, $"{step.Name} x{step.P99Ratio}")))}")));
        }

        return new Rows(lines);
    }

    private static Table StepTable(IEnumerable<StepReport> reports)
    {
        var table = new Table().AddColumns("Step", "Count", "p50 ms", "p95 ms", "p99 ms", "max ms");
        foreach (var step in reports)
        {
            table.AddRow(step.Name, N(step.Count), N(step.P50), N(step.P95), N(step.P99), N(step.Max));
        }

        return table;
    }

    private static string N(double value) => value.ToString("N2", CultureInfo.InvariantCulture);

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    // "0.69 cores, 0.71 ms/step, GC paused 6.0%": the figures an app's CPU per step and stalls compare by.
    private static string Cpu(ProcessCpuReport? cpu) => cpu is null
        ? "n/a"
        : string.Create(CultureInfo.InvariantCulture,
            $"{cpu.AverageCores} cores, {cpu.CpuMillisecondsPerStep?.ToString("0.###", CultureInfo.InvariantCulture) ?? "n/a"} ms/step, GC paused {cpu.GcPauseShare?.ToString("0.0%", CultureInfo.InvariantCulture) ?? "n/a"}");
}
