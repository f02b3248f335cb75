namespace BlazorSession.App.Components.Document;

/// <summary>
/// A script as the page carries it: without the lines that are only comments, and without indentation. The files in
/// Components/Document are written to be read and explained; every page carries them, and a first visit parses them
/// before the form in a browser process of its own (the app's cross-origin isolation), where they were two thirds of
/// the page's 32 KB.
/// </summary>
/// <remarks>
/// Only whole lines go, so no code is touched: a line break stays wherever there was one, which keeps the meaning of
/// every statement that relies on one, and the scripts have no text that spans lines (no multi-line template
/// literal), where a line starting with <c>//</c> would be text.
/// </remarks>
internal static class ScriptText
{
    public static string Compact(string script) =>
        string.Join('\n', script.Split('\n')
            .Select(line => line.Trim())
            .Where(line => line.Length > 0 && !line.StartsWith("//", StringComparison.Ordinal)));
}
