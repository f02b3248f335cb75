namespace BlazorSession.App.Session;

// Messages never include the username: it is the user's data, and logs outlive the tab that held it. Each line names
// the circuit by its public id (Circuit.Id, not the secret the browser reconnects with).
internal static partial class SessionLog
{
    [LoggerMessage(EventId = 10, EventName = "PreviousFormatUpgraded", Level = LogLevel.Information,
        Message = "The session circuit {Circuit}'s browser kept in the previous format was upgraded, and the old entries deleted.")]
    public static partial void PreviousFormatUpgraded(ILogger logger, string circuit);

    [LoggerMessage(EventId = 11, EventName = "PreviousFormatNotUpgraded", Level = LogLevel.Warning,
        Message = "The session circuit {Circuit}'s browser kept in the previous format could not be upgraded ({Reason}); the next circuit tries again.")]
    public static partial void PreviousFormatNotUpgraded(ILogger logger, string circuit, string reason);
}
