using System.Net;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace BlazorSession.App.Hosting;

/// <summary>
/// An opt-in diagnostics endpoint for the load generator (bench/BlazorSession.LoadTest): the managed heap after a
/// full collection, and the circuits the server holds. The tuning those runs led to lives in the app's project file.
/// </summary>
public static class LoadTestDiagnostics
{
    /// <summary>
    /// Turns on <c>GET /_loadtest/heap</c>: forces a full, compacting collection and answers the managed heap size and
    /// the circuits held; with <c>?collect=false</c> it forces nothing and answers the heap as the runtime's own last
    /// collection left it, for samples taken while latency is measured (two blocking full collections of a big heap
    /// stall every circuit). Off by default, and loopback-only when on: a forced full collection on demand is a
    /// denial of service in production.
    /// </summary>
    public const string DiagnosticsSetting = "LoadTest:Diagnostics";

    public const string HeapPath = "/_loadtest/heap";

    /// <summary>The pinned object heap's index in <see cref="GCMemoryInfo.GenerationInfo"/> (after gen 0-2 and the LOH).</summary>
    private const int PinnedObjectHeap = 4;

    /// <summary>
    /// With diagnostics on, how long a disconnected circuit is retained, in seconds, instead of
    /// <see cref="AppLimits.DisconnectedCircuitRetentionPeriod"/>: a test that checks every circuit is let go of
    /// after a run would otherwise wait minutes. Ignored when diagnostics are off, so it can never reach production
    /// by accident.
    /// </summary>
    public const string CircuitRetentionSetting = "LoadTest:DisconnectedCircuitRetentionSeconds";

    public static IServiceCollection AddLoadTestDiagnostics(this IServiceCollection services, IConfiguration configuration)
    {
        if (configuration.GetValue<bool>(DiagnosticsSetting))
        {
            services.AddSingleton<CircuitCounter>();
            services.AddSingleton<CircuitHandler>(provider => provider.GetRequiredService<CircuitCounter>());
            services.AddTransient<IStartupFilter, HeapEndpointStartupFilter>();
            if (configuration.GetValue<double?>(CircuitRetentionSetting) is { } seconds)
            {
                services.PostConfigure<CircuitOptions>(options =>
                    options.DisconnectedCircuitRetentionPeriod = TimeSpan.FromSeconds(seconds));
            }
        }

        return services;
    }

    /// <summary>Counts the circuits the server holds, and those with a live connection.</summary>
    private sealed class CircuitCounter : CircuitHandler
    {
        private long _open;
        private long _connected;

        public long Open => Interlocked.Read(ref _open);

        public long Connected => Interlocked.Read(ref _connected);

        public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken) => Count(ref _open, 1);

        public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken) => Count(ref _open, -1);

        public override Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken) =>
            Count(ref _connected, 1);

        public override Task OnConnectionDownAsync(Circuit circuit, CancellationToken cancellationToken) =>
            Count(ref _connected, -1);

        private static Task Count(ref long counter, long change)
        {
            Interlocked.Add(ref counter, change);
            return Task.CompletedTask;
        }
    }

    /// <summary>Puts the endpoint first in the pipeline, so it needs no call in Program.cs.</summary>
    private sealed class HeapEndpointStartupFilter(CircuitCounter circuits) : IStartupFilter
    {
        private long _forcedPauseTicks;

        // Other requests are handed on without awaiting them: a circuit's WebSocket request stays in the pipeline
        // for the circuit's whole life, and an awaiting middleware would keep a state machine per circuit, which
        // would then be counted in the very figure this endpoint measures.
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
                context.Request.Path == HeapPath ? AnswerAsync(context) : nextMiddleware(context));
            next(app);
        };

        private async Task AnswerAsync(HttpContext context)
        {
            if (context.Connection.RemoteIpAddress is not { } address || !IPAddress.IsLoopback(address))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }

            var collect = context.Request.Query["collect"] != "false";
            if (collect)
            {
                var pausedBefore = GC.GetTotalPauseDuration();
                GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
                GC.WaitForPendingFinalizers();
                GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
                Interlocked.Add(ref _forcedPauseTicks, (GC.GetTotalPauseDuration() - pausedBefore).Ticks);
            }

            var lastCollection = GC.GetGCMemoryInfo(collect ? GCKind.FullBlocking : GCKind.Any);
            var pinned = lastCollection.GenerationInfo[PinnedObjectHeap];
            await context.Response.WriteAsJsonAsync(new
            {
                managedBytes = collect ? GC.GetTotalMemory(forceFullCollection: false) : lastCollection.HeapSizeBytes,
                // Kestrel's and SignalR's buffer pools live on the pinned object heap and give blocks back on their
                // own schedule, so a long run tells a leak from a pool that has grown to the load by looking here.
                pinnedBytes = pinned.SizeAfterBytes - pinned.FragmentationAfterBytes,
                openCircuits = circuits.Open,
                connectedCircuits = circuits.Connected,
                forcedCollection = collect,
                // The app's own collections only: the pauses of the ones this endpoint forced are left out, so a run
                // that measures memory still reports what its load cost in pauses.
                gcPauseSeconds = (GC.GetTotalPauseDuration() - TimeSpan.FromTicks(Interlocked.Read(ref _forcedPauseTicks))).TotalSeconds,
            });
        }
    }
}
