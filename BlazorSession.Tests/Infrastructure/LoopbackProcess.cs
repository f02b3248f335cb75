using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace BlazorSession.Tests.Infrastructure;

/// <summary>
/// What every server started as a child process on loopback needs (the tests' app server and the benchmark's apps):
/// a free port, and a wait until it answers that fails early, with its output, when the process dies.
/// </summary>
public static class LoopbackProcess
{
    public static int FindFreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Polls <paramref name="url"/> until it answers 200 OK.</summary>
    public static async Task WaitUntilAnsweringAsync(Uri url, Process process, Func<IEnumerable<string>> output, TimeSpan timeout)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        using var deadline = new CancellationTokenSource(timeout);
        using var poll = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        while (await poll.WaitForNextTickAsync(deadline.Token))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException(
                    $"{process.StartInfo.FileName} exited with code {process.ExitCode} before answering:"
                    + $"{Environment.NewLine}{string.Join(Environment.NewLine, output())}");
            }

            try
            {
                using var response = await http.GetAsync(url, deadline.Token);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!deadline.IsCancellationRequested)
            {
                // The first request timed out: on a busy machine a starting app can take longer than one attempt.
            }
        }
    }
}
