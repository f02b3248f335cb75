using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.AspNetCore.Components.Routing;

namespace BlazorSession.Bench.FirstRender;

/// <summary>The root component of <see cref="FirstRenderBenchmarks"/>' app: a document and a router, as a template's.</summary>
public sealed class BenchDocument : ComponentBase
{
    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        builder.AddMarkupContent(0, "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\" /><title>Bench</title></head><body>");
        builder.OpenComponent<Router>(1);
        builder.AddComponentParameter(2, nameof(Router.AppAssembly), typeof(BenchDocument).Assembly);
        builder.AddComponentParameter(3, nameof(Router.Found), (RenderFragment<RouteData>)(route => page =>
        {
            page.OpenComponent<RouteView>(0);
            page.AddComponentParameter(1, nameof(RouteView.RouteData), route);
            page.CloseComponent();
        }));
        builder.CloseComponent();
        builder.AddMarkupContent(4, "</body></html>");
    }
}

/// <summary>A static page (no render mode) that shows the name stored in the session, as the tutorial's get page does.</summary>
[Route(Route)]
public sealed class BenchPage : ComponentBase
{
    public const string Route = "/get-session";

    [Inject]
    private BrowserSession Session { get; set; } = default!;

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        builder.OpenElement(0, "p");
        builder.AddContent(1, Session.Get<string>("username") is { } name ? $"Session username: {name}" : "No session data found.");
        builder.CloseElement();
    }
}
