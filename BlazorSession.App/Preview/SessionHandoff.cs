using BlazorSession.App.Hosting;

namespace BlazorSession.App.Preview;

/// <summary>
/// The handoff cookie. As a tab that has a stored session leaves a page of ours (a reload, above all), its
/// session-handoff.js puts the stored values into this cookie, so that the request for the next page carries them:
/// the page then comes with the name already read (<see cref="ReadAsync"/>, StoredSessionPreviewScript.razor), and
/// no preview request follows it (<see cref="StoredSessionPreview"/>). The cookie lives for one page load: the first
/// response to carry it expires it (<see cref="UseSessionHandoff"/>).
/// </summary>
/// <remarks>
/// What the cookie holds is what the preview request would have sent: the ciphertext the tab already stores, read
/// exactly as a circuit reads it. A page shows the name only if the values it was read from are the tab's own at
/// that moment (stored-session-preview.js compares them), so another tab's cookie never shows its name here.
/// docs/decisions/2026-12-05-session-handoff.md says why this is a cookie and why only for one load.
/// </remarks>
internal static class SessionHandoff
{
    public const string CookieName = "blazor-session-handoff";

    /// <summary>
    /// The values carried by the request and the name they hold (null when none the circuit would show), or null when
    /// the request carries no handoff the server can parse.
    /// </summary>
    public static async Task<HandedOverSession?> ReadAsync(HttpContext context)
    {
        // The script writes nothing longer than a browser keeps; longer is not ours.
        if (!context.Request.Cookies.TryGetValue(CookieName, out var values)
            || values.Length > AppLimits.PreviewBodyBytes
            || PostedSessionValues.ParseOrNull(values) is not { } posted)
        {
            return null;
        }

        return new HandedOverSession(values, await StoredName.ReadAsync(posted, context.RequestServices));
    }

    /// <summary>Expires the cookie in every response to a request that carried it: it is for one page load only.</summary>
    public static IApplicationBuilder UseSessionHandoff(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            if (context.Request.Cookies.ContainsKey(CookieName))
            {
                // The same path and SameSite as session-handoff.js writes it with, or the browser keeps the cookie.
                context.Response.Cookies.Delete(CookieName, new CookieOptions
                {
                    Path = "/",
                    SameSite = SameSiteMode.Strict,
                    Secure = context.Request.IsHttps,
                });
            }

            return next(context);
        });
}

/// <summary>What a page's request handed over: the stored values as the tab's script wrote them, and their name.</summary>
internal sealed record HandedOverSession(string Values, string? Name);
