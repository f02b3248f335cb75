using BlazorSession.App.Hosting;
using BlazorSession.Tests.Infrastructure;

namespace BlazorSession.Tests.EndToEnd;

/// <summary>
/// The app with its sessions in the server-side store (<c>Session:Store</c> = Server, HybridCache in memory), shared by
/// the tests of one class that run the browser tests of the default mode again against it.
/// </summary>
public sealed class ServerStoreAppFixture : IAsyncLifetime
{
    public AppServer Server { get; private set; } = null!;

    public async Task InitializeAsync() =>
        Server = await AppServer.StartAsync((AppSessionStore.Setting.Replace(":", "__", StringComparison.Ordinal), "Server"));

    public async Task DisposeAsync()
    {
        if (Server is not null)
        {
            await Server.DisposeAsync();
        }
    }
}
