using System.Net;
using System.Text.Json;
using BlazorSession.App.Hosting;
using Microsoft.AspNetCore.Http;

namespace BlazorSession.Tests.Http;

/// <summary>
/// The load generator's heap endpoint forces its collections only when asked to: the timeline's samples, taken while
/// latency is measured, must not stall the server they measure.
/// </summary>
[Collection(WholeProcessGroup.Name)]
public sealed class LoadTestDiagnosticsTests : IAsyncDisposable
{
    private readonly AppFactory _app = new() { Settings = [(LoadTestDiagnostics.DiagnosticsSetting, "true")] };

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task TheHeap_IsCollectedFirst_ByDefault()
    {
        var blockingCollections = GC.GetGCMemoryInfo(GCKind.FullBlocking).Index;

        using var answer = await GetHeapAsync(LoadTestDiagnostics.HeapPath);

        Assert.True(answer.RootElement.GetProperty("forcedCollection").GetBoolean());
        Assert.True(GC.GetGCMemoryInfo(GCKind.FullBlocking).Index >= blockingCollections + 2, "Two full collections were forced.");
        Assert.True(answer.RootElement.GetProperty("managedBytes").GetInt64() > 0);
    }

    [Fact]
    public async Task WithCollectFalse_NothingIsForced_AndTheHeapIsStillAnswered()
    {
        var blockingCollections = GC.GetGCMemoryInfo(GCKind.FullBlocking).Index;

        using var answer = await GetHeapAsync(LoadTestDiagnostics.HeapPath + "?collect=false");

        Assert.False(answer.RootElement.GetProperty("forcedCollection").GetBoolean());
        Assert.Equal(blockingCollections, GC.GetGCMemoryInfo(GCKind.FullBlocking).Index);
        Assert.True(answer.RootElement.GetProperty("managedBytes").GetInt64() > 0);
    }

    [Fact]
    public async Task ItsPauseFigure_LeavesOutTheCollectionsItForced()
    {
        using var answer = await GetHeapAsync(LoadTestDiagnostics.HeapPath);
        var processPaused = GC.GetTotalPauseDuration().TotalSeconds;

        var reported = answer.RootElement.GetProperty("gcPauseSeconds").GetDouble();
        Assert.InRange(reported, 0, processPaused);
        // With its own two full collections counted, the figure would be all the process has paused so far.
        Assert.True(reported < processPaused, $"Reported {reported} s of the process's {processPaused} s.");
    }

    // The endpoint answers loopback clients only; the in-memory server's requests have no address unless given one.
    private async Task<JsonDocument> GetHeapAsync(string pathAndQuery)
    {
        var context = await _app.Server.SendAsync(request =>
        {
            request.Connection.RemoteIpAddress = IPAddress.Loopback;
            request.Request.Method = "GET";
            var query = pathAndQuery.IndexOf('?', StringComparison.Ordinal);
            request.Request.Path = query < 0 ? pathAndQuery : pathAndQuery[..query];
            request.Request.QueryString = query < 0 ? QueryString.Empty : new QueryString(pathAndQuery[query..]);
        });
        Assert.Equal(StatusCodes.Status200OK, context.Response.StatusCode);
        return await JsonDocument.ParseAsync(context.Response.Body);
    }
}
