using BlazorSession.App.Components.Document;

namespace BlazorSession.Tests.Http;

public class ScriptTextTests
{
    [Fact]
    public void Compact_DropsCommentLinesAndIndentation_AndKeepsEveryLineOfCode()
    {
        const string script = """
            (() => {
                // Why the next line is there.
                const a = "http://example.test/"; // kept: code comes first on this line

                //   an indented comment
                return a;
            })();
            """;

        Assert.Equal("""
            (() => {
            const a = "http://example.test/"; // kept: code comes first on this line
            return a;
            })();
            """, ScriptText.Compact(script));
    }

    [Fact]
    public void EveryInlineScript_IsCarriedCompacted()
    {
        Assert.All(InlineDocumentAssets.Scripts, asset =>
            Assert.DoesNotContain(asset.Text.Split('\n'), line => line.StartsWith("//", StringComparison.Ordinal) || line.StartsWith(' ')));
    }
}
