using System.Text.Json.Serialization;

namespace BlazorSession.App.Session;

/// <summary>
/// What is written to the browser: small, bounded (the name is at most <see cref="UsernameRules.MaxLength"/>
/// characters), and versioned so the format can change without misreading what older versions wrote.
/// </summary>
public sealed record StoredSession(
    [property: JsonPropertyName("v")] int Version,
    [property: JsonPropertyName("username")] string? Username)
{
    public const int CurrentVersion = 1;

    public static StoredSession For(string username) => new(CurrentVersion, username);

    /// <summary>Whether this is a payload this version wrote and would have accepted.</summary>
    public bool IsValid => Version == CurrentVersion && UsernameRules.Validate(Username) is null
        && Username == UsernameRules.Normalize(Username);
}
