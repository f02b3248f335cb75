namespace BlazorSession.App.Components.Document;

/// <summary>
/// Every script and stylesheet the pages write inline, loaded when the app starts. The Content Security Policy
/// allows these and nothing else inline (<see cref="Hosting.SecurityHeaders"/>).
/// </summary>
public static class InlineDocumentAssets
{
    /// <summary>The app's whole stylesheet (InlineStylesheet says why it is inline).</summary>
    public static InlineAsset Stylesheet { get; } = InlineAsset.Load("app.css", "style");

    /// <summary>window.blazorSession, with the function DocumentTitle calls.</summary>
    public static InlineAsset PageFunctions { get; } = InlineAsset.Load("page-functions.js", "script");

    /// <summary>TypeAheadScript.razor.</summary>
    public static InlineAsset TypeAhead { get; } = InlineAsset.Load("type-ahead.js", "script");

    /// <summary>StoredSessionPreviewScript.razor.</summary>
    public static InlineAsset StoredSessionPreview { get; } = InlineAsset.Load("stored-session-preview.js", "script");

    /// <summary>CircuitStartScript.razor.</summary>
    public static InlineAsset CircuitStart { get; } = InlineAsset.Load("circuit-start.js", "script");

    public static IReadOnlyList<InlineAsset> Scripts { get; } = [PageFunctions, TypeAhead, StoredSessionPreview, CircuitStart];

    public static IReadOnlyList<InlineAsset> Stylesheets { get; } = [Stylesheet];
}
