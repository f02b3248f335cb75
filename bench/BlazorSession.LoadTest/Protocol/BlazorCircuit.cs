using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.DependencyInjection;

namespace BlazorSession.LoadTest.Protocol;

/// <summary>
/// One browser tab as the Blazor Server circuit sees it, speaking the hub protocol the browser script speaks:
/// starts a circuit from a prerendered page, mirrors every render batch and acknowledges it, answers the JS interop
/// calls the app makes (sessionStorage is emulated per tab, localStorage per simulated browser), dispatches DOM events through the renderer's interop
/// object and reports in-app navigation.
/// </summary>
internal sealed class BlazorCircuit : IAsyncDisposable
{
    private const string NullJson = "null";

    private readonly Uri _baseUri;
    private readonly LoadMetrics _metrics;
    private readonly HubConnection _hub;
    private readonly DroppableConnection _connection = new();
    private readonly Lock _gate = new();
    private readonly DomMirror _dom = new();
    private readonly Dictionary<string, string> _sessionStorage = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _localStorage;
    private readonly List<(Func<DomMirror, bool> Condition, TaskCompletionSource Done)> _waiters = [];
    private readonly ConcurrentDictionary<string, TaskCompletionSource<string?>> _dotNetCalls = new();
    private long _nextCallId;
    private long _lastServerWork = Stopwatch.GetTimestamp();
    private long? _rendererInteropObjectId;
    private bool _hasLocationChangingListeners;
    private LoadTestException? _failure;
    private volatile bool _closing;

    private BlazorCircuit(Uri baseUri, LoadMetrics metrics, Dictionary<string, string> localStorage)
    {
        _baseUri = baseUri;
        _metrics = metrics;
        _localStorage = localStorage;
        var builder = new HubConnectionBuilder()
            .WithUrl(new Uri(baseUri, "_blazor"), options =>
            {
                // As the app's Blazor.start configures the browser: WebSockets only, no negotiate request.
                options.SkipNegotiation = true;
                options.Transports = HttpTransportType.WebSockets;
                options.WebSocketFactory = _connection.OpenWebSocketAsync;
            });
        builder.Services.AddSingleton<IHubProtocol, BlazorPackHubProtocol>();
        _hub = builder.Build();

        _hub.On<int, string>("JS.AttachComponent", (componentId, _) =>
        {
            lock (_gate)
            {
                _dom.AttachRootComponent(componentId);
            }
        });
        _hub.On<long, byte[]>("JS.RenderBatch", OnRenderBatchAsync);
        _hub.On("JS.BeginInvokeJS",
            [typeof(long), typeof(string), typeof(string), typeof(int), typeof(long), typeof(int)],
            args => OnBeginInvokeJSAsync((long)args[0]!, (string)args[1]!, (string)args[2]!));
        _hub.On<string, bool, string?>("JS.EndInvokeDotNet", OnEndInvokeDotNet);
        _hub.On<long>("JS.EndUpdateRootComponents", _ => { });
        _hub.On<string>("JS.Error", message => Fail(new LoadTestException(ErrorKinds.CircuitError, message)));
        _hub.Closed += exception =>
        {
            if (!_closing)
            {
                Fail(new LoadTestException(ErrorKinds.ConnectionClosed, exception?.Message ?? "The server closed the connection."));
            }

            return Task.CompletedTask;
        };
    }

    public bool IsConnected => _hub.State == HubConnectionState.Connected && _failure is null;

    /// <summary>The id the server gave at start, which the browser's unload beacon sends back.</summary>
    public string? CircuitId { get; private set; }

    /// <summary>
    /// After <see cref="DropAsync"/>: how long the server took to close the silent connection (its client timeout),
    /// or null when it had not after a few minutes.
    /// </summary>
    public Task<TimeSpan?> DroppedConnectionClosedByServer => _connection.ServerClosed;

    /// <summary>
    /// Opens <c>/_blazor</c>, starts a circuit for <paramref name="pageUri"/> and adds the page's root components.
    /// <paramref name="localStorage"/> is the simulated browser's, kept by the caller for all of its tabs.
    /// </summary>
    public static async Task<BlazorCircuit> StartAsync(Uri baseUri, Uri pageUri, PrerenderedPage page, LoadMetrics metrics,
        Dictionary<string, string> localStorage, CancellationToken cancellationToken)
    {
        var circuit = new BlazorCircuit(baseUri, metrics, localStorage);
        try
        {
            await circuit._hub.StartAsync(cancellationToken);
            var circuitId = await circuit._hub.InvokeAsync<string?>(
                "StartCircuit", baseUri.ToString(), pageUri.ToString(), "[]", "", cancellationToken);
            if (string.IsNullOrEmpty(circuitId))
            {
                throw new LoadTestException(ErrorKinds.CircuitRefused, "StartCircuit returned no circuit id.");
            }

            circuit.CircuitId = circuitId;

            // The browser sends the persisted component state with its first root component update only.
            await circuit._hub.SendAsync(
                "UpdateRootComponents", page.AddRootComponentsOperation(batchId: 1), page.ApplicationState, cancellationToken);
            return circuit;
        }
        catch
        {
            await circuit.DisposeAsync();
            throw;
        }
    }

    /// <summary>Completes when <paramref name="condition"/> holds for the mirrored DOM; fails with the circuit.</summary>
    public Task WaitForAsync(Func<DomMirror, bool> condition, CancellationToken cancellationToken)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            if (_failure is not null)
            {
                return Task.FromException(_failure);
            }

            if (condition(_dom))
            {
                return Task.CompletedTask;
            }

            _waiters.Add((condition, done));
        }

        return done.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Reads the mirrored DOM consistently with the batches being applied.</summary>
    public T Read<T>(Func<DomMirror, T> read)
    {
        lock (_gate)
        {
            return read(_dom);
        }
    }

    /// <summary>
    /// Dispatches a DOM event the way the browser script does since .NET 8: a call to the renderer's
    /// <c>DispatchEventAsync</c> on the interop object the server handed over at start, completed by
    /// <c>JS.EndInvokeDotNet</c>.
    /// </summary>
    public async Task DispatchEventAsync(ulong eventHandlerId, string eventName, object? eventFieldInfo, object eventArgs,
        CancellationToken cancellationToken)
    {
        var interopObjectId = Read(_ => _rendererInteropObjectId)
            ?? throw new LoadTestException(ErrorKinds.Protocol, "The server has not attached its renderer interop object.");
        var callId = Interlocked.Increment(ref _nextCallId).ToString(CultureInfo.InvariantCulture);
        var completion = new TaskCompletionSource<string?>(TaskCreationOptions.RunContinuationsAsynchronously);
        _dotNetCalls[callId] = completion;
        var descriptor = new { eventHandlerId, eventName, eventFieldInfo };
        var argsJson = JsonSerializer.Serialize(new[] { descriptor, eventArgs });
        try
        {
            await _hub.SendAsync("BeginInvokeDotNetFromJS", callId, null, "DispatchEventAsync", interopObjectId, argsJson,
                cancellationToken);
            await completion.Task.WaitAsync(cancellationToken);
        }
        finally
        {
            _dotNetCalls.TryRemove(callId, out _);
        }
    }

    /// <summary>An in-app link click: the browser script intercepts it, pushes history and tells the circuit.</summary>
    public Task NavigateAsync(string relativeUri, CancellationToken cancellationToken)
    {
        if (Read(_ => _hasLocationChangingListeners))
        {
            throw new LoadTestException(ErrorKinds.Protocol,
                "The app registered location-changing handlers, which this client does not emulate.");
        }

        return _hub.SendAsync("OnLocationChanged", new Uri(_baseUri, relativeUri).ToString(), null, true, cancellationToken);
    }

    /// <summary>
    /// Completes once the server has sent no render batch and no JS call for <paramref name="quiet"/>: the page's
    /// own work after a step (the title, the focus, which the server starts after the batch is acknowledged) is over.
    /// </summary>
    public async Task WaitUntilQuietAsync(TimeSpan quiet, CancellationToken cancellationToken)
    {
        for (var since = SinceServerWork(); since < quiet; since = SinceServerWork())
        {
            await Task.Delay(quiet - since, cancellationToken);
        }
    }

    /// <summary>
    /// The tab vanishes without a close: the connection goes silent with its socket left open (the server notices
    /// only through its client timeout), and this client lets go of the circuit.
    /// </summary>
    public ValueTask DropAsync()
    {
        _closing = true;
        _connection.Drop();
        return DisposeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        _closing = true;
        await _hub.DisposeAsync();
        _connection.Dispose();
    }

    private TimeSpan SinceServerWork() => Stopwatch.GetElapsedTime(Interlocked.Read(ref _lastServerWork));

    private async Task OnRenderBatchAsync(long batchId, byte[] data)
    {
        Interlocked.Exchange(ref _lastServerWork, Stopwatch.GetTimestamp());
        string? error = null;
        _metrics.RecordRenderBatch(data.Length);
        lock (_gate)
        {
            try
            {
                _dom.Apply(data);
                CompleteSatisfiedWaiters();
            }
            catch (Exception exception) when (exception is FormatException or InvalidCastException or ArgumentOutOfRangeException)
            {
                error = exception.Message;
            }
        }

        // Like the browser, report a batch that could not be applied rather than acknowledging it.
        await _hub.SendAsync("OnRenderCompleted", batchId, error);
        if (error is not null)
        {
            Fail(new LoadTestException(ErrorKinds.Protocol, $"Render batch {batchId} could not be applied: {error}"));
        }
    }

    private Task OnBeginInvokeJSAsync(long asyncHandle, string identifier, string argsJson)
    {
        Interlocked.Exchange(ref _lastServerWork, Stopwatch.GetTimestamp());
        _metrics.RecordJSCall(identifier);
        string resultJson;
        using (var args = JsonDocument.Parse(argsJson))
        {
            resultJson = InvokeJS(identifier, args.RootElement);
        }

        return _hub.SendAsync("EndInvokeJSFromDotNet", asyncHandle, true,
            string.Create(CultureInfo.InvariantCulture, $"[{asyncHandle},true,{resultJson}]"));
    }

    /// <summary>getItem, setItem or removeItem on one emulated store, answered as the browser would (JSON).</summary>
    private static string AnswerStorageCall(Dictionary<string, string> store, string method, JsonElement args)
    {
        var key = args[0].GetString()!;
        switch (method)
        {
            case "getItem":
                return store.TryGetValue(key, out var value) ? JsonSerializer.Serialize(value) : NullJson;
            case "setItem":
                store[key] = args[1].GetString() ?? "";
                return NullJson;
            default:
                store.Remove(key);
                return NullJson;
        }
    }

    /// <summary>The browser side of the JS calls this app makes; anything else succeeds with no value.</summary>
    private string InvokeJS(string identifier, JsonElement args)
    {
        lock (_gate)
        {
            switch (identifier)
            {
                case "sessionStorage.getItem" or "sessionStorage.setItem" or "sessionStorage.removeItem":
                    return AnswerStorageCall(_sessionStorage, identifier["sessionStorage.".Length..], args);
                case "localStorage.getItem" or "localStorage.setItem" or "localStorage.removeItem":
                    return AnswerStorageCall(_localStorage, identifier["localStorage.".Length..], args);
                // The session library's module (its listener for the browser's other tabs): a JS object whose
                // functions, like every call this browser does not know, succeed with no value.
                case "import":
                    return """{"__jsObjectId":1}""";
                case "Blazor._internal.attachWebRendererInterop":
                    _rendererInteropObjectId = args[1].GetProperty("__dotNetObject").GetInt64();
                    return NullJson;
                case "Blazor._internal.navigationManager.setHasLocationChangingListeners":
                    _hasLocationChangingListeners = args[1].GetBoolean();
                    return NullJson;
                default:
                    return NullJson;
            }
        }
    }

    private void OnEndInvokeDotNet(string callId, bool succeeded, string? resultOrError)
    {
        if (!_dotNetCalls.TryRemove(callId, out var completion))
        {
            return;
        }

        if (succeeded)
        {
            completion.TrySetResult(resultOrError);
        }
        else
        {
            completion.TrySetException(new LoadTestException(ErrorKinds.EventFailed, resultOrError ?? "The event handler failed."));
        }
    }

    private void CompleteSatisfiedWaiters()
    {
        for (var i = _waiters.Count - 1; i >= 0; i--)
        {
            if (_waiters[i].Condition(_dom))
            {
                _waiters[i].Done.TrySetResult();
                _waiters.RemoveAt(i);
            }
        }
    }

    private void Fail(LoadTestException failure)
    {
        lock (_gate)
        {
            _failure ??= failure;
            foreach (var (_, done) in _waiters)
            {
                done.TrySetException(failure);
            }

            _waiters.Clear();
        }

        foreach (var call in _dotNetCalls.Values)
        {
            call.TrySetException(failure);
        }
    }
}
