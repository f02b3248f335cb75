using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.StackExchangeRedis;
using StackExchange.Redis;

namespace BlazorSession.App.Hosting;

/// <summary>
/// What several nodes behind one balancer must share so that any of them can read a session another wrote: the
/// Data Protection key ring (here in Redis) and the application name. Nothing else is shared: the session itself
/// stays in the browser.
/// </summary>
public static class ScaleOut
{
    public const string RedisConnectionName = "Redis";

    public const string KeyRingRedisKey = "BlazorSession:DataProtection-Keys";

    /// <summary>
    /// Stores the key ring in Redis when <c>ConnectionStrings:Redis</c> is set, and returns whether it did.
    /// </summary>
    public static bool TryPersistKeysToRedis(this IDataProtectionBuilder builder, IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString(RedisConnectionName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return false;
        }

        var options = ConfigurationOptions.Parse(connectionString);
        // A node starts, and keeps serving with the key ring it has cached, while Redis is down or restarting;
        // the client reconnects by itself.
        options.AbortOnConnectFail = false;

        builder.Services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(options));
        builder.Services.AddOptions<KeyManagementOptions>()
            .Configure<IConnectionMultiplexer>((keyManagement, redis) =>
                keyManagement.XmlRepository = new RedisXmlRepository(() => redis.GetDatabase(), KeyRingRedisKey));
        return true;
    }
}
