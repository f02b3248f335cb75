using System.Security.Cryptography;
using System.Text;

namespace BlazorSession.App.Components.Document;

/// <summary>
/// A script or stylesheet the pages write inline, read once from the file embedded in the app (a script as
/// <see cref="ScriptText"/> compacts it), with the hash that lets it run under the Content Security Policy
/// (<see cref="Hosting.SecurityHeaders"/>).
/// </summary>
/// <remarks>
/// The page writes exactly <see cref="Text"/> between the tags, and the policy allows exactly
/// <see cref="CspHash"/>: both come from this one object, so editing a file can neither break the page nor loosen the
/// policy. Values that differ per page or per deployment are passed as data attributes of the element, never spliced
/// into the text.
/// </remarks>
public sealed class InlineAsset
{
    private InlineAsset(string fileName, string elementName, string text)
    {
        FileName = fileName;
        ElementName = elementName;
        Text = text;
        CspHash = $"'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(text)))}'";
    }

    /// <summary>The file in Components/Document, as embedded.</summary>
    public string FileName { get; }

    /// <summary><c>script</c> or <c>style</c>.</summary>
    public string ElementName { get; }

    public string Text { get; }

    /// <summary>The CSP source expression for <see cref="Text"/>, quotes included.</summary>
    public string CspHash { get; }

    /// <summary>Reads the embedded file; fails at start-up if it is missing or would end its element early.</summary>
    internal static InlineAsset Load(string fileName, string elementName)
    {
        var resourceName = $"BlazorSession.App.Components.Document.{fileName}";
        using var stream = typeof(InlineAsset).Assembly.GetManifestResourceStream(resourceName)
            ?? throw new InvalidOperationException($"{fileName} is not embedded in the app ({resourceName}).");
        using var reader = new StreamReader(stream);
        var file = reader.ReadToEnd();
        var text = elementName == "script" ? ScriptText.Compact(file) : file;

        // Written as markup: text that closed the element would end it early and become page content.
        if (text.Contains($"</{elementName}", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"{fileName} must not contain '</{elementName}'.");
        }

        return new InlineAsset(fileName, elementName, text);
    }
}
