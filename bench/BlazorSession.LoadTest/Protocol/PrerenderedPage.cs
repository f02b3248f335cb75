using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace BlazorSession.LoadTest.Protocol;

/// <summary>
/// What the browser script reads from a prerendered page to make it interactive: the server component markers
/// (<c>&lt;!--Blazor:{...}--&gt;</c> comments carrying a protected descriptor) and the persisted component state.
/// </summary>
internal sealed partial class PrerenderedPage
{
    private PrerenderedPage(IReadOnlyList<JsonObject> markers, string applicationState)
    {
        Markers = markers;
        ApplicationState = applicationState;
    }

    /// <summary>The start markers of the interactive server components, in document order.</summary>
    public IReadOnlyList<JsonObject> Markers { get; }

    public string ApplicationState { get; }

    public static PrerenderedPage Parse(string html)
    {
        var markers = MarkerComment().Matches(html)
            .Select(match => JsonNode.Parse(match.Groups["json"].Value) as JsonObject)
            .Where(marker => marker?["type"]?.GetValue<string>() == "server" && marker["descriptor"] is not null)
            .Cast<JsonObject>()
            .ToList();
        if (markers.Count == 0)
        {
            throw new FormatException("The page has no interactive server component markers.");
        }

        var state = StateComment().Match(html);
        return new PrerenderedPage(markers, state.Success ? state.Groups["state"].Value : "");
    }

    /// <summary>
    /// The first root component update the browser sends: one "add" per marker, numbered from 1 like the script's
    /// SSR component ids, each carrying the marker as the script serialises it.
    /// </summary>
    public string AddRootComponentsOperation(long batchId)
    {
        var operations = new JsonArray();
        for (var i = 0; i < Markers.Count; i++)
        {
            operations.Add(new JsonObject
            {
                ["type"] = "add",
                ["ssrComponentId"] = i + 1,
                ["marker"] = Markers[i].DeepClone(),
            });
        }

        return new JsonObject { ["batchId"] = batchId, ["operations"] = operations }.ToJsonString();
    }

    [GeneratedRegex(@"<!--Blazor:(?<json>\{.*?\})-->", RegexOptions.Singleline)]
    private static partial Regex MarkerComment();

    [GeneratedRegex(@"<!--Blazor-Server-Component-State:(?<state>.*?)-->", RegexOptions.Singleline)]
    private static partial Regex StateComment();
}
