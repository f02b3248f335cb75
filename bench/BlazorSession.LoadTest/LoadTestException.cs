namespace BlazorSession.LoadTest;

/// <summary>A failure of a simulated user, classified for the report's error counts.</summary>
public sealed class LoadTestException(string kind, string message, Exception? innerException = null)
    : Exception(message, innerException)
{
    public string Kind { get; } = kind;
}

/// <summary>The error kinds the report counts.</summary>
public static class ErrorKinds
{
    public const string Http = "http";
    public const string ConnectionClosed = "connection-closed";
    public const string CircuitRefused = "circuit-refused";
    public const string CircuitError = "circuit-error";
    public const string EventFailed = "event-failed";
    public const string Protocol = "protocol";
    public const string Timeout = "timeout";
    public const string Connect = "connect";
}
