namespace BlazorSession.App.Session;

/// <summary>
/// Why the session could not be read or changed, as the pages say it: the connection to the tab, and with the
/// server-side store (<c>Session:Store</c> = Server) also the connection to that store. Singleton.
/// </summary>
public sealed class SessionTrouble(bool serverStore)
{
    /// <summary>The end of "… could not be read because …".</summary>
    public string Cause { get; } = serverStore
        ? "the connection to this tab or to the session store was interrupted"
        : "the connection to this tab was interrupted";
}
