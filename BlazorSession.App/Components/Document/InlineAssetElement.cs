using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;

namespace BlazorSession.App.Components.Document;

/// <summary>
/// Writes an <see cref="InlineAsset"/> into the page as it was loaded (script or style element), with any data
/// attributes it reads its per-page values from.
/// </summary>
public sealed class InlineAssetElement : ComponentBase
{
    [Parameter, EditorRequired]
    public InlineAsset Asset { get; set; } = default!;

    /// <summary>Attributes of the element, such as <c>data-*</c> values the script reads from <c>document.currentScript</c>.</summary>
    [Parameter(CaptureUnmatchedValues = true)]
    public IReadOnlyDictionary<string, object>? Attributes { get; set; }

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        builder.OpenElement(0, Asset.ElementName);
        builder.AddMultipleAttributes(1, Attributes);
        // The asset's own text, checked when it was loaded: never input.
        builder.AddContent(2, new MarkupString(Asset.Text));
        builder.CloseElement();
    }
}
