using System.Globalization;
using System.Net;
using BlazorSession.FirstRender;
using BlazorSession.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;

namespace BlazorSession.Tests.Library.FirstRender;

/// <summary>
/// The session on every server render, with <c>UseBrowserSession()</c>: a static page and an interactive page's
/// prerender read what the request carried (the tab's handoff, the permanent session), and a static form post's
/// changes go back to the tab in its response.
/// </summary>
public sealed class FirstRenderTests : IAsyncLifetime
{
    private FirstRenderHost _host = null!;

    public async Task InitializeAsync() => _host = await FirstRenderHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task AStaticPage_ReadsTheTabsHandedOverSession_AndTheResponseExpiresTheHandoff()
    {
        var tab = FirstRenderHost.NewTabId();
        var (name, value) = FirstRenderHost.Handoff(tab, await _host.StoredAsync(BrowserStoragePlace.Tab, ("username", "Ada"), ("visits", 3)));
        _host.Cookies[name] = value;

        var page = await _host.GetAsync();

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("Loaded", page.Text("status"));
        Assert.Equal("Ada", page.Text("name"));
        Assert.Equal("3", page.Text("visits"));
        Assert.Equal("tab", page.Text("permanent"));
        Assert.DoesNotContain(name, _host.Cookies.Keys);
    }

    [Theory]
    [InlineData("GET", false, true)]
    [InlineData("GET", true, false)]
    // A post is never loaded again by the tab's script: its response must not ask for it.
    [InlineData("POST", false, false)]
    public async Task APageRenderedWithoutAHandoff_SaysSoInServerTiming_ForTheTabsScript(string method, bool withAHandoff, bool said)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), FirstRenderHost.Page);
        request.Headers.Add("Sec-Fetch-Mode", "navigate");
        if (withAHandoff)
        {
            var (name, value) = FirstRenderHost.Handoff(FirstRenderHost.NewTabId(), CarrierCookies.NoSession);
            request.Headers.Add("Cookie", $"{name}={value}");
        }

        using var response = await _host.Client.SendAsync(request);

        var timings = response.Headers.TryGetValues("Server-Timing", out var values) ? values.ToList() : [];
        Assert.Equal(said, timings.Contains("blazor-session;desc=\"no-handoff\""));
    }

    [Fact]
    public async Task ARequestThatIsNotForAPage_LeavesTheHandoffForThePagesOwnRequest()
    {
        var (name, value) = FirstRenderHost.Handoff(FirstRenderHost.NewTabId(), CarrierCookies.NoSession);
        _host.Cookies[name] = value;

        // A file another tab asks for while this tab is leaving its page: its request must still carry the handoff.
        var file = await _host.GetAsync("/no-such-file.js");

        Assert.DoesNotContain(file.SetCookies, cookie => cookie.Name == name);
        Assert.Contains(name, _host.Cookies.Keys);
    }

    [Fact]
    public async Task AnInteractivePagesPrerender_ShowsTheValues_NotALoadingState()
    {
        var (name, value) = FirstRenderHost.Handoff(FirstRenderHost.NewTabId(), await _host.StoredAsync(BrowserStoragePlace.Tab, ("username", "Grace")));
        _host.Cookies[name] = value;

        var page = await _host.GetAsync("/first-render/interactive");

        Assert.Equal("Loaded", page.Text("status"));
        Assert.Equal("Grace", page.Text("name"));
    }

    [Fact]
    public async Task ANewTab_ShowsThePermanentSession()
    {
        _host.Cookies[CarrierCookies.Permanent] = "1." + await _host.StoredAsync(BrowserStoragePlace.Browser, ("username", "Kept Kim"));

        var page = await _host.GetAsync();

        Assert.Equal("Kept Kim", page.Text("name"));
        Assert.Equal("permanent", page.Text("permanent"));
    }

    [Fact]
    public async Task ATabWithASessionOfItsOwn_ShowsItsOwn_NotThePermanentOne()
    {
        _host.Cookies[CarrierCookies.Permanent] = "1." + await _host.StoredAsync(BrowserStoragePlace.Browser, ("username", "Kept Kim"));
        var (name, value) = FirstRenderHost.Handoff(FirstRenderHost.NewTabId(), await _host.StoredAsync(BrowserStoragePlace.Tab, ("username", "Own Olive")));
        _host.Cookies[name] = value;

        var page = await _host.GetAsync();

        Assert.Equal("Own Olive", page.Text("name"));
        Assert.Equal("tab", page.Text("permanent"));
    }

    [Fact]
    public async Task ATabThatHandedOverNoSessionOfItsOwn_ShowsThePermanentOne()
    {
        _host.Cookies[CarrierCookies.Permanent] = "1." + await _host.StoredAsync(BrowserStoragePlace.Browser, ("username", "Kept Kim"));
        var (name, value) = FirstRenderHost.Handoff(FirstRenderHost.NewTabId(), CarrierCookies.NoSession);
        _host.Cookies[name] = value;

        var page = await _host.GetAsync();

        Assert.Equal("Kept Kim", page.Text("name"));
    }

    [Fact]
    public async Task NothingCarried_IsAnEmptySession_NotALoadingOne()
    {
        var page = await _host.GetAsync();

        Assert.Equal("Loaded", page.Text("status"));
        Assert.Equal("(none)", page.Text("name"));
        Assert.DoesNotContain(page.SetCookies, cookie => cookie.Name.Value!.StartsWith("blazor-session", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TwoTabsHandoffs_InOneRequest_ShowNeither()
    {
        var (first, firstValue) = FirstRenderHost.Handoff(FirstRenderHost.NewTabId(), await _host.StoredAsync(BrowserStoragePlace.Tab, ("username", "First Fay")));
        var (second, secondValue) = FirstRenderHost.Handoff(FirstRenderHost.NewTabId(), await _host.StoredAsync(BrowserStoragePlace.Tab, ("username", "Second Sid")));
        _host.Cookies[first] = firstValue;
        _host.Cookies[second] = secondValue;

        var page = await _host.GetAsync();

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("Unavailable", page.Text("status"));
        Assert.DoesNotContain("First Fay", page.Html);
        Assert.DoesNotContain("Second Sid", page.Html);
        Assert.DoesNotContain(_host.Cookies.Keys, key => key.StartsWith(CarrierCookies.TabPrefix, StringComparison.Ordinal));
    }

    public static TheoryData<string, string> BadCarriers() => new()
    {
        { "tampered", "1.CfDJ8" + new string('A', 200) },
        { "not base64url", "1.<script>alert(1)</script>" },
        { "truncated: a chunk is missing", "3.CfDJ8AAAA" },
        { "more chunks than any session takes", $"{CarrierCookies.MaxChunks + 1}.CfDJ8AAAA" },
        { "no chunk count", "CfDJ8AAAA" },
    };

    [Theory]
    [MemberData(nameof(BadCarriers))]
    public async Task ABadHandoff_ReadsAsEmpty_IsLoggedWithoutIt_AndChangesAreRefused(string why, string value)
    {
        var tab = FirstRenderHost.NewTabId();
        _host.Cookies[$"{CarrierCookies.TabPrefix}{tab}"] = value;

        var page = await _host.GetAsync();
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("Loaded", page.Text("status"));
        Assert.Equal("(none)", page.Text("name"));
        var logged = Assert.Single(_host.Logs.GetSnapshot(), record => record.Id.Name == "CarriedSessionUnreadable");
        Assert.DoesNotContain("CfDJ8", logged.Message);
        Assert.DoesNotContain("script", logged.Message);

        // What the tab holds is not known: saving here would write over it with this one value, so it is refused.
        _host.Cookies[$"{CarrierCookies.TabPrefix}{tab}"] = value;
        var posted = await _host.PostAsync("save", ("Name", "Mallory"));
        Assert.Equal(HttpStatusCode.OK, posted.Status);
        Assert.Equal("The session could not be saved.", posted.Text("error"));
        Assert.DoesNotContain(_host.Cookies.Keys, key => key.StartsWith(CarrierCookies.SavedPrefix, StringComparison.Ordinal));
        Assert.NotNull(why);
    }

    [Theory]
    [InlineData("truncated: a chunk is missing", "2.CfDJ8AAAA")]
    [InlineData("tampered", "1.CfDJ8AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task ABadPermanentCookie_ReadsAsNoPermanentSession_IsLogged_AndMakingItPermanentIsRefused(string why, string value)
    {
        var (name, handoff) = FirstRenderHost.Handoff(FirstRenderHost.NewTabId(), CarrierCookies.NoSession);
        _host.Cookies[name] = handoff;
        _host.Cookies[CarrierCookies.Permanent] = value;

        var posted = await _host.PostAsync("save", ("Name", "Perm Pia"), ("Permanent", "true"));

        Assert.Equal(HttpStatusCode.OK, posted.Status);
        Assert.Equal("The session could not be saved.", posted.Text("error"));
        Assert.Equal("(none)", posted.Text("name"));
        Assert.Contains(_host.Logs.GetSnapshot(), record => record.Id.Name == "CarriedSessionUnreadable");
        Assert.Null(posted.SetCookie(CarrierCookies.Permanent));
        Assert.NotNull(why);
    }

    [Fact]
    public async Task AnExpiredPermanentSession_ReadsAsEnded_AndNothingIsSentBack()
    {
        // Stored 31 days ago, by a server whose permanent sessions last 30.
        var longAgo = new FakeTimeProvider(DateTimeOffset.UtcNow - TimeSpan.FromDays(31));
        _host.Cookies[CarrierCookies.Permanent] = "1." + await _host.StoredAsync(BrowserStoragePlace.Browser, longAgo, ("username", "Old Otto"));

        var page = await _host.GetAsync();

        Assert.Equal("(none)", page.Text("name"));
        Assert.Single(_host.Logs.GetSnapshot(), record => record.Id.Name == "PermanentSessionEnded");
        // The browser's copy is the circuit's to delete: the request's may be older than what the browser holds.
        Assert.Null(page.SetCookie(CarrierCookies.Permanent));
    }

    [Fact]
    public async Task AStaticFormPost_Saves_ThePageShowsIt_AndTheTabIsSentItsNewSession()
    {
        var tab = FirstRenderHost.NewTabId();
        var (name, value) = FirstRenderHost.Handoff(tab, await _host.StoredAsync(BrowserStoragePlace.Tab, ("visits", 1)));
        _host.Cookies[name] = value;

        var posted = await _host.PostAsync("save", ("Name", "Posted Pat"));

        Assert.Equal("Posted Pat", posted.Text("name"));
        Assert.Equal("2", posted.Text("visits"));
        var saved = posted.SetCookie(CarrierCookies.SavedPrefix + tab);
        Assert.NotNull(saved);
        Assert.Equal(SameSiteMode.Strict.ToString(), saved.SameSite.ToString());
        Assert.False(saved.HttpOnly);
        Assert.Matches("^1\\.[A-Za-z0-9_-]+$", saved.Value.Value);
        Assert.DoesNotContain("Posted", saved.Value.Value);

        // The next request (a redirect after the post, a link) carries it until the tab's page has stored it.
        var next = await _host.GetAsync();
        Assert.Equal("Posted Pat", next.Text("name"));
        Assert.Equal("2", next.Text("visits"));
    }

    [Fact]
    public async Task AStaticFormPost_MakingTheSessionPermanent_SendsItToEveryTab()
    {
        var (name, value) = FirstRenderHost.Handoff(FirstRenderHost.NewTabId(), CarrierCookies.NoSession);
        _host.Cookies[name] = value;

        var posted = await _host.PostAsync("save", ("Name", "Forever Fred"), ("Permanent", "true"));

        Assert.Equal("permanent", posted.Text("permanent"));
        var permanent = posted.SetCookie(CarrierCookies.Permanent);
        Assert.NotNull(permanent);
        Assert.Equal("Lax", permanent.SameSite.ToString());
        Assert.NotNull(posted.SetCookie(CarrierCookies.PermanentSaved));
        // A new tab: no handoff, only the browser's cookies.
        var newTab = await _host.GetAsync();
        Assert.Equal("Forever Fred", newTab.Text("name"));
        Assert.Equal("permanent", newTab.Text("permanent"));
    }

    [Fact]
    public async Task AStaticFormPost_Clearing_EndsTheTabsSession_AndThePermanentOne()
    {
        var tab = FirstRenderHost.NewTabId();
        _host.Cookies[CarrierCookies.Permanent] = "1." + await _host.StoredAsync(BrowserStoragePlace.Browser, ("username", "Kept Kim"));
        var (name, value) = FirstRenderHost.Handoff(tab, await _host.StoredAsync(BrowserStoragePlace.Tab, ("username", "Own Olive")));
        _host.Cookies[name] = value;

        var posted = await _host.PostAsync("clear");

        Assert.Equal("(none)", posted.Text("name"));
        Assert.Equal("1.-", posted.SetCookie(CarrierCookies.SavedPrefix + tab)?.Value.Value);
        Assert.DoesNotContain(CarrierCookies.Permanent, _host.Cookies.Keys);
        Assert.Equal("(none)", (await _host.GetAsync()).Text("name"));
    }

    [Fact]
    public async Task AStaticFormPost_WithNoHandoff_CannotReachTheTab_AndSaysSo()
    {
        var posted = await _host.PostAsync("save", ("Name", "Nowhere Ned"));

        Assert.Equal(HttpStatusCode.OK, posted.Status);
        Assert.Equal("The session could not be saved.", posted.Text("error"));
        Assert.Equal("(none)", posted.Text("name"));
        Assert.DoesNotContain(_host.Cookies.Keys, key => key.StartsWith("blazor-session", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ALargeSession_TravelsBothWaysInChunksABrowserKeeps_WithinKestrelsHeaderLimit()
    {
        var tab = FirstRenderHost.NewTabId();
        // Room left for the name and visits the form adds.
        var notes = new string('n', BrowserSession.MaxStoredBytes - 100);
        CarryChunked($"{CarrierCookies.TabPrefix}{tab}", await _host.StoredAsync(BrowserStoragePlace.Tab, ("notes", notes)));
        CarryChunked(CarrierCookies.Permanent, await _host.StoredAsync(BrowserStoragePlace.Browser, ("username", "Kept Kim")));

        var posted = await _host.PostAsync("save", ("Name", "Big Ben"));
        var next = await _host.GetAsync();

        Assert.Equal("(no #error)", posted.Text("error"));
        Assert.Equal(notes.Length.ToString(CultureInfo.InvariantCulture), posted.Text("notes"));
        Assert.Equal("Big Ben", next.Text("name"));
        Assert.Equal(notes.Length.ToString(CultureInfo.InvariantCulture), next.Text("notes"));
        var saved = posted.SetCookies.Where(cookie => cookie.Name.Value!.StartsWith(CarrierCookies.SavedPrefix, StringComparison.Ordinal)).ToList();
        Assert.True(saved.Count > 1, "the saved session is chunked");
        Assert.All(saved, cookie => Assert.True(cookie.Name.Length + cookie.Value.Length < 4096, cookie.Name.Value));
        var cookieHeader = string.Join("; ", _host.Cookies.Select(cookie => $"{cookie.Key}={cookie.Value}"));
        Assert.True(cookieHeader.Length < 32 * 1024, $"{cookieHeader.Length} bytes of cookies");
    }

    [Fact]
    public async Task AChangeThatWouldNotFitInARequestBesideThePermanentSession_IsRefused_AndNothingIsLost()
    {
        var tab = FirstRenderHost.NewTabId();
        var notes = new string('n', BrowserSession.MaxStoredBytes - 100);
        var stored = await _host.StoredAsync(BrowserStoragePlace.Tab, ("username", "Small Sam"));
        CarryChunked($"{CarrierCookies.TabPrefix}{tab}", stored);
        CarryChunked(CarrierCookies.Permanent, await _host.StoredAsync(BrowserStoragePlace.Browser, ("notes", notes)));

        // The tab's own session grows to the largest size: with the permanent one, more than a request carries.
        var posted = await _host.PostAsync("save", ("Name", new string('s', BrowserSession.MaxStoredBytes - 200)));

        Assert.Equal(HttpStatusCode.OK, posted.Status);
        Assert.Equal("The session could not be saved.", posted.Text("error"));
        Assert.Equal("Small Sam", posted.Text("name"));
        Assert.DoesNotContain(posted.SetCookies, cookie => cookie.Name.Value!.StartsWith(CarrierCookies.SavedPrefix, StringComparison.Ordinal));
    }

    private void CarryChunked(string name, string value)
    {
        foreach (var (chunkName, chunk) in FirstRenderHost.Chunked(name, value))
        {
            _host.Cookies[chunkName] = chunk;
        }
    }
}
