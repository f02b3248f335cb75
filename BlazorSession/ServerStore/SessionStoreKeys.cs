using System.Buffers.Text;
using System.Security.Cryptography;

namespace BlazorSession.ServerStore;

/// <summary>Session ids, and the store keys they are kept under.</summary>
internal static class SessionStoreKeys
{
    /// <summary>Bytes of randomness in an id: 256 bits, as Flask-Session's.</summary>
    public const int IdBytes = 32;

    private const string Prefix = "blazor-session:";

    /// <summary>A new id: random, URL-safe, never derived from anything the browser sent.</summary>
    public static string NewId() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(IdBytes));

    /// <summary>Whether <paramref name="id"/> has the shape of an id this library made.</summary>
    public static bool IsWellFormed(string id) =>
        id.Length == Base64Url.GetEncodedLength(IdBytes) && Base64Url.IsValid(id, out var decoded) && decoded == IdBytes;

    public static string For(string id) => Prefix + id;
}
