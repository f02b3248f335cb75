namespace BlazorSession.Bench.Journey;

/// <summary>The timed steps of the journey, in the order a user takes them.</summary>
internal static class Steps
{
    /// <summary>The first visit as it comes: a link followed from a page of another site.</summary>
    public const string LoadFromOtherSiteToInteractive = "load_from_other_site_to_interactive";

    /// <summary>The first load of a new tab (from about:blank), in a browser context of its own.</summary>
    public const string LoadToInteractive = "load_to_interactive";
    public const string SubmitToConfirmed = "submit_to_confirmed";
    public const string NavigateToShown = "navigate_to_shown";
    public const string ReloadToShown = "reload_to_shown";

    public static readonly IReadOnlyList<string> All =
        [LoadFromOtherSiteToInteractive, LoadToInteractive, SubmitToConfirmed, NavigateToShown, ReloadToShown];
}

/// <summary>One journey through one app.</summary>
/// <param name="Steps">Step name → duration in milliseconds, timed in the page.</param>
/// <param name="Phases">
/// When the first load and the reload reached each milestone, in milliseconds from navigation start (request sent,
/// HTML received, document created, script loaded, socket open, first render batch...), to see where the time goes.
/// </param>
/// <param name="SaveTraffic">Circuit messages caused by one save, by name and direction (empty for Flask).</param>
internal sealed record JourneySample(
    IReadOnlyDictionary<string, double> Steps,
    IReadOnlyDictionary<string, double> Phases,
    IReadOnlyDictionary<string, int> SaveTraffic);
