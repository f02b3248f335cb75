using BlazorSession.Storage;
using Microsoft.AspNetCore.Components.Server.ProtectedBrowserStorage;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;

namespace BlazorSession.FirstRender;

/// <summary>
/// The session's places in the browser as the current request carried them (<see cref="CarriedSession"/>), for a
/// static page or a prerender; null in a circuit, whose session reads the browser itself. Attached by
/// <c>UseBrowserSession</c>; when the response starts, it expires the handoffs it read and sends back what the
/// server changed (<see cref="CarrierCookies"/>). Scoped: one per request.
/// </summary>
internal sealed class RequestSession(IDataProtectionProvider dataProtection)
{
    /// <summary>How long a change made by the server waits for the tab's next page to store it.</summary>
    private static readonly TimeSpan SavedFor = TimeSpan.FromMinutes(1);

    /// <summary>Browsers keep a cookie 400 days at most; the permanent session's own expiry is inside it.</summary>
    private static readonly TimeSpan PermanentCookieFor = TimeSpan.FromDays(400);

    private HttpContext? _context;
    private CarriedSession? _carried;
    private CarriedBrowserStorage? _tab;
    private CarriedBrowserStorage? _browser;
    private bool _sendsBack;

    /// <summary>Whether this scope is a request that <c>UseBrowserSession</c> attached (not a circuit).</summary>
    public bool IsAttached => _context is not null;

    public CarriedBrowserStorage? Tab => _tab ??= Create(BrowserStoragePlace.Tab);

    public CarriedBrowserStorage? Browser => _browser ??= Create(BrowserStoragePlace.Browser);

    /// <summary>
    /// What the session of this request read, as changed while rendering, for the circuit its page starts; null when
    /// it could not tell the tab's own session. A place whose carried value could not be read is left out.
    /// </summary>
    public CarriedDocuments? ForTheCircuit() =>
        _carried is null || _carried.Tab == CarriedTab.Unknown
            ? null
            : new CarriedDocuments(Tab!.ReadFailed ? null : Tab.Entry.Value, Browser!.ReadFailed ? null : Browser.Entry.Value);

    /// <summary>Whether the request carried a session (a handoff, a change sent back, the permanent copy).</summary>
    public bool CarriesASession { get; private set; }

    public void Attach(HttpContext context)
    {
        _context = context;
        // Only the request for a page uses the handoff it carried; a file, a fetch or the circuit's connection, sent
        // while a tab is leaving its page, must not expire that tab's handoff before its own request has left.
        CarriesASession = CarriedSession.AnyIn(context.Request.Cookies);
        var forAPage = IsForAPage(context.Request);
        if (CarriesASession && forAPage)
        {
            SendBackWhenTheResponseStarts();
        }

        if (forAPage && HttpMethods.IsGet(context.Request.Method) && !CarriedSession.AnyHandoffIn(context.Request.Cookies))
        {
            context.Response.Headers.Append("Server-Timing", RenderedWithoutAHandoff);
        }
    }

    /// <summary>
    /// Tells the page that its request carried no tab's handoff, so it was rendered as a new tab's. A request the browser
    /// starts itself (a reload, an address typed) can leave before the handoff cookie written as the tab left its page
    /// has reached the browser's cookie store; the tab's script then finds that handoff still unexpired and loads the
    /// page once more (wwwroot/BlazorSession.lib.module.js, which reads this value). Only for a GET, which can be
    /// loaded again.
    /// </summary>
    internal const string RenderedWithoutAHandoff = "blazor-session;desc=\"no-handoff\"";

    // A navigation, or Blazor's enhanced navigation and form posts (fetches that ask for a page's HTML).
    private static bool IsForAPage(HttpRequest request) =>
        request.Headers["Sec-Fetch-Mode"] == "navigate"
        || request.Headers.Accept.Any(accept => accept?.Contains("blazor-enhanced-nav", StringComparison.Ordinal) == true)
        || (request.Headers["Sec-Fetch-Mode"].Count == 0 && request.Headers.Accept.Any(accept => accept?.Contains("text/html", StringComparison.Ordinal) == true));

    private CarriedBrowserStorage? Create(BrowserStoragePlace place)
    {
        if (_context is null)
        {
            return null;
        }

        _carried ??= CarriedSession.From(_context.Request.Cookies);
        // Nothing may have been carried, but a change made now is sent back.
        SendBackWhenTheResponseStarts();
        if (place == BrowserStoragePlace.Tab)
        {
            var entry = new CarriedStorageEntry(_carried.OwnDocument);
            var unreadable = _carried.Tab == CarriedTab.Unknown
                ? "The request did not say which of the browser's tabs it came from, or could not carry its session."
                : null;
            var unwritable = _carried.TabId is null
                ? "The request came with no handoff from its tab (its page's script writes one), so no change can be addressed to the tab."
                : null;
            return new CarriedBrowserStorage(entry, new ProtectedSessionStorage(entry, dataProtection), _context,
                unreadable, unwritable, FitsInARequest);
        }

        var permanent = new CarriedStorageEntry(_carried.PermanentDocument);
        return new CarriedBrowserStorage(permanent, new ProtectedLocalStorage(permanent, dataProtection), _context,
            null, null, FitsInARequest);
    }

    // What the browser will carry once it has this response: the tab's session, as changed here or as carried, and
    // the permanent one.
    private bool FitsInARequest()
    {
        var own = _tab?.Entry.Value ?? _carried!.OwnDocument;
        var permanent = _browser?.Entry.Value ?? _carried!.PermanentDocument;
        return (own?.Length ?? 0) + (permanent?.Length ?? 0) <= CarrierCookies.MaxCarriedLength;
    }

    private void SendBackWhenTheResponseStarts()
    {
        if (!_sendsBack)
        {
            _sendsBack = true;
            _context!.Response.OnStarting(SendBack);
        }
    }

    private Task SendBack()
    {
        var context = _context!;
        var secure = context.Request.IsHttps;
        var path = context.Request.PathBase.HasValue ? context.Request.PathBase.Value : "/";
        var handoff = new CookieOptions { Path = path, SameSite = SameSiteMode.Strict, Secure = secure, IsEssential = true };
        foreach (var name in context.Request.Cookies.Keys)
        {
            if (name.StartsWith(CarrierCookies.TabPrefix, StringComparison.Ordinal))
            {
                context.Response.Cookies.Delete(name, handoff);
            }
        }

        if (_tab?.Entry.Changed == true)
        {
            // A tab whose request carried no handoff was refused the write (CarriedBrowserStorage), so there is an id.
            var saved = new CookieOptions(handoff) { MaxAge = SavedFor };
            CarrierCookies.Write(context, CarrierCookies.SavedPrefix + _carried!.TabId, _tab.Entry.Value ?? CarrierCookies.NoSession, saved);
        }

        if (_browser?.Entry.Changed == true)
        {
            // Lax, as any session cookie: a new tab opened from another site's link reads it at its first render too.
            var permanent = new CookieOptions(handoff) { SameSite = SameSiteMode.Lax, MaxAge = PermanentCookieFor };
            if (_browser.Entry.Value is { } value)
            {
                CarrierCookies.Write(context, CarrierCookies.Permanent, value, permanent);
            }
            else
            {
                CarrierCookies.Delete(context, CarrierCookies.Permanent, permanent);
            }

            context.Response.Cookies.Append(CarrierCookies.PermanentSaved, "1", new CookieOptions(permanent) { MaxAge = SavedFor });
        }

        return Task.CompletedTask;
    }
}
