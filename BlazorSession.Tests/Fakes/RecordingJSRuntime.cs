using Microsoft.JSInterop;

namespace BlazorSession.Tests.Fakes;

/// <summary>A browser that records every call and answers each with its default, or fails them all as a dropped circuit does.</summary>
internal sealed class RecordingJSRuntime : IJSRuntime
{
    public List<(string Identifier, object?[] Arguments)> Calls { get; } = [];

    public bool Disconnected { get; set; }

    public ValueTask<TValue> InvokeAsync<TValue>(string identifier, object?[]? args)
    {
        Calls.Add((identifier, args ?? []));
        return Disconnected
            ? ValueTask.FromException<TValue>(new JSDisconnectedException("The circuit is disconnected."))
            : ValueTask.FromResult(default(TValue)!);
    }

    public ValueTask<TValue> InvokeAsync<TValue>(string identifier, CancellationToken cancellationToken, object?[]? args) =>
        InvokeAsync<TValue>(identifier, args);
}
