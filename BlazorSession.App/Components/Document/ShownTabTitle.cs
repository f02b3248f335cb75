namespace BlazorSession.App.Components.Document;

/// <summary>
/// The tab title the circuit's document shows, so that <see cref="DocumentTitle"/> only calls into the browser when
/// the title changes. Scoped: one per circuit.
/// </summary>
/// <remarks>
/// Unknown (null) until the circuit's first page renders. That page is the one the server prerendered, and its
/// title is already in the document's <c>&lt;title&gt;</c>. This holds because every page's title is a constant; a
/// title that depended on what only the circuit knows would need the call on the first page too.
/// </remarks>
public sealed class ShownTabTitle
{
    public string? Text { get; set; }
}
