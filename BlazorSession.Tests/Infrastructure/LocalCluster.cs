using System.Diagnostics;

namespace BlazorSession.Tests.Infrastructure;

/// <summary>
/// A cluster started by <c>deploy/local-cluster.sh</c>, the script users run: Redis, N nodes of the app's build
/// output and nginx in front, on loopback, with its state (configuration, process ids, logs) in a temp directory
/// of its own. Disposing runs <c>down</c>, which stops exactly what <c>up</c> started.
/// </summary>
public sealed class LocalCluster : IAsyncDisposable
{
    private static readonly TimeSpan ScriptTimeout = TimeSpan.FromMinutes(2);
    private readonly string _stateDirectory;
    private readonly int _port;

    private LocalCluster(string stateDirectory, int port, Uri balancerUrl)
    {
        _stateDirectory = stateDirectory;
        _port = port;
        BalancerUrl = balancerUrl;
    }

    public Uri BalancerUrl { get; }

    /// <summary>Node <paramref name="index"/> itself, bypassing the balancer (the script's port layout).</summary>
    public Uri NodeUrl(int index) => new($"http://127.0.0.1:{_port + 1 + index}/");

    /// <summary>Starts <paramref name="nodes"/> nodes keeping the sessions in the browser, or with <paramref name="store"/>
    /// <c>server</c>, in the cluster's Redis (the script's <c>--store</c>).</summary>
    public static async Task<LocalCluster> StartAsync(int nodes, string store = "browser")
    {
        var stateDirectory = Directory.CreateTempSubdirectory("blazorsession-cluster-").FullName;
        try
        {
            // The script takes a free range of ports (deploy/lib/ports.sh): the balancer's, Redis's, then each node's.
            var output = await RunScriptAsync(stateDirectory, "up", "--nodes", $"{nodes}", "--store", store);
            var balancer = new Uri(output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[^1]);
            return new LocalCluster(stateDirectory, balancer.Port, balancer);
        }
        catch
        {
            DeleteDirectory(stateDirectory);
            throw;
        }
    }

    public Task KillNodeAsync(int index) => RunScriptAsync(_stateDirectory, "kill-node", $"{index}");

    public Task StartNodeAsync(int index) => RunScriptAsync(_stateDirectory, "start-node", $"{index}");

    public Task RestartRedisAsync() => RunScriptAsync(_stateDirectory, "restart-redis");

    public Task StopRedisAsync() => RunScriptAsync(_stateDirectory, "stop-redis");

    public Task StartRedisAsync() => RunScriptAsync(_stateDirectory, "start-redis");

    /// <summary>The keys the cluster's Redis holds that match <paramref name="pattern"/> (redis-cli's --scan).</summary>
    public async Task<string[]> RedisKeysAsync(string pattern)
    {
        var startInfo = new ProcessStartInfo("redis-cli")
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        // The script's layout: Redis listens on the port after the balancer's.
        foreach (var argument in new[] { "-h", "127.0.0.1", "-p", $"{_port + 1}", "--scan", "--pattern", pattern })
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = Process.Start(startInfo)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    /// <summary>What node <paramref name="index"/> logged, across its restarts.</summary>
    public string NodeLog(int index) => File.ReadAllText(Path.Combine(_stateDirectory, $"node-{index}.log"));

    public async ValueTask DisposeAsync()
    {
        await RunScriptAsync(_stateDirectory, "down");
        DeleteDirectory(_stateDirectory);
    }

    private static async Task<string> RunScriptAsync(string stateDirectory, params string[] arguments)
    {
        var startInfo = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        startInfo.ArgumentList.Add(Path.Combine(AppServer.FindRepositoryRoot(), "deploy", "local-cluster.sh"));
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        startInfo.Environment["BLAZORSESSION_CLUSTER_DIR"] = stateDirectory;
        startInfo.Environment["BLAZORSESSION_APP_DIR"] = AppServer.FindAppBuildOutput();

        using var process = Process.Start(startInfo)
            ?? throw new InvalidOperationException("bash could not be started.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using (var timeout = new CancellationTokenSource(ScriptTimeout))
        {
            await process.WaitForExitAsync(timeout.Token);
        }

        return process.ExitCode == 0
            ? await output
            : throw new InvalidOperationException(
                $"local-cluster.sh {string.Join(' ', arguments)} exited with {process.ExitCode}:{Environment.NewLine}{await errors}");
    }

    private static void DeleteDirectory(string directory)
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
}
