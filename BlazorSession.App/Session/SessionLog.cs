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

    [LoggerMessage(EventId = 3, EventName = "RememberedSignInUnreadable", Level = LogLevel.Warning,
        Message = "The remembered sign-in read by circuit {Circuit} could not be read ({Reason}); it was deleted and reads as none. The tab's own session is unaffected.")]
    public static partial void RememberedSignInUnreadable(ILogger logger, string circuit, string reason);

    [LoggerMessage(EventId = 4, EventName = "RememberedSignInExpired", Level = LogLevel.Information,
        Message = "The remembered sign-in read by circuit {Circuit} had expired; it was deleted.")]
    public static partial void RememberedSignInExpired(ILogger logger, string circuit);

    [LoggerMessage(EventId = 5, EventName = "OtherTabsNotFollowed", Level = LogLevel.Warning,
        Message = "Circuit {Circuit} could not listen for the browser's other tabs ({Reason}); it will not follow their sign-in changes until reloaded.")]
    public static partial void OtherTabsNotFollowed(ILogger logger, string circuit, string reason);
}
