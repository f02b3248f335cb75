using Microsoft.JSInterop;

namespace BlazorSession.Tests.Fakes;

/// <summary>
/// A browser that records every call and answers each with its default, or fails them all as a dropped circuit does.
/// An <c>import</c> answers with a module whose calls are recorded here too.
/// </summary>
internal sealed class RecordingJSRuntime : IJSRuntime
{
    public List<(string Identifier, object?[] Arguments)> Calls { get; } = [];

    public bool Disconnected { get; set; }

    public ValueTask<TValue> InvokeAsync<TValue>(string identifier, object?[]? args)
    {
        Calls.Add((identifier, args ?? []));
        if (Disconnected)
        {
            return ValueTask.FromException<TValue>(new JSDisconnectedException("The circuit is disconnected."));
        }

        return identifier == "import" && typeof(TValue) == typeof(IJSObjectReference)
            ? ValueTask.FromResult((TValue)(object)new RecordingModule(this))
            : ValueTask.FromResult(default(TValue)!);
    }

    public ValueTask<TValue> InvokeAsync<TValue>(string identifier, CancellationToken cancellationToken, object?[]? args) =>
        InvokeAsync<TValue>(identifier, args);

    private sealed class RecordingModule(RecordingJSRuntime browser) : IJSObjectReference
    {
        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, object?[]? args) => browser.InvokeAsync<TValue>(identifier, args);

        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, CancellationToken cancellationToken, object?[]? args) =>
            browser.InvokeAsync<TValue>(identifier, args);

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
