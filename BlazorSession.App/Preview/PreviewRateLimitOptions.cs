using System.ComponentModel.DataAnnotations;
using System.Threading.RateLimiting;

namespace BlazorSession.App.Preview;

/// <summary>
/// The preview's rate limit per client address (<c>Session:PreviewRateLimit</c>), a token bucket: a burst of
/// <see cref="TokenLimit"/> (a browser restoring many tabs at once), then <see cref="TokensPerPeriod"/> every
/// <see cref="ReplenishmentPeriod"/>. A person reloading never comes near it; a script calling it in a loop is held to
/// ten decryptions a second, and over the limit the page simply waits for its circuit, which reads the same value.
/// It is a setting because many visitors behind one NAT share an address, and an operator may need a larger bucket.
/// </summary>
public sealed class PreviewRateLimitOptions
{
    public const string Section = "Session:PreviewRateLimit";

    [Range(1, 100_000, ErrorMessage = "Session:PreviewRateLimit:TokenLimit must be between 1 and 100,000.")]
    public int TokenLimit { get; set; } = 20;

    [Range(1, 100_000, ErrorMessage = "Session:PreviewRateLimit:TokensPerPeriod must be between 1 and 100,000.")]
    public int TokensPerPeriod { get; set; } = 10;

    [Range(typeof(TimeSpan), "00:00:00.010", "1.00:00:00",
        ErrorMessage = "Session:PreviewRateLimit:ReplenishmentPeriod must be between 10 ms and one day.")]
    public TimeSpan ReplenishmentPeriod { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>A fresh bucket's settings (each client address gets its own bucket).</summary>
    public TokenBucketRateLimiterOptions ToBucket() => new()
    {
        TokenLimit = TokenLimit,
        TokensPerPeriod = TokensPerPeriod,
        ReplenishmentPeriod = ReplenishmentPeriod,
        QueueLimit = 0,
        AutoReplenishment = true,
    };
}
