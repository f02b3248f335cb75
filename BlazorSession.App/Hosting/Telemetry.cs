using BlazorSession.App.Session;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace BlazorSession.App.Hosting;

/// <summary>
/// OpenTelemetry in the shape of .NET Aspire's service defaults, and only when asked for: metrics and traces over
/// OTLP when the standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set (with the other <c>OTEL_*</c> settings), and
/// metrics as Prometheus text on <c>GET /metrics</c> when <c>Metrics:Prometheus</c> is true. With neither, nothing
/// listens to the meters and the app pays nothing for them.
/// </summary>
public static class Telemetry
{
    public const string PrometheusSetting = "Metrics:Prometheus";
    public const string PrometheusPath = "/metrics";

    /// <summary>Blazor's own meters and activity sources, Kestrel's and SignalR's connection meters, and the app's.</summary>
    public static readonly string[] Meters =
    [
        "Microsoft.AspNetCore.Components",
        "Microsoft.AspNetCore.Components.Lifecycle",
        "Microsoft.AspNetCore.Components.Server.Circuits",
        "Microsoft.AspNetCore.Server.Kestrel",
        "Microsoft.AspNetCore.Http.Connections",
        SessionMetrics.MeterName,
    ];

    public static readonly string[] ActivitySources =
    [
        "Microsoft.AspNetCore.Components",
        "Microsoft.AspNetCore.Components.Server.Circuits",
    ];

    public static IServiceCollection AddAppTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var otlp = !string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        var prometheus = configuration.GetValue<bool>(PrometheusSetting);
        if (!otlp && !prometheus)
        {
            return services;
        }

        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(SessionMetrics.MeterName))
            .WithMetrics(metrics =>
            {
                metrics.AddAspNetCoreInstrumentation().AddRuntimeInstrumentation().AddMeter(Meters);
                if (prometheus)
                {
                    metrics.AddPrometheusExporter();
                }
            });
        if (otlp)
        {
            telemetry.WithTracing(tracing => tracing.AddAspNetCoreInstrumentation().AddSource(ActivitySources))
                .UseOtlpExporter();
        }

        return services;
    }

    public static IEndpointRouteBuilder MapAppTelemetry(this IEndpointRouteBuilder endpoints, IConfiguration configuration)
    {
        if (configuration.GetValue<bool>(PrometheusSetting))
        {
            endpoints.MapPrometheusScrapingEndpoint(PrometheusPath);
        }

        return endpoints;
    }
}
