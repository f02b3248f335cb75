using Microsoft.AspNetCore.HttpOverrides;

namespace BlazorSession.App.Hosting;

/// <summary>
/// What the app needs to know when it runs behind a proxy such as the nginx of <c>deploy/</c>: the original scheme
/// and client address, and, behind TLS, HSTS and a redirect from HTTP.
/// </summary>
public static class BehindProxy
{
    /// <summary>
    /// X-Forwarded-For and X-Forwarded-Proto, from loopback proxies only (the framework's default known proxies and
    /// networks: 127.0.0.0/8 and ::1). A header from anywhere else is ignored, so a client cannot claim another
    /// address to escape the preview's rate limit.
    /// </summary>
    public static IServiceCollection AddBehindProxy(this IServiceCollection services) =>
        services.Configure<ForwardedHeadersOptions>(options =>
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto);

    /// <summary>
    /// Forwarded headers first, so that everything after sees the original request. Outside Development, HSTS on
    /// every HTTPS response (the middleware sends none over HTTP). HTTPS redirection only when the app knows an
    /// HTTPS port to send visitors to (<c>ASPNETCORE_HTTPS_PORTS</c> or <c>HTTPS_PORT</c>): on plain HTTP, as on
    /// loopback behind the local balancer, it could only warn on every request.
    /// </summary>
    public static WebApplication UseBehindProxy(this WebApplication app)
    {
        app.UseForwardedHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        if (!string.IsNullOrEmpty(app.Configuration["HTTPS_PORTS"] ?? app.Configuration["HTTPS_PORT"]))
        {
            app.UseHttpsRedirection();
        }

        return app;
    }
}
