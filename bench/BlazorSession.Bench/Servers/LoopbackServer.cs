using System.Diagnostics;
using BlazorSession.Tests.Infrastructure;

namespace BlazorSession.Bench.Servers;

/// <summary>One app under test, running as a child process on a free loopback port until disposed.</summary>
internal sealed class LoopbackServer : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private readonly Process _process;

    private LoopbackServer(Process process, Uri baseUrl)
    {
        _process = process;
        BaseUrl = baseUrl;
    }

    public Uri BaseUrl { get; }

    /// <summary>Starts the command and returns once <paramref name="readyPath"/> answers 200.</summary>
    public static async Task<LoopbackServer> StartAsync(int port, string readyPath, string fileName,
        IEnumerable<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string> environment)
    {
        var process = ChildProcess.Start(fileName, arguments, workingDirectory, environment, out var output);
        var server = new LoopbackServer(process, new Uri($"http://127.0.0.1:{port}/"));
        try
        {
            await LoopbackProcess.WaitUntilAnsweringAsync(new Uri(server.BaseUrl, readyPath), process, () => output, StartTimeout);
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
}
