using Microsoft.AspNetCore.Http;

namespace BlazorSession.FirstRender;

/// <summary>
/// What a request carried of the browser's storage (<see cref="CarrierCookies"/>): the handoff of the tab it came
/// from, and the permanent session.
/// </summary>
/// <param name="TabId">The id of the tab's handoff; null when there is none, or several tabs' (then none is this one's).</param>
/// <param name="Tab">What the request says of the tab's own session.</param>
/// <param name="OwnDocument">The tab's own stored session (ciphertext) when <paramref name="Tab"/> is <see cref="CarriedTab.Document"/>.</param>
/// <param name="PermanentDocument">The permanent session (ciphertext), or null.</param>
internal sealed record CarriedSession(string? TabId, CarriedTab Tab, string? OwnDocument, string? PermanentDocument)
{
    public static CarriedSession From(IRequestCookieCollection cookies)
    {
        // Truncated or malformed, the permanent session is there but cannot be read: it reads as unreadable.
        var permanent = cookies.ContainsKey(CarrierCookies.Permanent)
            ? CarrierCookies.Read(cookies, CarrierCookies.Permanent) ?? ""
            : null;
        string? tabId = null;
        foreach (var name in cookies.Keys)
        {
            if (HandoffTabId(name) is not { } id)
            {
                continue;
            }

            if (tabId is not null && tabId != id)
            {
                // Two tabs of the browser left their pages at once, and nothing says which of them sent this request.
                return new CarriedSession(null, CarriedTab.Unknown, null, permanent);
            }

            tabId = id;
        }

        if (tabId is null)
        {
            // A new tab, or one with nothing of its own stored (its script hands over only what it has).
            return new CarriedSession(null, CarriedTab.NoneOfItsOwn, null, permanent);
        }

        var handedOver = CarrierCookies.Read(cookies, CarrierCookies.SavedPrefix + tabId)
            ?? CarrierCookies.Read(cookies, CarrierCookies.TabPrefix + tabId);
        return handedOver switch
        {
            CarrierCookies.NoSession => new CarriedSession(tabId, CarriedTab.NoneOfItsOwn, null, permanent),
            CarrierCookies.NotCarried => new CarriedSession(tabId, CarriedTab.Unknown, null, permanent),
            // Truncated or malformed: what the tab holds is not known, but it is its own; it reads as unreadable.
            null => new CarriedSession(tabId, CarriedTab.Document, "", permanent),
            _ => new CarriedSession(tabId, CarriedTab.Document, handedOver, permanent),
        };
    }

    /// <summary>Whether any cookie of <paramref name="cookies"/> is one of the carriers.</summary>
    public static bool AnyIn(IRequestCookieCollection cookies) =>
        cookies.Keys.Any(name => name.StartsWith(CarrierCookies.Permanent, StringComparison.Ordinal)
            || HandoffTabId(name) is not null);

    /// <summary>Whether any cookie of <paramref name="cookies"/> is a tab's handoff.</summary>
    public static bool AnyHandoffIn(IRequestCookieCollection cookies) =>
        cookies.Keys.Any(name => name.StartsWith(CarrierCookies.TabPrefix, StringComparison.Ordinal) && HandoffTabId(name) is not null);

    // The tab id in a handoff's (or a saved session's) cookie name, of any of its chunks.
    private static string? HandoffTabId(string name)
    {
        var rest = name.StartsWith(CarrierCookies.TabPrefix, StringComparison.Ordinal) ? name[CarrierCookies.TabPrefix.Length..]
            : name.StartsWith(CarrierCookies.SavedPrefix, StringComparison.Ordinal) ? name[CarrierCookies.SavedPrefix.Length..]
            : null;
        if (rest is null)
        {
            return null;
        }

        var dot = rest.IndexOf('.');
        var id = dot < 0 ? rest : rest[..dot];
        return CarrierCookies.IsTabId(id) ? id : null;
    }
}

/// <summary>What a request says of its tab's own session.</summary>
internal enum CarriedTab
{
    /// <summary>The tab has none of its own: it shows the permanent session, or nothing.</summary>
    NoneOfItsOwn,

    /// <summary>The tab's own session is in the request.</summary>
    Document,

    /// <summary>The request cannot say: several tabs handed over at once, or the tab's session did not fit.</summary>
    Unknown,
}
