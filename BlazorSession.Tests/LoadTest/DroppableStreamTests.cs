using System.Net;
using System.Net.Sockets;
using BlazorSession.LoadTest.Protocol;

namespace BlazorSession.Tests.LoadTest;

/// <summary>A dropped tab's connection against a real loopback socket standing in for the server.</summary>
public sealed class DroppableStreamTests : IAsyncDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private Socket? _server;
    private DroppableStream? _client;

    [Fact]
    public async Task Drop_SendsNothingMore_EndsTheClientsReads_AndLeavesTheSocketOpenUntilTheServerCloses()
    {
        var (server, client) = await ConnectAsync();
        var received = new byte[16];
        await client.WriteAsync("before"u8.ToArray());
        Assert.Equal(6, await server.ReceiveAsync(received));
        var pendingClientRead = client.ReadAsync(new byte[16]).AsTask();

        client.Drop();
        await client.WriteAsync("after"u8.ToArray());
        await client.DisposeAsync();

        Assert.Equal(0, await pendingClientRead.WaitAsync(Deadline));
        Assert.Equal(0, await client.ReadAsync(new byte[16]));
        // The server sees neither the write nor a close: its read is still waiting when it gives up on the tab.
        var serverRead = server.ReceiveAsync(received);
        await server.SendAsync("ping"u8.ToArray());
        Assert.False(client.ServerClosed.IsCompleted);

        server.Shutdown(SocketShutdown.Both);
        Assert.NotNull(await client.ServerClosed.WaitAsync(Deadline));
        Assert.Equal(0, await serverRead.WaitAsync(Deadline));
    }

    [Fact]
    public async Task Dispose_WithoutDrop_ClosesTheSocket()
    {
        var (server, client) = await ConnectAsync();

        await client.DisposeAsync();

        Assert.Equal(0, await server.ReceiveAsync(new byte[16]).WaitAsync(Deadline));
    }

    public async ValueTask DisposeAsync()
    {
        if (_client is not null)
        {
            await _client.DisposeAsync();
        }

        _server?.Dispose();
        _listener.Stop();
    }

    private async Task<(Socket Server, DroppableStream Client)> ConnectAsync()
    {
        _listener.Start();
        var clientSocket = new Socket(SocketType.Stream, ProtocolType.Tcp);
        var accepting = _listener.AcceptSocketAsync();
        await clientSocket.ConnectAsync((IPEndPoint)_listener.LocalEndpoint);
        _server = await accepting;
        _client = new DroppableStream(new NetworkStream(clientSocket, ownsSocket: true));
        return (_server, _client);
    }
}
