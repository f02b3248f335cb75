using System.Net;
using System.Text.Json;
using BlazorSession.App.Session;
using BlazorSession.Tests.Fakes;
using BlazorSession.Tests.Infrastructure;

namespace BlazorSession.Tests.Session;

/// <summary>
/// The preview answers only names a circuit would accept: a payload that decrypts with the app's key ring but that
/// this version would not have written is answered with nothing, as the circuit reads it as empty.
/// </summary>
public sealed class StoredSessionPreviewPayloadTests : PreviewEndpointTest
{
    [Theory]
    [InlineData("Ada Lovelace")]
    [InlineData("李小龍 🎉 <b>&amp;</b> \"quoted\"")]
    public async Task Preview_AnswersTheName_OfAPayloadThisVersionWrote(string name)
    {
        using var response = await Endpoint.PostAsync(Endpoint.BodyWithTab(Payload(name)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(name, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Preview_AnswersANameOfExactly64Characters()
    {
        var name = string.Concat(Enumerable.Repeat("🎉", UsernameRules.MaxLength));

        using var response = await Endpoint.PostAsync(Endpoint.BodyWithTab(Payload(name)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(name, await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("""{"v":2,"values":{"username":"Ada"}}""")]
    [InlineData("""{"v":0,"values":{"username":"Ada"}}""")]
    [InlineData("""{"values":{"username":"Ada"}}""")]
    [InlineData("""{"v":1,"username":"Ada"}""")]
    [InlineData("""{"v":1,"values":{"username":42}}""")]
    [InlineData("""{"v":1,"values":{"username":"  Ada  "}}""")]
    [InlineData("""{"v":1,"values":{"username":""}}""")]
    [InlineData("""{"v":1,"values":{"username":"   "}}""")]
    [InlineData("""{"v":1,"values":{"username":"bell\u0007Ada"}}""")]
    [InlineData("""{"v":1,"values":{"username":"tab\tAda"}}""")]
    [InlineData("""{"v":1,"values":{"username":"line\nAda"}}""")]
    [InlineData("""{"v":1,"values":{"cart":[1,2]}}""")]
    public async Task Preview_AnswersNothing_ForAPayloadThatDecryptsButBreaksTheRules(string json)
    {
        using var response = await Endpoint.PostAsync(Endpoint.BodyWithTab(json));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("a", UsernameRules.MaxLength + 1)]
    [InlineData("🎉", UsernameRules.MaxLength + 1)]
    // 64 characters as the user sees them, but 320 UTF-16 code units: over the cap that bounds the payload.
    [InlineData("e\u0301\u0301\u0301\u0301", UsernameRules.MaxLength)]
    public async Task Preview_AnswersNothing_ForANameOverTheLengthRules(string character, int count)
    {
        var name = string.Concat(Enumerable.Repeat(character, count));

        using var response = await Endpoint.PostAsync(Endpoint.BodyWithTab(Payload(name)));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Preview_AnswersTheRememberedName_ForATabWithNothingOfItsOwn()
    {
        using var response = await Endpoint.PostAsync(PreviewEndpointHost.Body(null, Remembered("Ada", TimeSpan.FromDays(30))));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Ada", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Preview_AnswersTheTabsOwnName_BeforeTheRememberedOne()
    {
        using var response = await Endpoint.PostAsync(PreviewEndpointHost.Body(
            Endpoint.ProtectTabValue(Payload("Grace")), Remembered("Ada", TimeSpan.FromDays(30))));

        Assert.Equal("Grace", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Preview_AnswersNothing_ForAPermanentSessionThatHasEnded()
    {
        using var response = await Endpoint.PostAsync(PreviewEndpointHost.Body(null, Remembered("Ada", TimeSpan.FromTicks(-1))));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    [Fact]
    public async Task Preview_ChecksTheExpiryWithTheServersClock_StillSignedInAtTheInstant_NotOneTickAfter()
    {
        var body = PreviewEndpointHost.Body(null, Remembered("Ada", TimeSpan.FromDays(30)));
        Endpoint.Clock.Advance(TimeSpan.FromDays(30));
        using var atTheInstant = await Endpoint.PostAsync(body);
        Endpoint.Clock.Advance(TimeSpan.FromTicks(1));
        using var oneTickAfter = await Endpoint.PostAsync(body);

        Assert.Equal(HttpStatusCode.OK, atTheInstant.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, oneTickAfter.StatusCode);
    }

    [Fact]
    public async Task Preview_AnswersNothing_ForATabValueSentAsTheRememberedOne()
    {
        var tabValue = Endpoint.ProtectTabValue(Payload("Ada"));

        using var response = await Endpoint.PostAsync(PreviewEndpointHost.Body(null, tabValue));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    private string Remembered(string name, TimeSpan validFor) => Endpoint.ProtectRememberedValue(JsonSerializer.Serialize(
        new Dictionary<string, object>
        {
            ["v"] = 1,
            ["expires"] = SessionHarness.Start + validFor,
            ["values"] = new Dictionary<string, object> { ["username"] = name },
        }));

    // Written by hand rather than by the library, so the test pins the stored shape.
    private static string Payload(string name) => JsonSerializer.Serialize(
        new Dictionary<string, object> { ["v"] = 1, ["values"] = new Dictionary<string, object> { ["username"] = name } });
}
