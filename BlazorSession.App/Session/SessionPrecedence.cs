namespace BlazorSession.App.Session;

/// <summary>
/// The one rule for which name a tab shows when both places hold one: the tab's own name first (saved without
/// "Keep me signed in"), otherwise the browser's remembered sign-in. A tab whose name was saved with the box follows
/// the remembered sign-in: it shows whatever that is now, and nothing once it has ended.
/// </summary>
public static class SessionPrecedence
{
    /// <param name="tab">What the tab's sessionStorage holds, already checked (<see cref="StoredSession.IsValid"/>).</param>
    /// <param name="rememberedName">The remembered sign-in's name, if it stands (valid and not expired).</param>
    public static string? Choose(StoredSession? tab, string? rememberedName) =>
        HasOwnName(tab) ? tab!.Username : rememberedName;

    /// <summary>Whether the tab keeps its name whatever the other tabs do with the remembered sign-in.</summary>
    public static bool HasOwnName(StoredSession? tab) => tab is { FollowsRememberedSignIn: false };
}
