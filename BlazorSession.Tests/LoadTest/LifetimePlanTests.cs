using BlazorSession.LoadTest;
using BlazorSession.LoadTest.Churn;

namespace BlazorSession.Tests.LoadTest;

public class LifetimePlanTests
{
    [Fact]
    public void TryNext_DrawsLifetimesAroundTheMean_AndHalfOfTheUsersDrop()
    {
        var mean = TimeSpan.FromSeconds(10);
        var plan = new LifetimePlan(mean);

        var lifetimes = Enumerable.Range(0, 10_000).Select(_ => plan.TryNext(out var lifetime) ? lifetime : default).ToList();

        Assert.All(lifetimes, lifetime => Assert.InRange(lifetime.Length, mean / 2, mean * 1.5));
        Assert.InRange(lifetimes.Average(lifetime => lifetime.Length.TotalSeconds), 9.8, 10.2);
        Assert.Equal(5_000, lifetimes.Count(lifetime => lifetime.Departure == Departure.Dropped));
        Assert.Equal(Enumerable.Range(1, 10_000), lifetimes.Select(lifetime => lifetime.Number));
    }

    [Fact]
    public void TryNext_HandsOutNoMoreThanTheLimit()
    {
        var plan = new LifetimePlan(TimeSpan.FromSeconds(1), limit: 3);

        var handedOut = Enumerable.Range(0, 5).Count(_ => plan.TryNext(out PlannedLifetime _));

        Assert.Equal(3, handedOut);
        Assert.Equal(3, plan.HandedOut);
    }
}
