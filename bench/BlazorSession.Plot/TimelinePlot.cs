using ScottPlot;

namespace BlazorSession.Plot;

/// <summary>
/// Two panels sharing the time axis, in minutes: the managed heap after collection and the RSS (MB, left) with the
/// circuits the server holds (right), and below, each step's p99 per timeline window. A leak shows as a heap line
/// that keeps climbing while the circuits stay level; slowing down as p99 lines that climb.
/// </summary>
internal static class TimelinePlot
{
    private const int Width = 1200;
    private const int Height = 900;
    private const double Megabyte = 1024 * 1024;

    public static void Save(TimelineFile timeline, string title, string pngPath)
    {
        var minutes = timeline.Entries.Select(entry => entry.Seconds / 60).ToArray();
        var multiplot = new Multiplot();
        multiplot.AddPlots(2);
        DrawMemory(multiplot.GetPlot(0), timeline, minutes, title);
        DrawLatency(multiplot.GetPlot(1), timeline, minutes);
        multiplot.SharedAxes.ShareX([multiplot.GetPlot(0), multiplot.GetPlot(1)]);
        multiplot.SavePng(pngPath, Width, Height);
    }

    private static void DrawMemory(ScottPlot.Plot plot, TimelineFile timeline, double[] minutes, string title)
    {
        AddLine(plot, minutes, timeline.Entries.Select(entry => entry.ManagedBytesAfterCollection / Megabyte),
            "managed heap after collection (MB)");
        AddLine(plot, minutes, timeline.Entries.Select(entry => entry.RssBytes / Megabyte), "RSS (MB)");
        var circuits = AddLine(plot, minutes, timeline.Entries.Select(entry => (double?)entry.CircuitsOpen),
            "circuits open (right)");
        circuits.Axes.YAxis = plot.Axes.Right;
        circuits.LinePattern = LinePattern.Dashed;
        plot.Title(title);
        plot.YLabel("MB");
        plot.Axes.Right.Label.Text = "circuits open";
        plot.Axes.SetLimitsY(bottom: 0, top: double.NaN);
        plot.ShowLegend(Alignment.UpperLeft);
    }

    private static void DrawLatency(ScottPlot.Plot plot, TimelineFile timeline, double[] minutes)
    {
        var steps = timeline.Entries.SelectMany(entry => entry.P99.Keys).Distinct(StringComparer.Ordinal);
        foreach (var step in steps)
        {
            AddLine(plot, minutes, timeline.Entries.Select(entry => entry.P99.TryGetValue(step, out var value) ? value : (double?)null),
                step);
        }

        plot.YLabel("p99 per 10 s window (ms)");
        plot.XLabel("minutes from the first circuit");
        plot.ShowLegend(Alignment.UpperLeft);
    }

    /// <summary>A line through the samples that have a value (a missing one leaves a gap).</summary>
    private static ScottPlot.Plottables.Scatter AddLine(ScottPlot.Plot plot, double[] minutes, IEnumerable<double?> values, string label)
    {
        var ys = values.Select(value => value ?? double.NaN).ToArray();
        var line = plot.Add.Scatter(minutes, ys);
        line.LegendText = label;
        line.MarkerSize = 0;
        line.LineWidth = 1.5f;
        return line;
    }
}
