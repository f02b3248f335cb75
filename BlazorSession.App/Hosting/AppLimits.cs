using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.SignalR;

namespace BlazorSession.App.Hosting;

/// <summary>Every size, count and time limit the app sets, in one place, each with the reason for its value.</summary>
public static class AppLimits
{
    /// <summary>
    /// Any request body (Kestrel). The app's only body is the circuit's disconnect beacon (an id); 64 KiB is ample.
    /// WebSocket messages are not request bodies: <see cref="HubMessageBytes"/> bounds them.
    /// </summary>
    public const long RequestBodyBytes = 64 * 1024;

    /// <summary>
    /// One message from the browser on the circuit (SignalR's default, kept on purpose): a stored value read back is
    /// a few hundred bytes, and a read whose answer nears this size hangs (BrowserSession.MaxStoredBytes keeps a
    /// session well under it).
    /// </summary>
    public const long HubMessageBytes = 32 * 1024;

    /// <summary>
    /// Disconnected circuits kept for a reconnect (the framework's default). Each costs what an idle circuit costs
    /// (bench/README.md, "Capacity"), so 100 is a few megabytes at worst, and a tab that comes back after eviction reloads and reads its name from its own storage anyway.
    /// </summary>
    public const int DisconnectedCircuitMaxRetained = 100;

    /// <summary>
    /// How long a disconnected circuit waits for its tab (the framework's default): a phone between cells. Load tests
    /// may shorten it (<see cref="LoadTestDiagnostics.CircuitRetentionSetting"/>).
    /// </summary>
    public static readonly TimeSpan DisconnectedCircuitRetentionPeriod = TimeSpan.FromMinutes(3);

    /// <summary>
    /// Circuit state kept after a disconnected circuit is let go of, for <c>Blazor.resumeCircuit()</c> (.NET 10 keeps
    /// 1,000 for two hours by default): none. This app's state is in the browser, so a tab that comes back after the
    /// reconnect window reloads and reads its own storage, as it did before .NET 10. Kept, each paused circuit holds
    /// its state for two hours, and the framework's in-memory store never disposes the two-hour timer of an entry it
    /// evicts for room, so churned circuits kept memory that never came back (bench/README.md, "Endurance").
    /// </summary>
    public const int PersistedCircuitMaxRetained = 0;

    /// <summary>
    /// With nothing retained, every paused circuit's entry is refused at once, but the framework still starts its
    /// timer for this period: short, so that timer is gone in a second rather than in two hours.
    /// </summary>
    public static readonly TimeSpan PersistedCircuitRetentionPeriod = TimeSpan.FromSeconds(1);

    /// <summary>
    /// A storage call into the browser (the framework's default). A healthy tab answers in milliseconds; after a
    /// minute the page says the tab could not be reached, and nothing stored is lost.
    /// </summary>
    public static readonly TimeSpan JSInteropDefaultCallTimeout = TimeSpan.FromMinutes(1);

    public static void ConfigureCircuits(CircuitOptions options)
    {
        options.DisconnectedCircuitMaxRetained = DisconnectedCircuitMaxRetained;
        options.DisconnectedCircuitRetentionPeriod = DisconnectedCircuitRetentionPeriod;
        options.PersistedCircuitInMemoryMaxRetained = PersistedCircuitMaxRetained;
        options.PersistedCircuitInMemoryRetentionPeriod = PersistedCircuitRetentionPeriod;
        options.JSInteropDefaultCallTimeout = JSInteropDefaultCallTimeout;
    }

    public static void ConfigureHub(HubOptions options) => options.MaximumReceiveMessageSize = HubMessageBytes;
}
