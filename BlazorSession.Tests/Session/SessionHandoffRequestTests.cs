using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using BlazorSession.App.Components.Document;
using BlazorSession.App.Preview;
using BlazorSession.Tests.Fakes;
using BlazorSession.Tests.Infrastructure;

namespace BlazorSession.Tests.Session;

/// <summary>
/// A page's request that carries the tab's handed-over session (Preview/SessionHandoff.cs) comes back with the name
/// read from it, beside the values it was read from, in the preview script's data; only a name the server verified;
/// and the response expires the cookie, which is for one page load.
/// </summary>
public sealed class SessionHandoffRequestTests : PreviewEndpointTest
{
    private const string NamePayload = """{"v":1,"values":{"username":"Ada <b>\"Lovelace\"</b> & $&"}}""";
    private const string Name = "Ada <b>\"Lovelace\"</b> & $&";

    [Theory]
    [InlineData("/get-session")]
    [InlineData("/members")]
    public async Task PageThatShowsTheName_ComesWithTheNameReadFromTheHandoff_AndExpiresIt(string path)
    {
        var handedOver = Endpoint.BodyWithTab(NamePayload);

        using var response = await Endpoint.GetPageAsync(path, handedOver);

        var preview = await PreviewScriptAsync(response);
        Assert.Equal(handedOver, preview.GetAttribute("data-handed-over"));
        Assert.Equal(Name, preview.GetAttribute("data-handed-over-name"));
        AssertExpiresTheHandoff(response);
    }

    [Fact]
    public async Task RememberedSession_IsReadFromTheHandoffToo()
    {
        var handedOver = PreviewEndpointHost.Body(null, Endpoint.ProtectRememberedValue(JsonSerializer.Serialize(
            new Dictionary<string, object>
            {
                ["v"] = 1,
                ["expires"] = SessionHarness.Start + TimeSpan.FromDays(30),
                ["values"] = new Dictionary<string, object> { ["username"] = "Remembered Rae" },
            })));

        using var response = await Endpoint.GetPageAsync("/get-session", handedOver);

        Assert.Equal("Remembered Rae", (await PreviewScriptAsync(response)).GetAttribute("data-handed-over-name"));
    }

    [Fact]
    public async Task TamperedHandoff_ComesBackWithTheValuesItWasRead_AndNoName()
    {
        var value = Endpoint.ProtectTabValue(NamePayload);
        var handedOver = PreviewEndpointHost.Body(value[..^4] + (value.EndsWith("AAAA", StringComparison.Ordinal) ? "BBBB" : "AAAA"));

        using var response = await Endpoint.GetPageAsync("/get-session", handedOver);

        var preview = await PreviewScriptAsync(response);
        Assert.Equal(handedOver, preview.GetAttribute("data-handed-over"));
        Assert.False(preview.HasAttribute("data-handed-over-name"));
        Assert.DoesNotContain("Lovelace", await response.Content.ReadAsStringAsync());
        AssertExpiresTheHandoff(response);
    }

    [Theory]
    [InlineData("""{"tab":"not ciphertext at all !","browser":null}""")]
    [InlineData("""{"tab":null,"browser":"CfDJ8"}""")]
    [InlineData("""{"tab":null,"browser":null}""")]
    [InlineData("""{"tab":"\"><script>alert(1)</script>","browser":null}""")]
    public async Task UnreadableHandoff_ComesBackWithNoName_AsText_AndThePageWorks(string handedOver)
    {
        using var response = await Endpoint.GetPageAsync("/get-session", handedOver);

        var preview = await PreviewScriptAsync(response);
        Assert.Equal(handedOver, preview.GetAttribute("data-handed-over"));
        Assert.False(preview.HasAttribute("data-handed-over-name"));
        // What the cookie holds comes back as an attribute's text, never as markup.
        Assert.DoesNotContain(preview.Owner!.QuerySelectorAll("script"), script => script.TextContent.Contains("alert(1)", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("not JSON")]
    [InlineData("[1, 2]")]
    public async Task UnparsableHandoff_IsAsIfNothingWasHandedOver(string handedOver)
    {
        using var response = await Endpoint.GetPageAsync("/get-session", handedOver);

        var preview = await PreviewScriptAsync(response);
        Assert.False(preview.HasAttribute("data-handed-over"));
        Assert.False(preview.HasAttribute("data-handed-over-name"));
        AssertExpiresTheHandoff(response);
    }

    [Fact]
    public async Task OversizedHandoff_IsNotRead()
    {
        var handedOver = PreviewEndpointHost.Body(Endpoint.ProtectTabValue(NamePayload), new string('A', StoredSessionPreview.MaxValueLength));

        using var response = await Endpoint.GetPageAsync("/get-session", handedOver);

        Assert.False((await PreviewScriptAsync(response)).HasAttribute("data-handed-over"));
    }

    [Fact]
    public async Task RequestWithoutAHandoff_GetsNothingHandedOver_AndNoCookie()
    {
        using var response = await Endpoint.GetPageAsync("/get-session", handedOver: null);

        var preview = await PreviewScriptAsync(response);
        Assert.False(preview.HasAttribute("data-handed-over"));
        Assert.False(preview.HasAttribute("data-handed-over-name"));
        Assert.DoesNotContain(SetCookies(response), cookie => cookie.StartsWith(SessionHandoff.CookieName + "=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PageThatDoesNotShowTheName_ReadsNothing_ButExpiresTheHandoff()
    {
        using var response = await Endpoint.GetPageAsync("/set-session", Endpoint.BodyWithTab(NamePayload));

        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("Lovelace", html);
        Assert.DoesNotContain("data-handed-over", html);
        AssertExpiresTheHandoff(response);
    }

    private static async Task<IElement> PreviewScriptAsync(HttpResponseMessage response)
    {
        response.EnsureSuccessStatusCode();
        var document = await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());
        return Assert.Single(document.QuerySelectorAll("script"),
            script => script.TextContent == InlineDocumentAssets.StoredSessionPreview.Text);
    }

    private static void AssertExpiresTheHandoff(HttpResponseMessage response)
    {
        var cookie = Assert.Single(SetCookies(response), cookie => cookie.StartsWith(SessionHandoff.CookieName + "=", StringComparison.Ordinal));
        // The attributes session-handoff.js writes it with: a cookie of another path or site policy would be another cookie.
        Assert.Contains("path=/", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("expires=Thu, 01 Jan 1970", cookie, StringComparison.OrdinalIgnoreCase);
    }

    private static IEnumerable<string> SetCookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [];
}
