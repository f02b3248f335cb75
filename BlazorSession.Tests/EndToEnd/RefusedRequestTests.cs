using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace BlazorSession.Tests.EndToEnd;

/// <summary>
/// A request the server refuses before reading its body must not break the next request on the same keep-alive
/// connection: either the connection stays usable, or the refusal says <c>Connection: close</c> so the client opens
/// a new one. Sent on one raw connection, because an HTTP client may hide the broken connection by retrying.
/// </summary>
public class RefusedRequestTests(BrowserAppFixture fixture) : EndToEndTest(fixture)
{
    private static readonly TimeSpan ReadTimeout = TimeSpan.FromSeconds(15);

    [Theory]
    [InlineData(100 * 1024, HttpStatusCode.BadRequest)]
    [InlineData(8 * 1024, HttpStatusCode.BadRequest)]
    public async Task AFormPostRefused_TheConnectionIsLeftUsable_OrClosedWithNotice(int bodyBytes, HttpStatusCode refusal)
    {
        using var connection = await RawConnection.OpenAsync(Server.BaseUrl, ReadTimeout);

        // A body over AppLimits.RequestBodyBytes, and one under it: neither has the antiforgery token, so antiforgery
        // refuses both.
        await connection.SendAsync(
            $"POST /set-session HTTP/1.1\r\nHost: {Server.BaseUrl.Authority}\r\n" +
            $"Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {bodyBytes}\r\n\r\n",
            new string('x', bodyBytes));
        var refused = await connection.ReadResponseAsync();

        Assert.Equal((int)refusal, refused.Status);
        if (refused.ClosesConnection)
        {
            Assert.True(await connection.ReadsToEndAsync(), "Connection: close was said, but the connection stayed open.");
            return;
        }

        await connection.SendAsync($"GET /healthz/live HTTP/1.1\r\nHost: {Server.BaseUrl.Authority}\r\n\r\n", "");
        var next = await connection.ReadResponseAsync();
        Assert.Equal(200, next.Status);
    }

    /// <summary>One HTTP/1.1 connection, written and read byte by byte as the protocol says, nothing hidden.</summary>
    private sealed class RawConnection : IDisposable
    {
        private readonly TcpClient _client;
        private readonly NetworkStream _stream;
        private readonly TimeSpan _timeout;

        private RawConnection(TcpClient client, TimeSpan timeout)
        {
            _client = client;
            _stream = client.GetStream();
            _timeout = timeout;
        }

        public static async Task<RawConnection> OpenAsync(Uri server, TimeSpan timeout)
        {
            var client = new TcpClient();
            await client.ConnectAsync(server.Host, server.Port);
            return new RawConnection(client, timeout);
        }

        public async Task SendAsync(string head, string body)
        {
            await _stream.WriteAsync(Encoding.ASCII.GetBytes(head));
            try
            {
                await _stream.WriteAsync(Encoding.ASCII.GetBytes(body));
            }
            catch (IOException)
            {
                // The server may answer and stop reading before the whole body is sent; its answer is what is tested.
            }
        }

        public async Task<(int Status, bool ClosesConnection)> ReadResponseAsync()
        {
            using var cancel = new CancellationTokenSource(_timeout);
            var head = await ReadHeadAsync(cancel.Token);
            var lines = head.Split("\r\n");
            var status = int.Parse(lines[0].Split(' ')[1], CultureInfo.InvariantCulture);
            var headers = lines.Skip(1).Select(line => line.Split(':', 2))
                .ToDictionary(parts => parts[0].Trim(), parts => parts[1].Trim(), StringComparer.OrdinalIgnoreCase);
            var length = headers.TryGetValue("Content-Length", out var value) ? int.Parse(value, CultureInfo.InvariantCulture) : 0;
            await _stream.ReadExactlyAsync(new byte[length], cancel.Token);
            var closes = headers.TryGetValue("Connection", out var connection)
                && connection.Contains("close", StringComparison.OrdinalIgnoreCase);
            return (status, closes);
        }

        public async Task<bool> ReadsToEndAsync()
        {
            using var cancel = new CancellationTokenSource(_timeout);
            try
            {
                return await _stream.ReadAsync(new byte[1], cancel.Token) == 0;
            }
            catch (IOException)
            {
                return true;
            }
        }

        private async Task<string> ReadHeadAsync(CancellationToken cancel)
        {
            var head = new StringBuilder();
            var one = new byte[1];
            while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
            {
                if (await _stream.ReadAsync(one, cancel) == 0)
                {
                    throw new IOException($"The server closed the connection after: {head}");
                }

                head.Append((char)one[0]);
            }

            return head.ToString(0, head.Length - 4);
        }

        public void Dispose()
        {
            _stream.Dispose();
            _client.Dispose();
        }
    }
}
