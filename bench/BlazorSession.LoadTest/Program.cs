using System.Globalization;
using BlazorSession.LoadTest;
using Spectre.Console;

LoadTestOptions options;
try
{
    options = LoadTestOptions.Parse(args);
}
catch (Exception exception) when (exception is ArgumentException or FormatException)
{
    await Console.Error.WriteLineAsync(exception.Message);
    return 2;
}

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

LoadReport report;
if (AnsiConsole.Profile.Capabilities.Interactive && !Console.IsOutputRedirected)
{
    report = await AnsiConsole.Live(new Text("Starting…")).StartAsync(async live =>
        await LoadRun.RunAsync(options, new Progress<LoadProgress>(p => live.UpdateTarget(ProgressView.Table(p))), cancel.Token));
}
else
{
    report = await LoadRun.RunAsync(options, new Progress<LoadProgress>(ProgressView.WriteLine), cancel.Token);
}

AnsiConsole.Write(ProgressView.Summary(report));
if (options.JsonPath is { } path)
{
    await File.WriteAllTextAsync(path, report.ToJson());
    AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"Report written to [bold]{path}[/]");
}

// With churn, users are between lifetimes at any moment (and none is left once a number of lifetimes has been
// lived), so only errors count.
return report.Errors.Total == 0 && (options.Churn is not null || report.CircuitsConnected == report.CircuitsRequested) ? 0 : 1;
