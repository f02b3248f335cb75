using System.Diagnostics.Metrics;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace BlazorSession.App.Hosting;

/// <summary>
/// The most circuits this node holds (<c>Circuits:MaxOpen</c>). At it, a page request, which is how every circuit
/// starts, is answered 503 with a page that says the site is busy, and the circuits already open go on being served.
/// Without a limit, a node past what the machine gives it stops at the first allocation refused, and every circuit it
/// held is lost (bench/README.md, "Overload").
/// </summary>
public static partial class CircuitCapacity
{
    public const string Setting = "Circuits:MaxOpen";

    /// <summary>Held with 0 errors here (bench/README.md, "Capacity"), with room below where this machine failed.</summary>
    public const int DefaultMaxOpen = 10_000;

    /// <summary>How long a turned-away visitor is told to wait before trying again, in seconds.</summary>
    public const int RetryAfterSeconds = 30;

    public static IServiceCollection AddCircuitCapacity(this IServiceCollection services, IConfiguration configuration)
    {
        var maxOpen = configuration.GetValue(Setting, DefaultMaxOpen);
        if (maxOpen < 1)
        {
            throw new InvalidOperationException($"{Setting} must be at least 1; it is {maxOpen}.");
        }

        services.AddSingleton(provider => new OpenCircuits(maxOpen, provider.GetRequiredService<IMeterFactory>()));
        services.AddSingleton<CircuitHandler>(provider => provider.GetRequiredService<OpenCircuits>());
        return services;
    }

    /// <summary>Turns new visitors away while the node is full; before anything that would render a page.</summary>
    public static IApplicationBuilder UseCircuitCapacity(this IApplicationBuilder app)
    {
        var circuits = app.ApplicationServices.GetRequiredService<OpenCircuits>();
        var logger = app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(CircuitCapacity));
        return app.Use(async (context, next) =>
        {
            if (circuits.IsFull && WouldStartACircuit(context))
            {
                circuits.Refused(logger);
                await WriteBusyPageAsync(context.Response);
                return;
            }

            await next(context);
        });
    }

    // A page of the app: the endpoint of a routable component, which renders it and hands the browser what starts a
    // circuit, whatever the client asks for. The circuit's own connection, its disconnect beacon, static files and
    // health checks are never turned away.
    private static bool WouldStartACircuit(HttpContext context) =>
        context.GetEndpoint()?.Metadata.GetMetadata<ComponentTypeMetadata>() is not null;

    private static Task WriteBusyPageAsync(HttpResponse response)
    {
        response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        response.Headers.CacheControl = "no-store";
        response.ContentType = "text/html; charset=utf-8";
        return response.WriteAsync(BusyPage);
    }

    // No script, no style: it must hold under the app's Content Security Policy, and cost the node nothing.
    private const string BusyPage = """
        <!DOCTYPE html>
        <html lang="en">
        <head><meta charset="utf-8"><title>Busy: BlazorSession</title><meta name="viewport" content="width=device-width, initial-scale=1"></head>
        <body>
        <h1>The site is busy</h1>
        <p role="alert">Too many visitors are here right now. Nothing you stored is lost: try again in a minute.</p>
        <p><a href="">Try again</a></p>
        </body>
        </html>
        """;

    [LoggerMessage(EventId = 1, Level = LogLevel.Warning,
        Message = "The node holds {Open} circuits, its Circuits:MaxOpen: new visitors are answered 503 until some close.")]
    internal static partial void CapacityReached(ILogger logger, int open);
}
