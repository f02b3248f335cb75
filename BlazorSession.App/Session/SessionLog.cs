namespace BlazorSession.App.Session;

// Messages never include the username: it is the user's data, and logs outlive the tab that held it. Each fault is
// logged once, where it is handled, with the circuit's public id (Circuit.Id, not the secret the browser reconnects
// with) so that one tab's faults can be followed; "none" outside a circuit.
internal static partial class SessionLog
{
    [LoggerMessage(EventId = 1, EventName = "StoredSessionUnreadable", Level = LogLevel.Warning,
        Message = "The stored session of circuit {Circuit} could not be read ({Reason}); it was deleted and the session starts empty.")]
    public static partial void StoredSessionUnreadable(ILogger logger, string circuit, string reason);

    [LoggerMessage(EventId = 2, EventName = "StoreUnavailable", Level = LogLevel.Warning,
        Message = "The browser's session storage of circuit {Circuit} could not be reached while {Operation} ({Reason}).")]
    public static partial void StoreUnavailable(ILogger logger, string circuit, string operation, string reason);
}
