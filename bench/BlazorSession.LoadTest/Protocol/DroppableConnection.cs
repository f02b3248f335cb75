using System.Net.Sockets;
using System.Net.WebSockets;
using Microsoft.AspNetCore.Http.Connections.Client;

namespace BlazorSession.LoadTest.Protocol;

/// <summary>
/// The WebSocket of one circuit, opened on a TCP stream this client keeps a hand on, so the tab can vanish without
/// a close (<see cref="Drop"/>) as well as close cleanly. SignalR's client opens it through
/// <see cref="HttpConnectionOptions.WebSocketFactory"/>.
/// </summary>
internal sealed class DroppableConnection : IDisposable
{
    private readonly HttpMessageInvoker _invoker;
    private DroppableStream? _stream;

    public DroppableConnection() =>
        _invoker = new HttpMessageInvoker(new SocketsHttpHandler { ConnectCallback = ConnectAsync });

    /// <summary>See <see cref="DroppableStream.ServerClosed"/>; null before the socket was opened.</summary>
    public Task<TimeSpan?> ServerClosed => _stream?.ServerClosed ?? Task.FromResult<TimeSpan?>(null);

    public async ValueTask<WebSocket> OpenWebSocketAsync(WebSocketConnectionContext context, CancellationToken cancellationToken)
    {
        var webSocket = new ClientWebSocket();
        try
        {
            await webSocket.ConnectAsync(context.Uri, _invoker, cancellationToken);
            return webSocket;
        }
        catch
        {
            webSocket.Dispose();
            throw;
        }
    }

    /// <summary>From now on the connection is silent both ways, with the socket left open.</summary>
    public void Drop() => _stream?.Drop();

    public void Dispose() => _invoker.Dispose();

    private async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        _stream = new DroppableStream(new NetworkStream(socket, ownsSocket: true));
        return _stream;
    }
}
