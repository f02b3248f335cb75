using System.Diagnostics.Metrics;
using System.IO.Pipelines;
using System.Net;
using BlazorSession.App.Preview;
using BlazorSession.App.Session;
using BlazorSession.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace BlazorSession.Tests.Session;

/// <summary>
/// What the preview refuses before it looks at the value: a request the browser did not mark as from this origin,
/// and a body too large to be ours.
/// </summary>
public sealed class StoredSessionPreviewRequestTests : PreviewEndpointTest
{
    private const string ValidPayload = """{"v":1,"values":{"username":"Ada Lovelace"}}""";

    [Theory]
    [InlineData(null)]
    [InlineData("cross-site")]
    [InlineData("same-site")]
    [InlineData("none")]
    public async Task Preview_IsForbidden_UnlessTheBrowserSaysSameOrigin(string? secFetchSite)
    {
        using var response = await Endpoint.PostAsync(Endpoint.BodyWithTab(ValidPayload), secFetchSite);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.DoesNotContain("Ada", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Preview_AnswersTheName_WhenTheBrowserSaysSameOrigin()
    {
        using var response = await Endpoint.PostAsync(Endpoint.BodyWithTab(ValidPayload), "same-origin");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Ada Lovelace", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Preview_IsTooLarge_ForABodyOverTheCap_ThatDeclaresItsLength()
    {
        using var response = await Endpoint.PostAsync(new string('a', StoredSessionPreview.MaxValueLength + 1));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Preview_IsTooLarge_ForABodyOverTheCap_SentWithoutALength()
    {
        // A pipe cannot tell its length up front, so the body goes out chunked and only reading it shows its size.
        var pipe = new Pipe();
        await pipe.Writer.WriteAsync(new byte[StoredSessionPreview.MaxValueLength + 1]);
        await pipe.Writer.CompleteAsync();
        using var body = new StreamContent(pipe.Reader.AsStream());
        Assert.Null(body.Headers.ContentLength);

        using var response = await Endpoint.PostAsync(body);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Preview_ReadsABodyOfExactlyTheCap()
    {
        using var response = await Endpoint.PostAsync(new string('a', StoredSessionPreview.MaxValueLength));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    // The test server gives every request the same (empty) client address: one bucket, as one client would have.
    // Its bucket is refilled once an hour, so exactly its burst is answered, however slowly the requests go.
    [Fact]
    public async Task Preview_OverItsRateLimit_Answers429WithRetryAfter_AndNeverTheName()
    {
        await using var endpoint = PreviewEndpointHost.Start(
            ("Session:PreviewRateLimit:TokenLimit", "5"), ("Session:PreviewRateLimit:ReplenishmentPeriod", "01:00:00"));

        for (var answered = 0; answered < 5; answered++)
        {
            using var response = await endpoint.PostAsync(endpoint.BodyWithTab(ValidPayload));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        using var limited = await endpoint.PostAsync(endpoint.BodyWithTab(ValidPayload));
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.True(limited.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1), $"Retry-After: {limited.Headers.RetryAfter}");
        Assert.DoesNotContain("Ada", await limited.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task PreviewRateLimit_ByDefault_IsABurstOf20_Then10ASecond()
    {
        var limit = Endpoint.Services.GetRequiredService<IOptions<PreviewRateLimitOptions>>().Value;

        Assert.Equal((20, 10, TimeSpan.FromSeconds(1)), (limit.TokenLimit, limit.TokensPerPeriod, limit.ReplenishmentPeriod));
    }

    [Theory]
    [InlineData("Session:PreviewRateLimit:TokenLimit", "0")]
    [InlineData("Session:PreviewRateLimit:TokensPerPeriod", "0")]
    [InlineData("Session:PreviewRateLimit:ReplenishmentPeriod", "00:00:00")]
    public async Task PreviewRateLimit_OutOfRange_StopsTheStart_NamingTheSetting(string key, string value)
    {
        // A host of its own rather than the whole app: when the app's start fails, WebApplicationFactory sometimes
        // reports its own disposed service provider instead of the app's exception.
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection([new KeyValuePair<string, string?>(key, value)]);
        builder.Services.AddStoredSessionPreview();
        using var host = builder.Build();

        var refused = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(key, refused.Message);
    }

    [Fact]
    public async Task EveryAnswer_IsCountedByItsOutcome()
    {
        using var answers = new MetricCollector<long>(Endpoint.Services.GetRequiredService<IMeterFactory>(),
            SessionMetrics.MeterName, "blazorsession.preview.answers");

        (await Endpoint.PostAsync(Endpoint.BodyWithTab(ValidPayload))).Dispose();
        (await Endpoint.PostAsync("not a protected value")).Dispose();
        (await Endpoint.PostAsync(Endpoint.BodyWithTab(ValidPayload), "cross-site")).Dispose();
        (await Endpoint.PostAsync(new string('A', StoredSessionPreview.MaxValueLength + 1))).Dispose();

        Assert.Equal(["name_shown", "no_name", "forbidden", "too_large"],
            answers.GetMeasurementSnapshot().Select(measurement => measurement.Tags["outcome"]));
    }
}
