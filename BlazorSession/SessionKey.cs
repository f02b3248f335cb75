using System.Diagnostics.CodeAnalysis;

namespace BlazorSession;

/// <summary>
/// A session key with the type of its value, declared once (<c>static readonly SessionKey&lt;Cart&gt; Cart = new("cart")</c>)
/// and used everywhere, so the key is never misspelt nor read as another type. The key rules are checked here.
/// </summary>
public sealed class SessionKey<T>
{
    public SessionKey(string name)
    {
        SessionKeys.Validate(name);
        Name = name;
    }

    public string Name { get; }

    public override string ToString() => Name;
}

/// <summary><see cref="BrowserSession"/>'s methods for a <see cref="SessionKey{T}"/>.</summary>
public static class SessionKeyExtensions
{
    public static T? Get<T>(this BrowserSession session, SessionKey<T> key) => session.Get<T>(Name(key));

    public static bool TryGet<T>(this BrowserSession session, SessionKey<T> key, [MaybeNullWhen(false)] out T value) =>
        session.TryGet(Name(key), out value);

    public static Task SetAsync<T>(this BrowserSession session, SessionKey<T> key, T value) =>
        session.SetAsync(Name(key), value);

    public static Task SetAsync<T>(this BrowserSession session, SessionKey<T> key, T value, bool permanent) =>
        session.SetAsync(Name(key), value, permanent);

    public static Task<T> UpdateAsync<T>(this BrowserSession session, SessionKey<T> key, Func<T?, T> update) =>
        session.UpdateAsync(Name(key), update);

    public static Task<bool> RemoveAsync<T>(this BrowserSession session, SessionKey<T> key) =>
        session.RemoveAsync(Name(key));

    public static bool ContainsKey<T>(this BrowserSession session, SessionKey<T> key) => session.ContainsKey(Name(key));

    private static string Name<T>(SessionKey<T> key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return key.Name;
    }
}
