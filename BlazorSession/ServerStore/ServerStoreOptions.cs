using System.ComponentModel.DataAnnotations;

namespace BlazorSession.ServerStore;

/// <summary>
/// Options of the server-side store (<see cref="BrowserSessionOptions.UseServerStore"/>): the session's values are kept
/// on the server, and the browser holds only an opaque id.
/// </summary>
public sealed class ServerStoreOptions
{
    /// <summary>The most one session may take, in bytes of JSON (all keys and values together): 1 MiB unless set.</summary>
    [Range(1024, 64 * 1024 * 1024)]
    public int MaxSessionBytes { get; set; } = 1024 * 1024;

    /// <summary>
    /// How long a tab's session stays in the store unused (each read or change keeps it): 8 hours unless set, a working
    /// day with its breaks. A permanent session lasts <see cref="BrowserSessionOptions.RememberFor"/> from its last
    /// change instead. An expired session leaves the store by itself.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "3650.00:00:00")]
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromHours(8);
}
