using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;

namespace BlazorSession.App.Components.Document;

/// <summary>
/// The app's whole stylesheet (Components/Document/app.css, about 4 KB), written into the page's head instead of linked.
/// </summary>
/// <remarks>
/// Why: a linked stylesheet is the first thing Chromium's preload scanner requests. In a new tab, the first request a
/// document makes held its main thread for a few milliseconds (Chromium traces), and the parser only started after
/// it. So the form became usable later than it needed to. With no subresource in the markup, the form is parsed
/// first; the input became usable sooner, measured side by side (bench/README.md, "App changes for speed").
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
