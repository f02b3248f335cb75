using BlazorSession.Tests.Infrastructure;

namespace BlazorSession.Tests.EndToEnd;

/// <summary>
/// Base for browser tests that need a server of their own instead of the shared one: they stop and start it, start
/// it with other settings, or use up what it allows one client address.
/// </summary>
public abstract class OwnServerTest(BrowserAppFixture fixture, params (string Name, string Value)[] settings)
    : EndToEndTest(fixture)
{
    private AppServer? _ownServer;

    protected override AppServer Server => _ownServer ?? throw new InvalidOperationException("Not started.");

    public override async Task InitializeAsync()
    {
        _ownServer = await AppServer.StartAsync(settings);
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (_ownServer is not null)
        {
            await _ownServer.DisposeAsync();
        }
    }
}
