using BlazorSession.FirstRender;

namespace BlazorSession.Tests.Library.FirstRender;

/// <summary>
/// The session at the first render with the server-side store: what a request carries is a pointer, read through the
/// store; a static form post writes the store and sends the tab its pointer; clearing revokes what was carried.
/// </summary>
public sealed class FirstRenderWithTheServerStoreTests : IAsyncLifetime
{
    private FirstRenderHost _host = null!;

    public async Task InitializeAsync() => _host = await FirstRenderHost.StartAsync(serverStore: true);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task AStaticFormPost_Saves_AndTheNextRequestReadsItThroughTheStore()
    {
        var tab = FirstRenderHost.NewTabId();
        var (name, value) = FirstRenderHost.Handoff(tab, CarrierCookies.NoSession);
        _host.Cookies[name] = value;

        var posted = await _host.PostAsync("save", ("Name", "Stored Stu"));

        Assert.Equal("Stored Stu", posted.Text("name"));
        Assert.NotNull(posted.SetCookie(CarrierCookies.SavedPrefix + tab));
        var next = await _host.GetAsync();
        Assert.Equal("Stored Stu", next.Text("name"));
    }

    [Fact]
    public async Task ClearingInAStaticFormPost_RevokesTheSession_ACopyOfItsCookieShowsNothing()
    {
        var (name, value) = FirstRenderHost.Handoff(FirstRenderHost.NewTabId(), CarrierCookies.NoSession);
        _host.Cookies[name] = value;
        await _host.PostAsync("save", ("Name", "Copied Cy"), ("Permanent", "true"));
        var copied = _host.Cookies[CarrierCookies.Permanent];
        Assert.Equal("Copied Cy", (await _host.GetAsync()).Text("name"));

        var (clearing, clearingValue) = FirstRenderHost.Handoff(FirstRenderHost.NewTabId(), CarrierCookies.NoSession);
        _host.Cookies[clearing] = clearingValue;
        await _host.PostAsync("clear");

        // Another browser, sent the copy.
        _host.Cookies.Clear();
        _host.Cookies[CarrierCookies.Permanent] = copied;
        var replayed = await _host.GetAsync();
        Assert.Equal("Loaded", replayed.Text("status"));
        Assert.Equal("(none)", replayed.Text("name"));
    }
}
