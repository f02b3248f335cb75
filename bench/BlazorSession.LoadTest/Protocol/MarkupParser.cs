using System.Net;
using System.Text.RegularExpressions;

namespace BlazorSession.LoadTest.Protocol;

/// <summary>
/// Turns a markup frame (static HTML the Razor compiler folded into one string, such as
/// <c>&lt;label for="username"&gt;Username&lt;/label&gt;</c>) into mirror nodes, as the browser does with
/// innerHTML. Enough HTML for compiler output: elements, attributes, text, comments, void elements.
/// </summary>
internal static partial class MarkupParser
{
    private static readonly HashSet<string> VoidElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
    };

    public static void Parse(string markup, DomMirror.ContainerNode container, int componentId)
    {
        var parent = container;
        foreach (Match token in Token().Matches(markup))
        {
            if (token.Groups["close"].Success)
            {
                // Tolerate stray closing tags as the browser does: close up to the matching element, if open.
                for (var node = parent; node != container && node is not null; node = node.Parent)
                {
                    if (node is DomMirror.ElementNode element
                        && string.Equals(element.Name, token.Groups["close"].Value, StringComparison.OrdinalIgnoreCase))
                    {
                        parent = element.Parent ?? container;
                        break;
                    }
                }
            }
            else if (token.Groups["open"].Success)
            {
                var element = new DomMirror.ElementNode(token.Groups["open"].Value.ToLowerInvariant(), componentId);
                foreach (Match attribute in Attribute().Matches(token.Groups["attributes"].Value))
                {
                    var value = attribute.Groups["value"].Success ? attribute.Groups["value"].Value.Trim('"', '\'') : "";
                    element.SetAttribute(attribute.Groups["name"].Value.ToLowerInvariant(), WebUtility.HtmlDecode(value));
                }

                parent.InsertChild(parent.Children.Count, element);
                if (!token.Groups["selfClosing"].Value.Equals("/", StringComparison.Ordinal) && !VoidElements.Contains(element.Name))
                {
                    parent = element;
                }
            }
            else if (token.Groups["text"].Success)
            {
                parent.InsertChild(parent.Children.Count, new DomMirror.TextNode(WebUtility.HtmlDecode(token.Groups["text"].Value)));
            }
        }
    }

    [GeneratedRegex(@"<!--.*?-->|</(?<close>[A-Za-z][\w-]*)\s*>|<(?<open>[A-Za-z][\w-]*)(?<attributes>(?:\s+[^\s=>/]+(?:\s*=\s*(?:""[^""]*""|'[^']*'|[^\s>]+))?)*)\s*(?<selfClosing>/?)>|(?<text>[^<]+)", RegexOptions.Singleline)]
    private static partial Regex Token();

    [GeneratedRegex(@"(?<name>[^\s=>/]+)(?:\s*=\s*(?<value>""[^""]*""|'[^']*'|[^\s>]+))?")]
    private static partial Regex Attribute();
}
