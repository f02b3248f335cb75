using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace BlazorSession.App.Hosting;

/// <summary>
/// Ready only if the key ring protects a value and reads it back: without it no stored session can be read or
/// written (a key directory that cannot be written, a key ring that cannot be loaded).
/// </summary>
internal sealed partial class DataProtectionHealthCheck(IDataProtectionProvider dataProtection,
    ILogger<DataProtectionHealthCheck> logger) : IHealthCheck
{
    private const string Probe = "ready";

    private readonly IDataProtector _protector = dataProtection.CreateProtector("BlazorSession.Health");

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            return Task.FromResult(_protector.Unprotect(_protector.Protect(Probe)) == Probe
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy("The key ring read back another value."));
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            KeyRingFailed(logger, exception);
            return Task.FromResult(HealthCheckResult.Unhealthy("The key ring could not protect and read back a value."));
        }
    }

    // The exception goes to the log, never into the health endpoint's body.
    [LoggerMessage(EventId = 20, Level = LogLevel.Warning,
        Message = "The Data Protection key ring could not protect and read back a value.")]
    private static partial void KeyRingFailed(ILogger logger, Exception exception);
}
