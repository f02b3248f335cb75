using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace BlazorSession.App.Hosting;

/// <summary>
/// When the key ring is in Redis: Redis answers a PING. A node keeps serving from its cached key ring while Redis
/// is away (ScaleOut), but it cannot see a key another node has just written, so it is not ready for new traffic.
/// </summary>
internal sealed class RedisHealthCheck(IConnectionMultiplexer redis) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await redis.GetDatabase().PingAsync().WaitAsync(TimeSpan.FromSeconds(2), cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy("Redis did not answer.");
        }
    }
}
