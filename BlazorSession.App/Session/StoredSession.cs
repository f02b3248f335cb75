using System.Text.Json.Serialization;

namespace BlazorSession.App.Session;

/// <summary>
/// What is written to the tab's sessionStorage: small, bounded (the name is at most <see cref="UsernameRules.MaxLength"/>
/// characters), and versioned so the format can change without misreading what older versions wrote.
/// </summary>
/// <param name="Version">The payload's format: <see cref="CurrentVersion"/>, or <see cref="OwnNameOnlyVersion"/> from before.</param>
/// <param name="Username">The name, as <see cref="UsernameRules.Normalize"/> left it.</param>
/// <param name="FollowsRememberedSignIn">
/// Saved with "Keep me signed in": the name is the browser's remembered sign-in (<see cref="RememberedSignIn"/>),
/// so it ends when that ends, in any tab. Without it the name is the tab's own.
/// </param>
public sealed record StoredSession(
    [property: JsonPropertyName("v")] int Version,
    [property: JsonPropertyName("username")] string? Username,
    [property: JsonPropertyName("remembered")] bool FollowsRememberedSignIn = false)
{
    /// <summary>Version 2 added <see cref="FollowsRememberedSignIn"/>.</summary>
    public const int CurrentVersion = 2;

    /// <summary>
    /// What the version before "Keep me signed in" wrote: a tab's own name. Tabs left open across a deploy still
    /// hold it, so it is still read.
    /// </summary>
    public const int OwnNameOnlyVersion = 1;

    public static StoredSession For(string username, bool followsRememberedSignIn = false) =>
        new(CurrentVersion, username, followsRememberedSignIn);

    /// <summary>Whether this is a payload this version or the one before wrote and would have accepted.</summary>
    public bool IsValid =>
        (Version == CurrentVersion || (Version == OwnNameOnlyVersion && !FollowsRememberedSignIn))
        && UsernameRules.Validate(Username) is null
        && Username == UsernameRules.Normalize(Username);
}
