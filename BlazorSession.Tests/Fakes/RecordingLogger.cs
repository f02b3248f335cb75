using Microsoft.Extensions.Logging;

namespace BlazorSession.Tests.Fakes;

internal sealed record LogEntry(LogLevel Level, string Message, Exception? Exception, EventId EventId = default);

/// <summary>Keeps what was logged so a test can check the level and that no user data reached the log.</summary>
internal sealed class RecordingLogger<T> : ILogger<T>
{
    public List<LogEntry> Entries { get; } = [];

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception,
        Func<TState, Exception?, string> formatter) =>
        Entries.Add(new LogEntry(logLevel, formatter(state, exception), exception, eventId));
}
