using Microsoft.Extensions.Logging;

namespace BlazorSession;

// Messages never include a stored value: it is the visitor's data, and logs outlive the tab that held it. Keys and
// type names are the developer's. Each line names the circuit by its public id (Circuit.Id, not the secret the browser
// reconnects with), "none" outside a circuit.
internal static partial class BrowserSessionLog
{
    [LoggerMessage(EventId = 1, EventName = "StoredSessionUnreadable", Level = LogLevel.Warning,
        Message = "The session stored in the {Place} for circuit {Circuit} could not be read ({Reason}); it was deleted and reads as empty.")]
    public static partial void StoredSessionUnreadable(ILogger logger, string circuit, string place, string reason);

    [LoggerMessage(EventId = 2, EventName = "StorageUnavailable", Level = LogLevel.Warning,
        Message = "The browser's storage of circuit {Circuit} could not be reached while {Operation} ({Reason}).")]
    public static partial void StorageUnavailable(ILogger logger, string circuit, string operation, string reason);

    [LoggerMessage(EventId = 3, EventName = "ValueUnreadableAsType", Level = LogLevel.Warning,
        Message = "The value of circuit {Circuit} under '{Key}' does not read as {Type} (stored by another version?); it reads as absent. The other keys are unaffected.")]
    public static partial void ValueUnreadableAsType(ILogger logger, string circuit, string key, string type);

    [LoggerMessage(EventId = 4, EventName = "PermanentSessionEnded", Level = LogLevel.Information,
        Message = "The permanent session read by circuit {Circuit} had ended ({Reason}); it was deleted.")]
    public static partial void PermanentSessionEnded(ILogger logger, string circuit, string reason);

    [LoggerMessage(EventId = 5, EventName = "OtherTabsNotFollowed", Level = LogLevel.Warning,
        Message = "Circuit {Circuit} could not listen for the browser's other tabs ({Reason}); it follows their changes to the permanent session only when it reconnects or reloads.")]
    public static partial void OtherTabsNotFollowed(ILogger logger, string circuit, string reason);

    [LoggerMessage(EventId = 6, EventName = "PermanentCookieNotFollowed", Level = LogLevel.Warning,
        Message = "Circuit {Circuit} could not bring the page's cookie copy of the permanent session up to date ({Reason}); a new tab shows the change once its circuit has read the browser.")]
    public static partial void PermanentCookieNotFollowed(ILogger logger, string circuit, string reason);

    [LoggerMessage(EventId = 7, EventName = "CarriedSessionUnreadable", Level = LogLevel.Warning,
        Message = "The copy of the session in the {Place} that a request carried could not be read ({Reason}); the page shows it as empty, refuses changes to it, and the tab's circuit reads the browser's own storage.")]
    public static partial void CarriedSessionUnreadable(ILogger logger, string place, string reason);

    [LoggerMessage(EventId = 8, EventName = "SessionNotInStore", Level = LogLevel.Information,
        Message = "The session the {Place} points to is not in the session store ({Store}): expired or ended; it reads as empty, and its next change gets a new id.")]
    public static partial void SessionNotInStore(ILogger logger, string place, string store);
}
