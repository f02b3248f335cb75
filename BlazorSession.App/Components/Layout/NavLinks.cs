using Microsoft.AspNetCore.Components;

namespace BlazorSession.App.Components.Layout;

/// <summary>The header's links, and which of them is the page being shown.</summary>
public static class NavLinks
{
    public static IReadOnlyList<(string Href, string Text)> All { get; } =
    [
        ("", "Home"),
        ("set-session", "Set session"),
        ("get-session", "Get session"),
        ("members", "Members"),
        (CartHref, "Cart"),
        ("preferences", "Preferences"),
    ];

    /// <summary>The cart's link, whose text the layout writes with the count (<c>Cart (N)</c>).</summary>
    public const string CartHref = "cart";

    /// <summary>
    /// The current address as a link's href: base-relative, without query or fragment, and with the tutorial's
    /// aliases (/set_session, /get_session) read as their dashed routes, so they mark the same link.
    /// </summary>
    public static string CurrentHref(NavigationManager navigation)
    {
        var path = navigation.ToBaseRelativePath(navigation.Uri);
        var end = path.IndexOfAny(['?', '#']);
        return (end < 0 ? path : path[..end]).Replace('_', '-');
    }
}
