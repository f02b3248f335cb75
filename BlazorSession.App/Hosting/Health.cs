using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace BlazorSession.App.Hosting;

/// <summary>
/// <c>GET /healthz/live</c>: the process answers. <c>GET /healthz/ready</c>: the node can serve a session, meaning
/// its Data Protection key ring protects and reads back a value and, when the key ring is in Redis, Redis answers.
/// The body is each check's status as JSON, never cached, with no exception text or configuration in it.
/// </summary>
public static class Health
{
    public const string LivePath = "/healthz/live";
    public const string ReadyPath = "/healthz/ready";

    private const string ReadyTag = "ready";

    private static readonly JsonSerializerOptions BodyFormat = new(JsonSerializerDefaults.Web);

    public static IServiceCollection AddAppHealthChecks(this IServiceCollection services, IConfiguration configuration)
    {
        var checks = services.AddHealthChecks()
            .AddCheck<DataProtectionHealthCheck>("dataProtection", tags: [ReadyTag]);
        if (!string.IsNullOrWhiteSpace(configuration.GetConnectionString(ScaleOut.RedisConnectionName)))
        {
            checks.AddCheck<RedisHealthCheck>("redis", tags: [ReadyTag]);
        }

        return services;
    }

    public static IEndpointRouteBuilder MapAppHealthChecks(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks(LivePath, new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync });
        endpoints.MapHealthChecks(ReadyPath,
            new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag), ResponseWriter = WriteAsync });
        return endpoints;
    }

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        context.Response.Headers.CacheControl = "no-store";
        return JsonSerializer.SerializeAsync(context.Response.Body, new HealthBody(
            report.Status.ToString(),
            report.Entries.ToDictionary(entry => entry.Key, entry => entry.Value.Status.ToString())), BodyFormat);
    }

    private sealed record HealthBody(string Status, Dictionary<string, string> Checks);
}
