using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.StackExchangeRedis;
using Microsoft.Extensions.Caching.StackExchangeRedis;
using Microsoft.Extensions.DependencyInjection.Extensions;
using StackExchange.Redis;

namespace BlazorSession.App.Hosting;

/// <summary>
/// What several nodes behind one balancer must share so that any of them can read a session another wrote: the
/// Data Protection key ring (here in Redis) and the application name, and with the server-side store
/// (<see cref="AppSessionStore"/>) the sessions themselves, in the same Redis.
/// </summary>
public static class ScaleOut
{
    public const string RedisConnectionName = "Redis";

    public const string KeyRingRedisKey = "BlazorSession:DataProtection-Keys";

    /// <summary>Prefixes the sessions' keys in Redis, beside the key ring's.</summary>
    public const string SessionsRedisPrefix = "BlazorSession:";

    /// <summary>
    /// Stores the key ring in Redis when <c>ConnectionStrings:Redis</c> is set, and returns whether it did.
    /// </summary>
    public static bool TryPersistKeysToRedis(this IDataProtectionBuilder builder, IConfiguration configuration)
    {
        if (!builder.Services.TryAddRedisConnection(configuration))
        {
            return false;
        }

        builder.Services.AddOptions<KeyManagementOptions>()
            .Configure<IConnectionMultiplexer>((keyManagement, redis) =>
                keyManagement.XmlRepository = new RedisXmlRepository(() => redis.GetDatabase(), KeyRingRedisKey));
        return true;
    }

    /// <summary>
    /// Keeps the server-side store's sessions in Redis (the <c>IDistributedCache</c> the library reads and writes
    /// directly) when <c>ConnectionStrings:Redis</c> is set, over the same connection as the key ring; returns whether it did.
    /// </summary>
    public static bool TryKeepSessionsInRedis(this IServiceCollection services, IConfiguration configuration)
    {
        if (!services.TryAddRedisConnection(configuration))
        {
            return false;
        }

        services.AddStackExchangeRedisCache(_ => { });
        services.AddOptions<RedisCacheOptions>().Configure<IServiceProvider>((cache, provider) =>
        {
            cache.InstanceName = SessionsRedisPrefix;
            cache.ConnectionMultiplexerFactory = () => Task.FromResult(provider.GetRequiredService<IConnectionMultiplexer>());
        });
        return true;
    }

    // One connection per node for everything it keeps in Redis.
    private static bool TryAddRedisConnection(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString(RedisConnectionName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return false;
        }

        var options = ConfigurationOptions.Parse(connectionString);
        // A node starts, and keeps serving with the key ring it has cached, while Redis is down or restarting;
        // the client reconnects by itself. Meanwhile a command fails at once instead of waiting in the client's queue
        // for its timeout: a page with its sessions in Redis then says so in a moment, and tries again later.
        options.AbortOnConnectFail = false;
        options.BacklogPolicy = BacklogPolicy.FailFast;
        services.TryAddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(options));
        return true;
    }
}
