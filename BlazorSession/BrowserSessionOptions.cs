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
}
