using System.Text.Json;
using System.Text.Json.Serialization;

namespace BlazorSession.App.Session;

/// <summary>
/// What the app stored before it was built on <see cref="BrowserSession"/>: the tab's <c>session</c> (version 1, a
/// name; version 2 added whether it follows the remembered sign-in) and the browser's <c>remembered-sign-in</c>
/// (version 1, a name and its expiry), each under its own key. Read only to upgrade (<see cref="PreviousFormatUpgrade"/>).
/// </summary>
internal static class PreviousFormat
{
    public const string TabKey = "session";

    public const string RememberedKey = "remembered-sign-in";

    /// <summary>The tab's own name, and whether it followed the remembered sign-in; null for anything else.</summary>
    public static (string Name, bool FollowsRemembered)? ReadTab(JsonElement? stored) =>
        Parse<TabPayload>(stored) is { Username: { } name } tab
        && (tab.Version == 2 || (tab.Version == 1 && !tab.FollowsRemembered)) && IsName(name)
            ? (name, tab.FollowsRemembered)
            : null;

    /// <summary>The remembered name while it stands at <paramref name="now"/> (up to and including its expiry).</summary>
    public static string? ReadRemembered(JsonElement? stored, DateTimeOffset now) =>
        Parse<RememberedPayload>(stored) is { Version: 1, Username: { } name } remembered && IsName(name)
        && now <= remembered.Expires
            ? name
            : null;

    private static bool IsName(string name) => UsernameRules.Validate(name) is null && name == UsernameRules.Normalize(name);

    private static T? Parse<T>(JsonElement? stored) where T : class
    {
        try
        {
            return stored?.Deserialize<T>();
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private sealed record TabPayload(
        [property: JsonPropertyName("v")] int Version,
        [property: JsonPropertyName("username")] string? Username,
        [property: JsonPropertyName("remembered")] bool FollowsRemembered = false);

    private sealed record RememberedPayload(
        [property: JsonPropertyName("v")] int Version,
        [property: JsonPropertyName("username")] string? Username,
        [property: JsonPropertyName("expires")] DateTimeOffset Expires);
}
