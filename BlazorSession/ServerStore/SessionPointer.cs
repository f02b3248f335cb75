using System.Text.Json;

namespace BlazorSession.ServerStore;

/// <summary>
/// What the browser holds of a server-stored session: <c>{"v":1,"id":"…"}</c>, in the place the session's document
/// would have taken, so it is protected (Data Protection), carried to the first render and followed by the other tabs
/// exactly as the document was.
/// </summary>
internal static class SessionPointer
{
    private const int Version = 1;

    public static JsonElement Write(string id) =>
        JsonSerializer.SerializeToElement(new Dictionary<string, object> { ["v"] = Version, ["id"] = id });

    /// <summary>The id in <paramref name="stored"/>, or null when it is not a pointer with a well-formed id.</summary>
    public static string? Read(JsonElement stored) =>
        stored.ValueKind == JsonValueKind.Object
        && stored.TryGetProperty("v", out var version) && version.ValueKind == JsonValueKind.Number
        && version.TryGetInt32(out var number) && number == Version
        && stored.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String
        && id.GetString() is { } value && SessionStoreKeys.IsWellFormed(value)
            ? value
            : null;
}
