using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace BlazorSession.Bench.Servers;

/// <summary>One app under test, running as a child process on a free loopback port until disposed.</summary>
internal sealed class LoopbackServer : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output;

    private LoopbackServer(Process process, ConcurrentQueue<string> output, Uri baseUrl)
    {
        _process = process;
        _output = output;
        BaseUrl = baseUrl;
    }

    public Uri BaseUrl { get; }

    public static int FindFreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Starts the command and returns once <paramref name="readyPath"/> answers 200.</summary>
    public static async Task<LoopbackServer> StartAsync(int port, string readyPath, string fileName,
        IEnumerable<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string> environment)
    {
        var process = ChildProcess.Start(fileName, arguments, workingDirectory, environment, out var output);
        var server = new LoopbackServer(process, output, new Uri($"http://127.0.0.1:{port}/"));
        try
        {
            await server.WaitUntilAnsweringAsync(readyPath);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    public ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task WaitUntilAnsweringAsync(string readyPath)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        using var deadline = new CancellationTokenSource(StartTimeout);
        using var poll = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        while (await poll.WaitForNextTickAsync(deadline.Token))
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException(
                    $"{_process.StartInfo.FileName} exited with {_process.ExitCode} before answering:"
                    + $"{Environment.NewLine}{string.Join(Environment.NewLine, _output)}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri(BaseUrl, readyPath), deadline.Token);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
        }
    }
}
