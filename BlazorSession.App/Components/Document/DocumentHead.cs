using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace BlazorSession.App.Components.Document;

/// <summary>
/// A page's tab title and meta description, rendered into the page's own tree: <c>@DocumentHead.For(RendererInfo,
/// "Get session", "…")</c>. A fragment rather than a component, because every component a page holds costs the
/// circuit about 3 KB for as long as the page is shown (bench/README.md, memory per circuit), here for one string.
/// </summary>
/// <remarks>
/// While prerendering they are the framework's <see cref="PageTitle"/> and <see cref="HeadContent"/>, which write them
/// into the static HeadOutlet in App.razor (the description matters to the page as fetched, so it is not kept up to
/// date in the circuit). In the circuit the title goes into an inert <c>&lt;template data-tab-title&gt;</c>, from
/// which the browser's after-navigation.js sets <c>document.title</c>: no JS call per navigation, and no interactive
/// HeadOutlet, whose outlet and section components cost each circuit about 15 KB
/// (docs/decisions/2026-11-25-tab-title-without-interactive-headoutlet.md).
/// </remarks>
public static class DocumentHead
{
    /// <summary>The attribute after-navigation.js reads the title from.</summary>
    public const string TitleAttribute = "data-tab-title";

    /// <param name="renderer">The page's <c>RendererInfo</c>: prerendering or in the circuit.</param>
    /// <param name="title">The title, as the tab and the browser's history show it.</param>
    /// <param name="description">What the page is for, in a sentence, as search results and link previews show it.</param>
    public static RenderFragment For(RendererInfo renderer, string title, string description) => builder =>
    {
        if (renderer.IsInteractive)
        {
            builder.OpenElement(0, "template");
            builder.AddAttribute(1, TitleAttribute, title);
            builder.CloseElement();
            return;
        }

        builder.OpenComponent<PageTitle>(2);
        builder.AddComponentParameter(3, nameof(PageTitle.ChildContent), (RenderFragment)(content => content.AddContent(0, title)));
        builder.CloseComponent();
        builder.OpenComponent<HeadContent>(4);
        builder.AddComponentParameter(5, nameof(HeadContent.ChildContent), (RenderFragment)(head =>
        {
            head.OpenElement(0, "meta");
            head.AddAttribute(1, "name", "description");
            head.AddAttribute(2, "content", description);
            head.CloseElement();
        }));
        builder.CloseComponent();
    };
}
