using System.Globalization;
using System.Text;
using BlazorSession.Bench.Journey;
using Spectre.Console;

namespace BlazorSession.Bench.Reporting;

internal sealed record TextTable(string Title, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows);

/// <summary>The report as tables, rendered once for the console and once as Markdown beside the JSON report.</summary>
internal static class ReportTables
{
    public static IReadOnlyList<TextTable> Build(BenchReport report)
    {
        var tables = new List<TextTable>();
        if (report.Steps.Count > 0)
        {
            tables.Add(Journey(report));
        }

        if (report.LoadPhases.Count > 0)
        {
            tables.Add(LoadPhases(report));
        }

        if (report.SaveTraffic.Count > 0)
        {
            tables.Add(SaveTraffic(report));
        }

        if (report.Storage.Count > 0)
        {
            tables.Add(new TextTable("Server-side cost of the storage path (BenchmarkDotNet)",
                ["operation", "mean", "median", "allocated"],
                [.. report.Storage.Select(result => (IReadOnlyList<string>)
                    [result.Operation, FormatNanoseconds(result.MeanNanoseconds), FormatNanoseconds(result.MedianNanoseconds),
                        result.AllocatedBytes is { } bytes ? $"{bytes} B" : "?"])]));
        }

        return tables;
    }

    public static void WriteToConsole(IEnumerable<TextTable> tables)
    {
        foreach (var text in tables)
        {
            var table = new Table().Title(Markup.Escape(text.Title)).Border(TableBorder.Rounded);
            foreach (var header in text.Headers)
            {
                table.AddColumn(new TableColumn(Markup.Escape(header)).RightAligned());
            }

            table.Columns[0].LeftAligned();
            foreach (var row in text.Rows)
            {
                table.AddRow([.. row.Select(Markup.Escape)]);
            }

            AnsiConsole.Write(table);
        }
    }

    /// <summary>The run (when, where, the command) and its tables, as bench/README.md quotes them.</summary>
    public static string ToMarkdown(BenchReport report, IEnumerable<TextTable> tables)
    {
        var markdown = new StringBuilder();
        markdown.Append(CultureInfo.InvariantCulture,
            $"Run {report.StartedAt:yyyy-MM-dd HH:mm} UTC at `{report.Commit}` on {report.Machine}.\n\n```\n{report.Command}\n```\n\n");
        foreach (var table in tables)
        {
            markdown.Append(CultureInfo.InvariantCulture, $"**{table.Title}**\n\n");
            markdown.Append(CultureInfo.InvariantCulture, $"| {string.Join(" | ", table.Headers)} |\n");
            markdown.Append(CultureInfo.InvariantCulture, $"|{string.Concat(table.Headers.Select((_, i) => i == 0 ? "---|" : "---:|"))}\n");
            foreach (var row in table.Rows)
            {
                markdown.Append(CultureInfo.InvariantCulture, $"| {string.Join(" | ", row)} |\n");
            }

            markdown.Append('\n');
        }

        return markdown.ToString();
    }

    private static TextTable Journey(BenchReport report)
    {
        var blazorApps = report.Apps.Where(app => app != Servers.AppUnderTest.FlaskName).ToList();
        var headers = new List<string> { "step (ms)" };
        headers.AddRange(report.Apps.SelectMany(app => new[] { $"{app} p50", $"{app} p95" }));
        headers.AddRange(blazorApps.SelectMany(app => new[] { $"{app}/flask p50", $"{app}/flask p95" }));
        headers.AddRange(blazorApps.Skip(1).Select(baseline => $"ours/{baseline} p50"));

        var rows = new List<IReadOnlyList<string>>();
        foreach (var step in Steps.All.Where(report.Steps.ContainsKey))
        {
            var byApp = report.Steps[step];
            var row = new List<string> { step };
            row.AddRange(report.Apps.SelectMany(app => new[] { FormatMilliseconds(byApp[app].P50), FormatMilliseconds(byApp[app].P95) }));
            var flask = byApp[Servers.AppUnderTest.FlaskName];
            row.AddRange(blazorApps.SelectMany(app => new[] { Ratio(byApp[app].P50, flask.P50), Ratio(byApp[app].P95, flask.P95) }));
            row.AddRange(blazorApps.Skip(1).Select(baseline => Ratio(byApp[blazorApps[0]].P50, byApp[baseline].P50)));

            rows.Add(row);
        }

        var title = $"Journey timed in the page: p50/p95 over {report.Iterations} interleaved iterations after {report.Warmup} warm-up";
        return new TextTable(title, headers, rows);
    }

    /// <summary>One row per milestone, with the first load and the reload of each app side by side.</summary>
    private static TextTable LoadPhases(BenchReport report)
    {
        var apps = report.LoadPhases.Keys.ToList();
        string[] loads = ["load", "reload"];
        var milestones = apps.SelectMany(app => report.LoadPhases[app].Keys)
            .Select(phase => phase[(phase.IndexOf('.', StringComparison.Ordinal) + 1)..]).Distinct().ToList();
        return new TextTable("Where a load goes: p50 ms from navigation start (*_kb: KiB)",
            ["milestone", .. apps.SelectMany(app => loads.Select(load => $"{app} {load}"))],
            [.. milestones.Select(milestone => (IReadOnlyList<string>)
                [milestone, .. apps.SelectMany(app => loads.Select(load =>
                    report.LoadPhases[app].TryGetValue($"{load}.{milestone}", out var ms) ? FormatMilliseconds(ms) : "-"))])]);
    }

    private static TextTable SaveTraffic(BenchReport report)
    {
        var apps = report.SaveTraffic.Keys.ToList();
        // A message whose median is 0 for every app (the probe counts StartCircuit, for one) says nothing about a save.
        var messages = apps.SelectMany(app => report.SaveTraffic[app].Where(message => message.Value > 0).Select(message => message.Key))
            .Distinct().Order(StringComparer.Ordinal).ToList();
        return new TextTable("Circuit messages per save (median): JS.BeginInvokeJS = interop round trips, JS.RenderBatch = render batches",
            ["message", .. apps],
            [.. messages.Select(message => (IReadOnlyList<string>)
                [message, .. apps.Select(app => report.SaveTraffic[app].TryGetValue(message, out var n) ? n.ToString("0.#", CultureInfo.InvariantCulture) : "0")])]);
    }

    private static string FormatMilliseconds(double ms) => ms.ToString(ms < 10 ? "0.0" : "0", CultureInfo.InvariantCulture);

    private static string FormatNanoseconds(double ns) =>
        ns < 1000 ? ns.ToString("0.0 'ns'", CultureInfo.InvariantCulture) : (ns / 1000).ToString("0.00 'µs'", CultureInfo.InvariantCulture);

    private static string Ratio(double ours, double theirs) => (ours / theirs).ToString("0.00", CultureInfo.InvariantCulture);
}
