using BlazorSession.LoadTest;

namespace BlazorSession.Tests.LoadTest;

public class LoadTestOptionsTests
{
    [Fact]
    public void Parse_ReadsTheDocumentedCommandLine()
    {
        var options = LoadTestOptions.Parse(
            ["--url", "http://127.0.0.1:5000", "--circuits", "5000", "--rate", "0.5", "--duration", "60", "--server-pid", "42", "--json", "out.json"]);

        Assert.Equal(new Uri("http://127.0.0.1:5000/"), options.Url);
        Assert.Equal(5000, options.Circuits);
        Assert.Equal(0.5, options.Rate);
        Assert.Equal(TimeSpan.FromSeconds(60), options.Duration);
        Assert.Equal(42, options.ServerProcessId);
        Assert.Equal("out.json", options.JsonPath);
    }

    [Fact]
    public void Parse_ReadsTheTuningOptions_WithTheirDefaults()
    {
        string[] required = ["--url", "http://127.0.0.1:5000", "--circuits", "10", "--rate", "1", "--duration", "5"];

        var defaults = LoadTestOptions.Parse(required);
        var tuned = LoadTestOptions.Parse([.. required, "--ramp", "50", "--step-timeout", "10", "--warmup", "100"]);

        Assert.Equal((100d, TimeSpan.FromSeconds(30), 0), (defaults.RampRate, defaults.EffectiveStepTimeout, defaults.Warmup));
        Assert.Equal((50d, TimeSpan.FromSeconds(10), 100), (tuned.RampRate, tuned.EffectiveStepTimeout, tuned.Warmup));
    }

    [Fact]
    public void Parse_ReadsChurnLifetimesAndSettle_AndLeavesThemOffByDefault()
    {
        string[] required = ["--url", "http://127.0.0.1:5000", "--circuits", "500", "--rate", "1", "--duration", "3600"];

        var defaults = LoadTestOptions.Parse(required);
        var churn = LoadTestOptions.Parse([.. required, "--churn", "10", "--lifetimes", "100000", "--settle", "300"]);

        Assert.Equal((null, null, TimeSpan.Zero), (defaults.Churn, defaults.Lifetimes, defaults.Settle));
        Assert.Equal((TimeSpan.FromSeconds(10), 100_000, TimeSpan.FromSeconds(300)), (churn.Churn, churn.Lifetimes, churn.Settle));
        Assert.Equal(TimeSpan.FromSeconds(10), churn.EffectiveTimelineInterval);
    }

    [Fact]
    public void Parse_ReadsTheJourney_FullByDefault()
    {
        string[] required = ["--url", "http://127.0.0.1:5000", "--circuits", "10", "--rate", "1", "--duration", "5"];

        Assert.Equal(Journey.Full, LoadTestOptions.Parse(required).Journey);
        Assert.Equal(Journey.Tutorial, LoadTestOptions.Parse([.. required, "--journey", "tutorial"]).Journey);
        Assert.Equal(Journey.Full, LoadTestOptions.Parse([.. required, "--journey", "full"]).Journey);
    }

    [Theory]
    [InlineData("--journey", "members")]
    [InlineData("--journey", "tutorial", "--cart-lines", "2")]
    public void Parse_Rejects_AnUnknownJourney_AndACartOnTheTutorialsJourney(params string[] extra) =>
        Assert.Throws<ArgumentException>(() => LoadTestOptions.Parse(
            ["--url", "http://127.0.0.1:5000", "--circuits", "10", "--rate", "1", "--duration", "5", .. extra]));

    [Theory]
    [InlineData("--churn", "0")]
    [InlineData("--churn", "-5")]
    [InlineData("--lifetimes", "100")]
    public void Parse_Rejects_ChurnThatIsNotPositive_AndLifetimesWithoutChurn(params string[] extra) =>
        Assert.Throws<ArgumentException>(() => LoadTestOptions.Parse(
            ["--url", "http://127.0.0.1:5000", "--circuits", "10", "--rate", "1", "--duration", "5", .. extra]));

    [Theory]
    [InlineData("--circuits", "10", "--rate", "1", "--duration", "5")]
    [InlineData("--url", "http://127.0.0.1:5000", "--circuits", "10", "--rate", "1", "--duration", "5", "--bogus", "1")]
    [InlineData("--url", "http://127.0.0.1:5000", "--circuits")]
    public void Parse_Rejects_MissingUnknownOrUnpairedOptions(params string[] args) =>
        Assert.Throws<ArgumentException>(() => LoadTestOptions.Parse(args));
}
