using System.Collections.Concurrent;
using System.Diagnostics;
using System.Reflection;

namespace BlazorSession.Tests.Infrastructure;

/// <summary>
/// The real app, run as its own process from its build output (what <c>dotnet run</c> runs) by deploy/run-app.sh, on a
/// free loopback port with its own Data Protection key directory. It can be stopped and started again on the same port, with
/// the same or a fresh key directory, to test restarts the way a browser sees them.
/// </summary>
public sealed class AppServer : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private readonly ConcurrentQueue<string> _output = new();
    private (string Name, string Value)[] _settings = [];
    private readonly List<string> _keyDirectories = [];
    private Process? _process;

    private AppServer(int port) => BaseUrl = new Uri($"http://127.0.0.1:{port}/");

    public Uri BaseUrl { get; }

    public string KeysPath { get; private set; } = "";

    public int? ProcessId => _process?.Id;

    /// <summary>Everything the server wrote to stdout and stderr, across restarts.</summary>
    public IReadOnlyCollection<string> Output => _output;

    /// <summary>Starts the app; <paramref name="settings"/> are extra environment variables, such as <c>Metrics__Prometheus</c>.</summary>
    public static async Task<AppServer> StartAsync(params (string Name, string Value)[] settings)
    {
        var server = new AppServer(LoopbackProcess.FindFreePort()) { _settings = settings };
        try
        {
            await server.StartProcessAsync(server.CreateKeyDirectory());
            return server;
        }
        catch
        {
            // A server that never answered would otherwise outlive the test run.
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>Stops the process (SIGKILL: nothing is flushed, as in a crash) and starts it again on the same port.</summary>
    public async Task RestartAsync(bool freshKeys = false)
    {
        Stop();
        await StartProcessAsync(freshKeys ? CreateKeyDirectory() : KeysPath);
    }

    /// <summary>Starts the process again after <see cref="Stop"/>, on the same port and with the same keys.</summary>
    public Task StartAgainAsync() => StartProcessAsync(KeysPath);

    public void Stop()
    {
        if (_process is null)
        {
            return;
        }

        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
        _process = null;
    }

    public ValueTask DisposeAsync()
    {
        Stop();
        foreach (var directory in _keyDirectories)
        {
            try
            {
                Directory.Delete(directory, recursive: true);
            }
            catch (IOException)
            {
                // A temp directory left behind is harmless; failing the run over it is not.
            }
        }

        return ValueTask.CompletedTask;
    }

    private string CreateKeyDirectory()
    {
        var directory = Directory.CreateTempSubdirectory("blazorsession-keys-").FullName;
        _keyDirectories.Add(directory);
        return directory;
    }

    private async Task StartProcessAsync(string keysPath)
    {
        KeysPath = keysPath;
        var startInfo = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // The script becomes the app: the process started here is the app's, and stopping it stops the app.
        string[] arguments =
        [
            Path.Combine(FindRepositoryRoot(), "deploy", "run-app.sh"), FindAppBuildOutput(), $"{BaseUrl.Port}",
            $"DataProtection__KeysPath={keysPath}", .. _settings.Select(setting => $"{setting.Name}={setting.Value}"),
        ];
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = startInfo };
        process.OutputDataReceived += (_, e) => Record(e.Data);
        process.ErrorDataReceived += (_, e) => Record(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;

        // Live, not a page: a server configured to fail (Redis away, for the readiness tests) must still start.
        await LoopbackProcess.WaitUntilAnsweringAsync(new Uri(BaseUrl, "healthz/live"), process, () => _output, StartTimeout);
    }

    private void Record(string? line)
    {
        if (line is not null)
        {
            _output.Enqueue(line);
        }
    }

    /// <summary>The app's own build output for the configuration these tests were built in.</summary>
    internal static string FindAppBuildOutput()
    {
        var configuration = typeof(AppServer).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var output = Path.Combine(FindRepositoryRoot(), "BlazorSession.App", "bin", configuration, "net10.0");
        return File.Exists(Path.Combine(output, "BlazorSession.App.dll"))
            ? output
            : throw new InvalidOperationException($"The app is not built at {output}; build the solution first.");
    }

    internal static string FindRepositoryRoot()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "BlazorSession.sln")))
        {
            root = root.Parent;
        }

        return root?.FullName
            ?? throw new InvalidOperationException($"BlazorSession.sln not found above {AppContext.BaseDirectory}.");
    }
}
