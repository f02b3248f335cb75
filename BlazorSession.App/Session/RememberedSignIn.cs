using System.Text.Json.Serialization;

namespace BlazorSession.App.Session;

/// <summary>
/// What "Keep me signed in" writes to the browser's localStorage, shared by all its tabs: the name and when the
/// sign-in ends. The expiry is inside the protected payload, so the browser can neither read nor extend it; the
/// server compares it with its own clock on every read.
/// </summary>
public sealed record RememberedSignIn(
    [property: JsonPropertyName("v")] int Version,
    [property: JsonPropertyName("username")] string? Username,
    [property: JsonPropertyName("expires")] DateTimeOffset ExpiresAt)
{
    public const int CurrentVersion = 1;

    public static RememberedSignIn For(string username, DateTimeOffset expiresAt) => new(CurrentVersion, username, expiresAt);

    /// <summary>Whether this is a payload this version wrote and would have accepted.</summary>
    public bool IsValid => Version == CurrentVersion && UsernameRules.Validate(Username) is null
        && Username == UsernameRules.Normalize(Username);

    /// <summary>
    /// Still signed in up to and including the expiry instant, signed out one tick after it: "remembered for 30 days"
    /// includes the last moment of the thirtieth day.
    /// </summary>
    public bool HasExpiredAt(DateTimeOffset now) => now > ExpiresAt;

    /// <summary>The name this sign-in stands for at <paramref name="now"/>, or <c>null</c> if it stands for none.</summary>
    public string? NameAt(DateTimeOffset now) => IsValid && !HasExpiredAt(now) ? Username : null;
}
