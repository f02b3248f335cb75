namespace BlazorSession.App.Session;

// Messages never include the username: it is the user's data, and logs outlive the tab that held it.
internal static partial class SessionLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Warning,
        Message = "The stored session could not be read ({Reason}); it was deleted and the session starts empty.")]
    public static partial void StoredSessionUnreadable(ILogger logger, string reason);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning,
        Message = "The browser's session storage could not be reached while {Operation} ({Reason}).")]
    public static partial void StoreUnavailable(ILogger logger, string operation, string reason);
}
