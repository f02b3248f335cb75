using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace BlazorSession.FirstRender;

/// <summary>
/// The cookies that carry a tab's stored session to the server, and the server's changes back to the tab. Their
/// names and format are shared with wwwroot/BlazorSession.lib.module.js, which writes most of them; a value is what
/// the browser's storage holds (Data Protection ciphertext, base64url), split into chunks a browser keeps. Every
/// character used is one neither side escapes (base64url, digits, '.', '-', '~').
/// docs/decisions/2026-12-07-session-at-the-first-render.md says why cookies, and why these.
/// </summary>
internal static partial class CarrierCookies
{
    /// <summary>
    /// A tab leaving a page hands its own session over to the next request: <c>blazor-session.tab.{id}</c>, where the
    /// id is new for each page left. Expired by the response that read it.
    /// </summary>
    public const string TabPrefix = "blazor-session.tab.";

    /// <summary>
    /// The server changed a tab's own session while rendering (a static form post): <c>blazor-session.saved.{id}</c>,
    /// with the id of that tab's handoff. The tab's next page stores it and deletes the cookie; until then it is that
    /// tab's newest session, and a request that carries it reads it.
    /// </summary>
    public const string SavedPrefix = "blazor-session.saved.";

    /// <summary>The permanent session (the browser's localStorage), kept current by every tab's script.</summary>
    public const string Permanent = "blazor-session.permanent";

    /// <summary>Set with <see cref="Permanent"/> when the server changed it: the next page stores it in localStorage.</summary>
    public const string PermanentSaved = "blazor-session.permanent-saved";

    /// <summary>A tab's handoff when it has no session of its own (it shows the permanent one, or nothing).</summary>
    public const string NoSession = "-";

    /// <summary>A tab's handoff when its session is too large to carry beside the permanent one.</summary>
    public const string NotCarried = "~";

    /// <summary>Characters of value per cookie: a browser keeps 4,096 bytes of name and value together.</summary>
    public const int ChunkLength = 3800;

    /// <summary>
    /// The most chunks one value may take: the largest session (<see cref="BrowserSession.MaxStoredBytes"/> of JSON,
    /// about 16.5 KB once protected) takes five.
    /// </summary>
    public const int MaxChunks = 6;

    /// <summary>
    /// The most characters the tab's session and the permanent one may take together in a request: Kestrel reads 32 KB
    /// of request headers in all, and the app has cookies and headers of its own. Two sessions of the largest size
    /// (about 16.5 KB each once protected) do not fit; a tab's script then hands over <see cref="NotCarried"/>.
    /// </summary>
    public const int MaxCarriedLength = 24_000;

    /// <summary>The id a tab's script makes for each page it leaves: 32 hexadecimal digits (128 random bits).</summary>
    public static bool IsTabId(string id) => TabIdPattern().IsMatch(id);

    /// <summary>
    /// The value of the chunked cookie <paramref name="name"/> (first chunk <c>"{count}.{value}"</c>, the others
    /// <c>{name}.1</c>, <c>{name}.2</c> …), or null when it is absent, truncated or malformed.
    /// </summary>
    public static string? Read(IRequestCookieCollection cookies, string name)
    {
        if (!cookies.TryGetValue(name, out var first))
        {
            return null;
        }

        var dot = first.IndexOf('.');
        if (dot < 1 || !int.TryParse(first.AsSpan(0, dot), out var count) || count is < 1 or > MaxChunks)
        {
            return null;
        }

        var value = first[(dot + 1)..];
        for (var chunk = 1; chunk < count; chunk++)
        {
            if (!cookies.TryGetValue($"{name}.{chunk}", out var part))
            {
                return null;
            }

            value += part;
        }

        return value;
    }

    /// <summary>The names of every chunk a value of <paramref name="name"/> may have been written under.</summary>
    public static IEnumerable<string> ChunkNames(string name) =>
        Enumerable.Range(0, MaxChunks).Select(chunk => chunk == 0 ? name : $"{name}.{chunk}");

    /// <summary>
    /// Writes <paramref name="value"/> as <paramref name="name"/>'s chunks, and expires the chunks beyond them that the
    /// request carried.
    /// </summary>
    public static void Write(HttpContext context, string name, string value, CookieOptions options)
    {
        var chunks = value.Chunk(ChunkLength).Select(chunk => new string(chunk)).DefaultIfEmpty("").ToArray();
        var index = 0;
        foreach (var chunkName in ChunkNames(name))
        {
            if (index < chunks.Length)
            {
                context.Response.Cookies.Append(chunkName, index == 0 ? $"{chunks.Length}.{chunks[0]}" : chunks[index],
                    options);
            }
            else if (context.Request.Cookies.ContainsKey(chunkName))
            {
                context.Response.Cookies.Delete(chunkName, options);
            }

            index++;
        }
    }

    /// <summary>Expires every chunk of <paramref name="name"/> that the request carried.</summary>
    public static void Delete(HttpContext context, string name, CookieOptions options)
    {
        foreach (var chunkName in ChunkNames(name).Where(context.Request.Cookies.ContainsKey))
        {
            context.Response.Cookies.Delete(chunkName, options);
        }
    }

    [GeneratedRegex("^[0-9a-f]{32}$")]
    private static partial Regex TabIdPattern();
}
