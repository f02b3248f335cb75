using System.Text.Json;
using BlazorSession.Storage;

namespace BlazorSession.ServerStore;

/// <summary>
/// A change made from an older copy of a session, applied to the session as it is now: the keys this writer set or
/// removed (its new document against the copy it started from) win, whole; every other key stays as the other writer
/// left it. Two tabs, or two nodes, changing different keys keep both changes (Flask-Session's lost updates, #71).
/// </summary>
internal static class SessionMerge
{
    public static JsonElement Apply(JsonElement current, JsonElement startedFrom, JsonElement written)
    {
        if (StoredValuesFormat.Read(current) is not { } now
            || StoredValuesFormat.Read(startedFrom) is not { } before
            || StoredValuesFormat.Read(written) is not { } after)
        {
            return written;
        }

        var merged = new Dictionary<string, JsonElement>(now.Values, StringComparer.Ordinal);
        foreach (var (key, value) in after.Values)
        {
            if (!before.Values.TryGetValue(key, out var was) || !JsonElement.DeepEquals(was, value))
            {
                merged[key] = value;
            }
        }

        foreach (var key in before.Values.Keys.Where(key => !after.Values.ContainsKey(key)))
        {
            merged.Remove(key);
        }

        return StoredValuesFormat.Write(merged, after.Expires).Document;
    }
}
