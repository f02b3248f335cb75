using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using BlazorSession.ServerStore;

namespace BlazorSession;

/// <summary>Options of <see cref="BrowserSession"/>, set with <c>AddBrowserSession(options =&gt; …)</c>.</summary>
public sealed class BrowserSessionOptions
{
    /// <summary>
    /// How values become JSON and back: System.Text.Json's web defaults unless replaced. For source-generated
    /// serialization, set options whose <see cref="JsonSerializerOptions.TypeInfoResolver"/> is your
    /// <c>JsonSerializerContext</c> (for example <c>MyContext.Default.Options</c>).
    /// </summary>
    public JsonSerializerOptions SerializerOptions { get; set; } = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// How long a permanent session lasts from its last change (Flask's <c>PERMANENT_SESSION_LIFETIME</c>): 30 days
    /// unless set. Between one second and ten years.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "3650.00:00:00")]
    public TimeSpan RememberFor { get; set; } = TimeSpan.FromDays(30);

    /// <summary>
    /// The server-side store, when <see cref="UseServerStore"/> chose it; null while the browser keeps the values.
    /// </summary>
    public ServerStoreOptions? ServerStore { get; private set; }

    /// <summary>
    /// Keeps the session's values on the server (Flask-Session's choice) rather than in the browser: any size up to
    /// <see cref="ServerStoreOptions.MaxSessionBytes"/>, revoked by <see cref="BrowserSession.ClearAsync"/>, and shared by
    /// every node. The browser holds only an opaque id, protected as the values were. The store is the app's
    /// <c>HybridCache</c> (<c>AddHybridCache()</c>) on one node; with an <c>IDistributedCache</c> registered (Redis),
    /// that cache, read and written directly, so every node sees every change at once and an outage is reported.
    /// The same API, the same semantics.
    /// </summary>
    public BrowserSessionOptions UseServerStore(Action<ServerStoreOptions>? configure = null)
    {
        var store = new ServerStoreOptions();
        configure?.Invoke(store);
        Validator.ValidateObject(store, new ValidationContext(store), validateAllProperties: true);
        ServerStore = store;
        return this;
    }
}
