using BlazorSession.Plot;

// Draws a load run's timeline (bench/BlazorSession.LoadTest's JSON report) as a PNG: the server's memory and
// circuits above, every step's p99 below, on one time axis.
if (args.Length is < 1 or > 2)
{
    await Console.Error.WriteLineAsync("usage: BlazorSession.Plot REPORT.json [OUT.png]");
    return 2;
}

var reportPath = args[0];
var pngPath = args.Length == 2 ? args[1] : Path.ChangeExtension(reportPath, ".png");
var timeline = await TimelineFile.ReadAsync(reportPath);
if (timeline.Entries.Count == 0)
{
    await Console.Error.WriteLineAsync($"{reportPath} has no timeline.");
    return 1;
}

TimelinePlot.Save(timeline, Path.GetFileNameWithoutExtension(reportPath), pngPath);
Console.WriteLine($"Plot written to {pngPath}");
return 0;
