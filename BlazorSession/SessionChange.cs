using System.Text.Json;

namespace BlazorSession;

/// <summary>
/// What one change of a <see cref="BrowserSession"/> changed (<see cref="BrowserSession.KeysChanged"/>): a component
/// that shows a few keys can let the others' changes go by without rendering.
/// </summary>
public sealed class SessionChange
{
    private static readonly HashSet<string> None = new(StringComparer.Ordinal);

    internal SessionChange(IReadOnlySet<string> keys, bool fromAnotherTab)
    {
        Keys = keys;
        FromAnotherTab = fromAnotherTab;
    }

    /// <summary>
    /// The keys whose value was set, replaced or removed; every key the session held or holds when it was read or
    /// cleared; none when only <see cref="BrowserSession.Status"/> or where the session lives
    /// (<see cref="BrowserSession.IsPermanent"/>) changed.
    /// </summary>
    public IReadOnlySet<string> Keys { get; }

    /// <summary>Whether another tab made it: the permanent session, shared by the browser's tabs, changed or ended there.</summary>
    public bool FromAnotherTab { get; }

    /// <summary>Whether any of <paramref name="keys"/> changed.</summary>
    public bool Concerns(params ReadOnlySpan<string> keys)
    {
        foreach (var key in keys)
        {
            if (Keys.Contains(key))
            {
                return true;
            }
        }

        return false;
    }

    internal static SessionChange Of(string key) => new(new HashSet<string>(StringComparer.Ordinal) { key }, false);

    internal static SessionChange Nothing { get; } = new(None, false);

    // The keys whose stored JSON differs between two readings of the session: what a read brought in.
    internal static SessionChange Between(IReadOnlyDictionary<string, JsonElement> before,
        IReadOnlyDictionary<string, JsonElement> after, bool fromAnotherTab)
    {
        var changed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (key, was) in before)
        {
            if (!after.TryGetValue(key, out var now) || !JsonElement.DeepEquals(was, now))
            {
                changed.Add(key);
            }
        }

        foreach (var key in after.Keys)
        {
            if (!before.ContainsKey(key))
            {
                changed.Add(key);
            }
        }

        return changed.Count == 0 && !fromAnotherTab ? Nothing : new SessionChange(changed, fromAnotherTab);
    }
}
