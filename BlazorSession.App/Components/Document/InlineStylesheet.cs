using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;

namespace BlazorSession.App.Components.Document;

/// <summary>
/// The app's whole stylesheet (Components/Document/app.css, about 2 KB), written into the page's head instead of linked.
/// </summary>
/// <remarks>
/// Why: a linked stylesheet is the first thing Chromium's preload scanner requests. In a new tab, the first request a
/// document makes held its main thread for 5 to 7 ms (Chromium traces), and the parser only started after it. So the
/// form became usable later than it needed to. With no subresource in the markup, the form is parsed first. Measured
/// side by side, 40 fresh-tab loads each: the input was usable at 44 ms (p50) with the link and the framework script
/// in the markup, and at 33 ms with both out of it (bench/README.md, "App changes for speed").
/// </remarks>
public sealed class InlineStylesheet : ComponentBase
{
    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        builder.OpenComponent<InlineAssetElement>(0);
        builder.AddComponentParameter(1, nameof(InlineAssetElement.Asset), InlineDocumentAssets.Stylesheet);
        builder.CloseComponent();
    }
}
