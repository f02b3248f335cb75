using BlazorSession.LoadTest;

namespace BlazorSession.Tests.LoadTest;

public class LoadMetricsTests
{
    [Fact]
    public async Task HoldStepReports_CountTheStepsStartedInTheHold_AndStepReportsCountEveryStep()
    {
        var metrics = new LoadMetrics(TimeSpan.FromSeconds(30));
        await metrics.MeasureAsync(StepNames.SetUsername, _ => Task.CompletedTask, CancellationToken.None);
        var rampStepEnds = new TaskCompletionSource();
        var rampStep = metrics.MeasureAsync(StepNames.ShowUsername, _ => rampStepEnds.Task, CancellationToken.None);

        metrics.BeginHold();
        rampStepEnds.SetResult();
        await rampStep;
        await metrics.MeasureAsync(StepNames.SetUsername, _ => Task.CompletedTask, CancellationToken.None);

        var all = metrics.StepReports().ToDictionary(step => step.Name, step => step.Count);
        var hold = metrics.HoldStepReports().ToDictionary(step => step.Name, step => step.Count);
        Assert.Equal(2, all[StepNames.SetUsername]);
        Assert.Equal(1, all[StepNames.ShowUsername]);
        Assert.Equal(1, hold[StepNames.SetUsername]);
        Assert.Equal(0, hold[StepNames.ShowUsername]);
    }
}
