using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;

namespace BlazorSession.LoadTest;

/// <summary>
/// What the server process uses: RSS and CPU time from the process table (/proc on Linux), and its managed heap from
/// the app's opt-in load-test endpoint (<c>LoadTest__Diagnostics=true</c>, loopback only): after a forced full,
/// compacting collection where memory is measured, or as the runtime's own last collection left it while latency is
/// (a forced one stalls every circuit). Without the endpoint the managed figures are absent, never guessed.
/// </summary>
internal sealed class ServerProbe(Uri baseUrl, int? processId, HttpClient http)
{
    public const string HeapPath = "_loadtest/heap";

    public async Task<ServerSample> SampleAsync(CancellationToken cancellationToken, bool forceCollection = true)
    {
        var heap = await ReadHeapAsync(forceCollection, cancellationToken);
        if (processId is not { } pid)
        {
            return new ServerSample(heap, null, null);
        }

        // Read after the collection, so RSS reflects the compacted heap too.
        using var process = Process.GetProcessById(pid);
        process.Refresh();
        return new ServerSample(heap, process.WorkingSet64, process.TotalProcessorTime);
    }

    private async Task<HeapSample?> ReadHeapAsync(bool forceCollection, CancellationToken cancellationToken)
    {
        try
        {
            var path = forceCollection ? HeapPath : HeapPath + "?collect=false";
            using var response = await http.GetAsync(new Uri(baseUrl, path), cancellationToken);
            return response.StatusCode == HttpStatusCode.OK
                ? await response.Content.ReadFromJsonAsync<HeapSample>(cancellationToken)
                : null;
        }
        catch (Exception exception) when (exception is HttpRequestException
            || (exception is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            // No endpoint, or no answer in time: the report leaves the managed figures out.
            return null;
        }
    }
}

/// <param name="ManagedBytes">
/// Bytes in use on the managed heap: after a forced full collection, or, without one, as the runtime's last collection
/// left it (<paramref name="ForcedCollection"/>).
/// </param>
/// <param name="OpenCircuits">Circuits the server holds (connected or not).</param>
/// <param name="ConnectedCircuits">Circuits with a live connection.</param>
/// <param name="PinnedBytes">
/// Of <paramref name="ManagedBytes"/>, the pinned object heap, where Kestrel's and SignalR's buffer pools live
/// (absent from servers older than the endurance runs).
/// </param>
/// <param name="ForcedCollection">Whether the server forced a collection for this sample (absent from older servers, which always did).</param>
/// <param name="GcPauseSeconds">
/// How long the server's garbage collector has paused it since it started, leaving out the collections the endpoint
/// forced (absent from older servers).
/// </param>
public sealed record HeapSample(long ManagedBytes, long OpenCircuits, long ConnectedCircuits, long? PinnedBytes = null,
    bool? ForcedCollection = null, double? GcPauseSeconds = null);

internal sealed record ServerSample(HeapSample? Heap, long? RssBytes, TimeSpan? CpuTime);
