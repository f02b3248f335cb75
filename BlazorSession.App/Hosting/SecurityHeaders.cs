using BlazorSession.App.Components.Document;

namespace BlazorSession.App.Hosting;

/// <summary>
/// The response headers a security review of a public Blazor app asks for: a strict Content Security Policy on every
/// HTML response, and nosniff, a referrer policy, cross-origin isolation of the window and a permissions policy on
/// every response.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>
    /// No blanket allowance for inline code or eval: the only inline scripts and styles allowed are the app's
    /// own, by the hashes of the very texts the pages write (<see cref="InlineDocumentAssets"/>), computed when the app
    /// starts. Everything else comes from this origin; <c>connect-src 'self'</c> covers the circuit's same-origin
    /// WebSocket in current browsers (an end-to-end test checks Chromium); the app frames nothing and is framed by
    /// nothing.
    /// </summary>
    public static string ContentSecurityPolicy { get; } = string.Join("; ",
        "default-src 'self'",
        $"script-src 'self' {string.Join(' ', InlineDocumentAssets.Scripts.Select(script => script.CspHash))}",
        $"style-src 'self' {string.Join(' ', InlineDocumentAssets.Stylesheets.Select(style => style.CspHash))}",
        "connect-src 'self'",
        "img-src 'self' data:",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'");

    /// <summary>The app's pages never need the previous page's address, and their own addresses hold returnUrl.</summary>
    public const string ReferrerPolicy = "no-referrer";

    /// <summary>
    /// Features the app never uses, denied to it and to anything it might embed. Only features Chromium knows:
    /// it logs a console error for any other name.
    /// </summary>
    public const string PermissionsPolicy =
        "accelerometer=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), hid=(), magnetometer=(), " +
        "microphone=(), midi=(), payment=(), serial=(), usb=()";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            context.Response.OnStarting(static state =>
            {
                var response = (HttpResponse)state;
                var headers = response.Headers;
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = ReferrerPolicy;
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                headers["Permissions-Policy"] = PermissionsPolicy;
                if (response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true)
                {
                    headers.ContentSecurityPolicy = ContentSecurityPolicy;
                }

                return Task.CompletedTask;
            }, context.Response);
            return next(context);
        });
}
