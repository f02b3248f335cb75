using System.Globalization;

namespace BlazorSession.Bench.Reporting;

/// <summary>Replaces the part of <c>bench/README.md</c> between the results markers with the latest run.</summary>
internal static class ReadmeResults
{
    private const string Start = "<!-- results:start -->";
    private const string End = "<!-- results:end -->";

    public static bool TryUpdate(string readmePath, BenchReport report, IEnumerable<TextTable> tables)
    {
        if (!File.Exists(readmePath))
        {
            return false;
        }

        var readme = File.ReadAllText(readmePath);
        var start = readme.IndexOf(Start, StringComparison.Ordinal);
        var end = readme.IndexOf(End, StringComparison.Ordinal);
        if (start < 0 || end < start)
        {
            return false;
        }

        var results = string.Create(CultureInfo.InvariantCulture,
            $"{Start}\nRun {report.StartedAt:yyyy-MM-dd HH:mm} UTC at `{report.Commit}` on {report.Machine}.\n\n"
            + $"```\n{report.Command}\n```\n\n{ReportTables.ToMarkdown(tables)}");
        File.WriteAllText(readmePath, readme[..start] + results + readme[end..]);
        return true;
    }
}
