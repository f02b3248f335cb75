using BlazorSession.App.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BlazorSession.Tests.Hosting;

/// <summary>
/// The circuit options as the app registers them. The persisted-circuit ones guard against memory that grows with
/// every dropped tab: .NET 10's defaults keep a paused circuit's state for two hours, and leave a timer behind for
/// two hours for each one evicted past the 1,000 it keeps (bench/README.md, "Endurance").
/// </summary>
public sealed class CircuitLimitsTests
{
    private static async Task<CircuitOptions> AppCircuitOptionsAsync()
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseTestServer();
        builder.Services.AddRazorComponents().AddInteractiveServerComponents(AppLimits.ConfigureCircuits);
        await using var app = builder.Build();
        return app.Services.GetRequiredService<IOptions<CircuitOptions>>().Value;
    }

    [Fact]
    public async Task ALetGoCircuit_LeavesNoStateBehind_AndAnyTimerGoesWithinSeconds()
    {
        var options = await AppCircuitOptionsAsync();

        Assert.Equal(0, options.PersistedCircuitInMemoryMaxRetained);
        Assert.InRange(options.PersistedCircuitInMemoryRetentionPeriod, TimeSpan.FromMilliseconds(1), TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task ADisconnectedCircuit_WaitsThreeMinutesForItsTab_AndAtMostAHundredWait()
    {
        var options = await AppCircuitOptionsAsync();

        Assert.Equal((TimeSpan.FromMinutes(3), 100), (options.DisconnectedCircuitRetentionPeriod, options.DisconnectedCircuitMaxRetained));
    }
}
