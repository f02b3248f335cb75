namespace BlazorSession.App.Components.Document;

/// <summary>
/// Every script and stylesheet the pages write inline, loaded when the app starts. The Content Security Policy
/// allows these and nothing else inline (<see cref="Hosting.SecurityHeaders"/>).
/// </summary>
public static class InlineDocumentAssets
{
    /// <summary>The app's whole stylesheet (InlineStylesheet says why it is inline).</summary>
    public static InlineAsset Stylesheet { get; } = InlineAsset.Load("app.css", "style");

    /// <summary>The tab's title and the heading's focus after in-app navigation (DocumentHead.cs renders what it reads).</summary>
    public static InlineAsset AfterNavigation { get; } = InlineAsset.Load("after-navigation.js", "script");

    /// <summary>TypeAheadScript.razor.</summary>
    public static InlineAsset TypeAhead { get; } = InlineAsset.Load("type-ahead.js", "script");

    /// <summary>CircuitStartScript.razor.</summary>
    public static InlineAsset CircuitStart { get; } = InlineAsset.Load("circuit-start.js", "script");

    /// <summary>
    /// The page's scripts in the order the document holds them (App.razor: all at the end of the body, after the
    /// page's content). Those that offer something add it to <c>window.blazorSession</c>, and whichever runs first
    /// makes it. <see cref="CircuitStart"/> uses what the others added where it is there, and needs
    /// <see cref="CircuitStartNeeds"/> in the document before it. BlazorSession.Tests/Http/DocumentScriptsTests.cs
    /// checks every page against both.
    /// </summary>
    public static IReadOnlyList<InlineAsset> Scripts { get; } =
        [AfterNavigation, TypeAhead, CircuitStart];

    /// <summary>
    /// What circuit-start.js finds in the document and cannot start without: the error bar and its Dismiss
    /// (Layout/MainLayout.razor), the reconnect display and its Try again (App.razor).
    /// </summary>
    public static IReadOnlyList<string> CircuitStartNeeds { get; } =
        ["#blazor-error-ui .dismiss", "#components-reconnect-modal", "#components-reconnect-modal [data-reconnect-retry]"];

    public static IReadOnlyList<InlineAsset> Stylesheets { get; } = [Stylesheet];
}
