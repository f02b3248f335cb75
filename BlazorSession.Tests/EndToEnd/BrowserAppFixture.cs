using BlazorSession.Tests.Infrastructure;
using Microsoft.Playwright;

namespace BlazorSession.Tests.EndToEnd;

/// <summary>
/// One running app and one Chromium shared by a test class: starting them is most of an end-to-end test's cost.
/// Each test still gets its own browser context, so sessionStorage never leaks between tests.
/// </summary>
public sealed class BrowserAppFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;

    public AppServer Server { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = await AppServer.StartAsync();
        _playwright = await Playwright.CreateAsync();
        Browser = await Chromium.LaunchAsync(_playwright);
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (Server is not null)
        {
            await Server.DisposeAsync();
        }
    }
}
