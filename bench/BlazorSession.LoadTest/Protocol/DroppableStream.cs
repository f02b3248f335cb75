using System.Diagnostics;

namespace BlazorSession.LoadTest.Protocol;

/// <summary>
/// The TCP stream under one circuit's WebSocket, able to go silent the way a tab does when a laptop's lid is shut or
/// a phone goes out of range: after <see cref="Drop"/> nothing more is sent and nothing received is handed on, yet
/// the socket stays open, so the server sees neither a WebSocket close nor a TCP one and only finds out through its
/// own client timeout. The client side, meanwhile, reads an end of stream at once, so it lets go of the circuit
/// without waiting for a close that cannot come. Whatever the server still sends is read and thrown away until the
/// server closes its end, which is the moment it gave up on the tab (<see cref="ServerClosed"/>).
/// </summary>
internal sealed class DroppableStream(Stream inner) : Stream
{
    /// <summary>Longer than any server's client timeout; a socket still open after this is closed anyway.</summary>
    private static readonly TimeSpan MaxSilence = TimeSpan.FromMinutes(3);

    private readonly Lock _gate = new();
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<TimeSpan?> _serverClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    // Reads go into this stream's own buffer and are copied out: a read still pending when the tab is dropped
    // completes later, and by then the caller's buffer may be back in a pool and in use by someone else.
    private readonly byte[] _readBuffer = new byte[16 * 1024];
    private Task<int>? _pendingRead;
    private long _droppedAt;
    private bool _dropped;
    private int _disposed;

    /// <summary>
    /// After a <see cref="Drop"/>: how long the server took to close the connection, or null when it was still open
    /// after <see cref="MaxSilence"/>. Never completes for a stream that was not dropped.
    /// </summary>
    public Task<TimeSpan?> ServerClosed => _serverClosed.Task;

    public void Drop()
    {
        lock (_gate)
        {
            _droppedAt = Stopwatch.GetTimestamp();
            _dropped = true;
        }

        _released.TrySetResult();
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Task<int> read;
        lock (_gate)
        {
            if (_dropped)
            {
                return 0;
            }

            read = inner.ReadAsync(_readBuffer.AsMemory(0, Math.Min(buffer.Length, _readBuffer.Length)), cancellationToken).AsTask();
            _pendingRead = read;
        }

        await Task.WhenAny(read, _released.Task);
        lock (_gate)
        {
            if (_dropped)
            {
                // The read stays pending on the socket; the discarding loop takes it over.
                return 0;
            }

            _pendingRead = null;
        }

        var count = await read;
        _readBuffer.AsSpan(0, count).CopyTo(buffer.Span);
        return count;
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (_dropped)
            {
                return ValueTask.CompletedTask;
            }
        }

        return inner.WriteAsync(buffer, cancellationToken);
    }

    public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer, offset, count).GetAwaiter().GetResult();

    public override void Write(byte[] buffer, int offset, int count) => WriteAsync(buffer, offset, count).GetAwaiter().GetResult();

    public override void Flush() => inner.Flush();

    public override bool CanRead => true;

    public override bool CanWrite => true;

    public override bool CanSeek => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing && Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            Task<int>? pending;
            bool dropped;
            lock (_gate)
            {
                pending = _pendingRead;
                dropped = _dropped;
            }

            _released.TrySetResult();
            if (dropped)
            {
                _ = DiscardUntilServerClosesAsync(pending);
            }
            else
            {
                inner.Dispose();
            }
        }

        base.Dispose(disposing);
    }

    private async Task DiscardUntilServerClosesAsync(Task<int>? pendingRead)
    {
        using var silence = new CancellationTokenSource(MaxSilence);
        try
        {
            // Only one read at a time on a socket: the one the client left pending comes first. Its result says
            // nothing (it may have been a zero-byte read, which returns 0 when data is there); the next read does.
            if (pendingRead is not null)
            {
                await pendingRead.WaitAsync(silence.Token);
            }

            while (await inner.ReadAsync(_readBuffer, silence.Token) > 0)
            {
            }

            _serverClosed.TrySetResult(Stopwatch.GetElapsedTime(_droppedAt));
        }
        catch (OperationCanceledException)
        {
            _serverClosed.TrySetResult(null);
        }
        catch (IOException)
        {
            // Reset by the server: closed as well.
            _serverClosed.TrySetResult(Stopwatch.GetElapsedTime(_droppedAt));
        }
        finally
        {
            await inner.DisposeAsync();
        }
    }
}
