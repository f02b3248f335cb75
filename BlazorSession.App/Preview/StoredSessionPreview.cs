using System.Globalization;
using System.Threading.RateLimiting;
using BlazorSession.App.Hosting;
using BlazorSession.App.Session;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace BlazorSession.App.Preview;

/// <summary>
/// <c>POST /_session/preview</c>: the tab sends its session as stored (the ciphertext under
/// <see cref="BrowserSession.StorageKey"/> in its sessionStorage, and in its browser's localStorage for a permanent
/// one), as JSON <c>{"tab": …, "browser": …}</c>, and gets back the name the circuit will show, as text, or 204 when
/// there is none it could show. The page's preview script calls it while the framework script and the circuit are still starting,
/// so a reload shows the stored name tens of milliseconds sooner (see <c>StoredSessionPreviewScript.razor</c>).
/// </summary>
/// <remarks>
/// It decrypts nothing a circuit would not: the values are read by a <see cref="BrowserSession"/> of their own, with
/// the same Data Protection purposes, payload rules and precedence, the permanent session's expiry against the
/// server's clock, and only someone who already holds a tab's
/// ciphertext can send it (anyone holding it could equally put it in a tab and open /get-session). It answers
/// same-origin requests only (<c>Sec-Fetch-Site</c>, set by the browser and not by page scripts), is never cached,
/// caps the body, is rate-limited per client address (<see cref="PreviewRateLimitOptions"/>), and logs no name.
/// Unreadable and expired values are left to the circuit, which deletes them and logs each once.
/// </remarks>
internal static class StoredSessionPreview
{
    /// <summary>Where the page's script asks, relative to the base address (StoredSessionPreviewScript.razor).</summary>
    public const string RelativePath = "_session/preview";

    public const string Path = "/" + RelativePath;

    internal const int MaxValueLength = AppLimits.PreviewBodyBytes;

    internal const string RateLimitPolicy = "session-preview";

    /// <summary>
    /// The preview's rate limit, per client address (behind the balancer, the forwarded one). Over it the answer is
    /// 429 with Retry-After; the page's script then simply waits for the circuit.
    /// </summary>
    public static IServiceCollection AddStoredSessionPreview(this IServiceCollection services)
    {
        services.TryAddSingleton<SessionMetrics>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<PreviewRateLimitOptions>()
            .BindConfiguration(PreviewRateLimitOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        return services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(RateLimitPolicy, context => RateLimitPartition.GetTokenBucketLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "",
                _ => context.RequestServices.GetRequiredService<IOptions<PreviewRateLimitOptions>>().Value.ToBucket()));
            options.OnRejected = (context, _) =>
            {
                var http = context.HttpContext;
                http.Features.Get<IStatusCodePagesFeature>()?.Enabled = false;
                http.Response.Headers.CacheControl = "no-store";
                CloseAfterRefusal(http.Response);
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
                http.Response.Headers.RetryAfter =
                    Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                http.RequestServices.GetRequiredService<SessionMetrics>().PreviewAnswered(PreviewOutcome.RateLimited);
                return ValueTask.CompletedTask;
            };
        });
    }

    public static IEndpointConventionBuilder MapStoredSessionPreview(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost(Path, PreviewAsync).DisableAntiforgery().RequireRateLimiting(RateLimitPolicy);

    private static async Task<IResult> PreviewAsync(HttpRequest request, HttpResponse response, SessionMetrics metrics)
    {
        response.Headers.CacheControl = "no-store";
        // The answer is for a script: a refusal is a status code, not the app's "not found" page.
        request.HttpContext.Features.Get<IStatusCodePagesFeature>()?.Enabled = false;
        if (request.Headers["Sec-Fetch-Site"] != "same-origin")
        {
            metrics.PreviewAnswered(PreviewOutcome.Forbidden);
            CloseAfterRefusal(response);
            return Results.StatusCode(StatusCodes.Status403Forbidden);
        }

        var posted = await ReadBoundedAsync(request);
        if (posted is null)
        {
            metrics.PreviewAnswered(PreviewOutcome.TooLarge);
            CloseAfterRefusal(response);
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        if (PostedSessionValues.ParseOrNull(posted) is { } values && await StoredName.ReadAsync(values, request.HttpContext.RequestServices) is { } name)
        {
            metrics.PreviewAnswered(PreviewOutcome.NameShown);
            return Results.Text(name);
        }

        metrics.PreviewAnswered(PreviewOutcome.NoName);
        return Results.NoContent();
    }

    /// <summary>
    /// A refusal leaves the request's body unread. Kestrel would read the rest before the connection's next request,
    /// but not past its body limit (<see cref="AppLimits.RequestBodyBytes"/>): there it drops the connection without
    /// a word, and the client's next request on it fails. Saying so lets the client open a new connection instead.
    /// </summary>
    private static void CloseAfterRefusal(HttpResponse response) => response.Headers.Connection = "close";

    private static async Task<string?> ReadBoundedAsync(HttpRequest request)
    {
        if (request.ContentLength > MaxValueLength)
        {
            return null;
        }

        using var reader = new StreamReader(request.Body);
        var buffer = new char[MaxValueLength + 1];
        var length = 0;
        int read;
        while (length < buffer.Length && (read = await reader.ReadAsync(buffer.AsMemory(length))) > 0)
        {
            length += read;
        }

        return length > MaxValueLength ? null : new string(buffer, 0, length);
    }
}
