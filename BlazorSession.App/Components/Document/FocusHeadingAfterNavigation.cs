using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace BlazorSession.App.Components.Document;

/// <summary>
/// Moves keyboard focus to the new page's heading after an in-app navigation, so that a screen reader announces the
/// page the link led to (what the framework's <c>FocusOnNavigate</c> does), except on the circuit's first render.
/// </summary>
/// <remarks>
/// The framework's component also focuses the heading when the circuit first renders the page the browser loaded.
/// Here that would take the caret away from someone typing: the Username input is usable before the circuit is up
/// (see <c>TypeAheadScript.razor</c>). A page load needs no focus move anyway: the browser has just started the new
/// document from its top.
/// </remarks>
public sealed class FocusHeadingAfterNavigation : ComponentBase
{
    private Type? _shownPage;
    private bool _renderedOnce;
    private bool _focusAfterRender;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    /// <summary>The route data from the enclosing router.</summary>
    [Parameter, EditorRequired]
    public Microsoft.AspNetCore.Components.RouteData RouteData { get; set; } = default!;

    /// <summary>The CSS selector of the element to focus; the page's heading by default.</summary>
    [Parameter]
    public string Selector { get; set; } = "h1";

    protected override void OnParametersSet()
    {
        if (RouteData.PageType == _shownPage)
        {
            return;
        }

        _shownPage = RouteData.PageType;
        _focusAfterRender = _renderedOnce;
        _renderedOnce = true;
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (_focusAfterRender)
        {
            _focusAfterRender = false;
            await JS.InvokeVoidAsync(FrameworkInternals.FocusBySelector, Selector);
        }
    }
}
