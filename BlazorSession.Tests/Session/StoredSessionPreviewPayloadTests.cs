using System.Net;
using System.Text.Json;
using BlazorSession.App.Session;
using BlazorSession.Tests.Infrastructure;

namespace BlazorSession.Tests.Session;

/// <summary>
/// The preview answers only names a circuit would accept: a payload that decrypts with the app's key ring but that
/// this version would not have written is answered with nothing, as the circuit reads it as empty.
/// </summary>
public sealed class StoredSessionPreviewPayloadTests : IAsyncLifetime
{
    private PreviewEndpointHost _endpoint = null!;

    public async Task InitializeAsync() => _endpoint = await PreviewEndpointHost.StartAsync();

    public async Task DisposeAsync() => await _endpoint.DisposeAsync();

    [Theory]
    [InlineData("Ada Lovelace")]
    [InlineData("李小龍 🎉 <b>&amp;</b> \"quoted\"")]
    public async Task Preview_AnswersTheName_OfAPayloadThisVersionWrote(string name)
    {
        using var response = await _endpoint.PostAsync(_endpoint.Protect(Payload(StoredSession.CurrentVersion, name)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(name, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Preview_AnswersANameOfExactly64Characters()
    {
        var name = string.Concat(Enumerable.Repeat("🎉", UsernameRules.MaxLength));

        using var response = await _endpoint.PostAsync(_endpoint.Protect(Payload(StoredSession.CurrentVersion, name)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(name, await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("""{"v":2,"username":"Ada"}""")]
    [InlineData("""{"v":0,"username":"Ada"}""")]
    [InlineData("""{"username":"Ada"}""")]
    [InlineData("""{"v":1,"username":"  Ada  "}""")]
    [InlineData("""{"v":1,"username":""}""")]
    [InlineData("""{"v":1,"username":"   "}""")]
    [InlineData("""{"v":1,"username":"bell\u0007Ada"}""")]
    [InlineData("""{"v":1,"username":"tab\tAda"}""")]
    [InlineData("""{"v":1,"username":"line\nAda"}""")]
    public async Task Preview_AnswersNothing_ForAPayloadThatDecryptsButBreaksTheRules(string json)
    {
        using var response = await _endpoint.PostAsync(_endpoint.Protect(json));

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

        using var response = await _endpoint.PostAsync(_endpoint.Protect(Payload(StoredSession.CurrentVersion, name)));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsStringAsync());
    }

    // Written by hand rather than from StoredSession, so the test pins the stored shape, not the record's attributes.
    private static string Payload(int version, string name) =>
        JsonSerializer.Serialize(new Dictionary<string, object> { ["v"] = version, ["username"] = name });
}
