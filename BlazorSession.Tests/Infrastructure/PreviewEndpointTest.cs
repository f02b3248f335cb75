namespace BlazorSession.Tests.Infrastructure;

/// <summary>A test class with the app in memory and its own key ring and clock (<see cref="PreviewEndpointHost"/>), one per test.</summary>
public abstract class PreviewEndpointTest : IAsyncLifetime
{
    internal PreviewEndpointHost Endpoint { get; private set; } = null!;

    public Task InitializeAsync()
    {
        Endpoint = PreviewEndpointHost.Start();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await Endpoint.DisposeAsync();
}
