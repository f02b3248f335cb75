using System.Security.Cryptography;
using BlazorSession.App.Hosting;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging.Abstractions;

namespace BlazorSession.Tests.Hosting;

public class DataProtectionHealthCheckTests
{
    [Fact]
    public async Task Healthy_WhenTheKeyRingProtectsAndReadsBack()
    {
        var check = new DataProtectionHealthCheck(new EphemeralDataProtectionProvider(),
            NullLogger<DataProtectionHealthCheck>.Instance);

        var result = await check.CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Healthy, result.Status);
    }

    [Fact]
    public async Task Unhealthy_WhenTheKeyRingFails_WithoutTheExceptionInTheResult()
    {
        var check = new DataProtectionHealthCheck(new BrokenKeyRing(), NullLogger<DataProtectionHealthCheck>.Instance);

        var result = await check.CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Null(result.Exception);
        Assert.DoesNotContain("secret", result.Description, StringComparison.OrdinalIgnoreCase);
    }

    private sealed class BrokenKeyRing : IDataProtectionProvider, IDataProtector
    {
        public IDataProtector CreateProtector(string purpose) => this;

        public byte[] Protect(byte[] plaintext) => throw new CryptographicException("secret key directory /var/secret is not writable");

        public byte[] Unprotect(byte[] protectedData) => throw new CryptographicException("secret");
    }
}
