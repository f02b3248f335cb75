using System.ComponentModel.DataAnnotations;
using System.Text.Json;

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
}
