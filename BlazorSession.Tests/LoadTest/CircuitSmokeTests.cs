using BlazorSession.LoadTest;
using BlazorSession.Tests.Infrastructure;

namespace BlazorSession.Tests.LoadTest;

/// <summary>
/// Keeps the load generator honest against the real app: if the circuit protocol, the page markup it looks for or
/// the session round trip breaks, simulated users fail their steps and this fails. Latency is not asserted here
/// (bench/README.md has the figures); only that every user got through every step.
/// </summary>
[Trait("Category", "Load")]
public sealed class CircuitSmokeTests
{
    private const int Circuits = 50;

    /// <summary>One user's errors at most: a broken app fails the test in seconds, not after the whole run.</summary>
    private const int MaxErrors = 5;

    [Fact]
    public async Task Run_HoldsEveryCircuitAndCompletesEveryStep_WithFiftyUsersForTenSeconds()
    {
        await using var server = await AppServer.StartAsync();
        var options = new LoadTestOptions(server.BaseUrl, Circuits, Rate: 1, Duration: TimeSpan.FromSeconds(10),
            ServerProcessId: server.ProcessId, RampRate: 50, MaxErrors: MaxErrors);

        var report = await LoadRun.RunAsync(options);

        Assert.True(report.Errors.Total == 0, "Errors: " + string.Join("; ", report.Errors.Samples));
        Assert.Equal(Circuits, report.CircuitsConnected);
        var steps = report.Steps.ToDictionary(step => step.Name, step => step.Count);
        Assert.Equal(Circuits, steps[StepNames.Prerender]);
        Assert.Equal(Circuits, steps[StepNames.StartCircuit]);
        Assert.All([StepNames.SetUsername, StepNames.ShowUsername, StepNames.ShowMembers, StepNames.AddToCart, StepNames.ReturnToForm],
            step => Assert.True(steps[step] >= Circuits, $"{step} completed {steps[step]} times for {Circuits} users."));
    }

    [Fact]
    public async Task TheTutorialJourney_SavesShowsAndGoesBack_AndNeverKeepsTheVisitorSignedIn()
    {
        const int users = 20;
        await using var server = await AppServer.StartAsync();
        var options = new LoadTestOptions(server.BaseUrl, users, Rate: 1, Duration: TimeSpan.FromSeconds(5),
            ServerProcessId: server.ProcessId, RampRate: 50, MaxErrors: MaxErrors, Journey: Journey.Tutorial);

        var report = await LoadRun.RunAsync(options);

        Assert.True(report.Errors.Total == 0, "Errors: " + string.Join("; ", report.Errors.Samples));
        var steps = report.Steps.ToDictionary(step => step.Name, step => step.Count);
        Assert.All([StepNames.SetUsername, StepNames.ShowUsername, StepNames.ReturnToForm],
            step => Assert.True(steps[step] >= users, $"{step} completed {steps[step]} times for {users} users."));
        Assert.Equal(0, steps[StepNames.ShowMembers]);
        Assert.Equal(0, steps[StepNames.AddToCart]);
        // Keep me signed in writes the browser's localStorage; the tutorial's journey never ticks it.
        Assert.DoesNotContain("localStorage.setItem", report.Traffic.JSInteropCalls.Keys);
    }
}
