using System.Collections.Concurrent;
using System.Diagnostics;
using BlazorSession.Tests.Infrastructure;

namespace BlazorSession.Tests.Library.PackAndConsume;

/// <summary>
/// What a developer does with the package: pack it into a folder, create a Blazor Web App from the SDK's template
/// (<c>--interactivity Server</c>: pages static unless marked, enhanced navigation on), add the package from that
/// folder, the two lines and <see cref="ConsumerPages"/>, publish and run it. Nothing of this repository but the
/// packages reaches the app. Made once for the tests of <see cref="PackAndConsumeTests"/>.
/// </summary>
public sealed class ConsumerApp : IAsyncLifetime
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(5);

    // A version no earlier run packed, so the restore cannot take a stale copy from the machine's package cache.
    private readonly string _version = $"0.1.0-test.{DateTime.UtcNow:yyyyMMddHHmmssfff}";
    // Outside the repository, so none of its build props or central package versions reach the app.
    private readonly string _root = Directory.CreateTempSubdirectory("blazorsession-consumer-").FullName;
    private readonly ConcurrentQueue<string> _appOutput = new();
    private Process? _app;

    public Uri Url { get; private set; } = null!;

    /// <summary>The entries of the packed BlazorSession package.</summary>
    public IReadOnlySet<string> PackageEntries { get; private set; } = new HashSet<string>();

    public bool TestingPackageMade { get; private set; }

    public async Task InitializeAsync()
    {
        var feed = Path.Combine(_root, "feed");
        var repository = AppServer.FindRepositoryRoot();
        foreach (var project in new[] { "BlazorSession", "BlazorSession.Testing" })
        {
            await RunAsync(_root, "dotnet", "pack", Path.Combine(repository, project), "-c", "Release", "-o", feed,
                $"-p:PackageVersion={_version}");
        }

        using (var package = System.IO.Compression.ZipFile.OpenRead(Path.Combine(feed, $"BlazorSession.{_version}.nupkg")))
        {
            PackageEntries = package.Entries.Select(entry => entry.FullName).ToHashSet();
        }

        TestingPackageMade = File.Exists(Path.Combine(feed, $"BlazorSession.Testing.{_version}.nupkg"));
        var app = Path.Combine(_root, "ConsumerApp");
        await RunAsync(_root, "dotnet", "new", "blazor", "--interactivity", "Server", "--empty", "-o", app, "-n", "ConsumerApp");
        await File.WriteAllTextAsync(Path.Combine(app, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="local" value="{feed}" />
              </packageSources>
            </configuration>
            """);
        await RunAsync(app, "dotnet", "add", "package", "BlazorSession", "--version", _version);
        await AddTheTwoLinesAsync(Path.Combine(app, "Program.cs"));
        await File.AppendAllTextAsync(Path.Combine(app, "Components", "_Imports.razor"), "@using BlazorSession\n");
        foreach (var (file, page) in ConsumerPages.All)
        {
            await File.WriteAllTextAsync(Path.Combine(app, "Components", "Pages", file), page);
        }

        var published = Path.Combine(_root, "published");
        await RunAsync(app, "dotnet", "publish", "-c", "Release", "-o", published);
        Url = StartPublishedApp(published);
        await LoopbackProcess.WaitUntilAnsweringAsync(new Uri(Url, "visits"), _app!, () => _appOutput, CommandTimeout);
    }

    // As the package's README says: one line beside the others' services, one in the pipeline before antiforgery.
    private static async Task AddTheTwoLinesAsync(string programFile)
    {
        const string services = ".AddInteractiveServerComponents();";
        const string pipeline = "app.UseAntiforgery();";
        var program = await File.ReadAllTextAsync(programFile);
        Assert.Contains(services, program);
        Assert.Contains(pipeline, program);
        await File.WriteAllTextAsync(programFile, program
            .Replace(services, services + "\nbuilder.Services.AddBrowserSession();", StringComparison.Ordinal)
            .Replace(pipeline, "app.UseBrowserSession();\n" + pipeline, StringComparison.Ordinal));
    }

    private Uri StartPublishedApp(string published)
    {
        var url = new Uri($"http://127.0.0.1:{LoopbackProcess.FindFreePort()}/");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = published,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(published, "ConsumerApp.dll"));
        start.Environment["ASPNETCORE_URLS"] = url.ToString().TrimEnd('/');
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        _app = Process.Start(start)!;
        _app.OutputDataReceived += (_, line) => Record(line.Data);
        _app.ErrorDataReceived += (_, line) => Record(line.Data);
        _app.BeginOutputReadLine();
        _app.BeginErrorReadLine();
        return url;
    }

    /// <summary>What the app wrote to its console, for a failure's message.</summary>
    public string Output => string.Join(Environment.NewLine, _appOutput);

    private void Record(string? line)
    {
        if (line is not null)
        {
            _appOutput.Enqueue(line);
        }
    }

    private static async Task RunAsync(string directory, string fileName, params string[] arguments)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(CommandTimeout);
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0,
            $"{fileName} {string.Join(' ', arguments)} exited with {process.ExitCode}:\n{await output}\n{await errors}");
    }

    public Task DisposeAsync()
    {
        if (_app is { HasExited: false })
        {
            _app.Kill(entireProcessTree: true);
            _app.WaitForExit();
        }

        _app?.Dispose();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A temp directory left behind is harmless; failing the run over it is not.
        }

        return Task.CompletedTask;
    }
}
