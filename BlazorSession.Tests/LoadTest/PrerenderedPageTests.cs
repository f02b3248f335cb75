using System.Text.Json.Nodes;
using BlazorSession.LoadTest.Protocol;

namespace BlazorSession.Tests.LoadTest;

public class PrerenderedPageTests
{
    private const string Html = """
        <head><!--Blazor:{"type":"server","prerenderId":"a1","key":{"locationHash":"H:13","formattedComponentKey":""},"sequence":0,"descriptor":"CfDJ8-head"}--><title>x</title><!--Blazor:{"prerenderId":"a1"}--></head>
        <body><!--Blazor:{"type":"server","prerenderId":"b2","key":{"locationHash":"H:16","formattedComponentKey":""},"sequence":1,"descriptor":"CfDJ8-routes"}--><main></main><!--Blazor:{"prerenderId":"b2"}-->
        <!--Blazor-Server-Component-State:CfDJ8-state+/==--></body>
        """;

    [Fact]
    public void Parse_KeepsTheServerStartMarkersInDocumentOrder_AndTheState()
    {
        var page = PrerenderedPage.Parse(Html);

        Assert.Equal(["CfDJ8-head", "CfDJ8-routes"], page.Markers.Select(m => m["descriptor"]!.GetValue<string>()));
        Assert.Equal("CfDJ8-state+/==", page.ApplicationState);
    }

    [Fact]
    public void AddRootComponentsOperation_AddsEachMarkerWithItsSsrComponentId()
    {
        var page = PrerenderedPage.Parse(Html);

        var batch = JsonNode.Parse(page.AddRootComponentsOperation(batchId: 1))!;

        Assert.Equal(1, batch["batchId"]!.GetValue<long>());
        var operations = batch["operations"]!.AsArray();
        Assert.Equal(["add", "add"], operations.Select(o => o!["type"]!.GetValue<string>()));
        Assert.Equal([1, 2], operations.Select(o => o!["ssrComponentId"]!.GetValue<int>()));
        Assert.Equal("b2", operations[1]!["marker"]!["prerenderId"]!.GetValue<string>());
        Assert.Equal("H:16", operations[1]!["marker"]!["key"]!["locationHash"]!.GetValue<string>());
    }

    [Fact]
    public void Parse_Throws_WhenThePageHasNoInteractiveComponents() =>
        Assert.Throws<FormatException>(() => PrerenderedPage.Parse("<html><body>static</body></html>"));
}
