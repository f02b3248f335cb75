using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;

namespace BlazorSession;

/// <summary>
/// Shows the session as it is now, as <c>AuthorizeView</c> shows the sign-in: <see cref="ChildContent"/> once it has
/// been read, <see cref="Loading"/> until then, <see cref="Unavailable"/> when the browser (or the server's store) could
/// not be reached, and again whenever it changes. A component that shows a value and changes it needs no subscription,
/// no <c>LoadAsync</c> and no <c>Dispose</c>: it injects <see cref="BrowserSession"/> to change it, and puts what it
/// shows inside a <see cref="SessionView"/>.
/// </summary>
/// <remarks>
/// A prerender shows <see cref="ChildContent"/> when its request carried the session (<c>UseBrowserSession</c>), and
/// <see cref="Loading"/> otherwise: the circuit reads the tab itself, so a prerender never says the tab is unavailable.
/// </remarks>
public sealed class SessionView : ComponentBase, IDisposable
{
    [Inject]
    private BrowserSession Session { get; set; } = default!;

    /// <summary>What to show once the session has been read; its context is the session.</summary>
    [Parameter]
    public RenderFragment<BrowserSession>? ChildContent { get; set; }

    /// <summary>What to show until the session has been read (nothing by default).</summary>
    [Parameter]
    public RenderFragment? Loading { get; set; }

    /// <summary>
    /// What to show when the session could not be read; its context is the session, whose <c>LoadAsync</c> tries again.
    /// By default, a short alert with a <b>Try again</b> button, so a page never waits on a read that failed.
    /// </summary>
    [Parameter]
    public RenderFragment<BrowserSession>? Unavailable { get; set; }

    /// <summary>
    /// The keys what is shown depends on: a change of other keys renders nothing. <c>null</c> (the default): every
    /// change renders.
    /// </summary>
    [Parameter]
    public IReadOnlyCollection<string>? Keys { get; set; }

    private BrowserSessionStatus _shown;

    public void Dispose() => Session.KeysChanged -= OnSessionChanged;

    protected override void OnInitialized()
    {
        Session.KeysChanged += OnSessionChanged;
        if (RendererInfo.IsInteractive)
        {
            _ = ReadAsync();
        }
    }

    // The circuit has usually started the read already (it starts as the circuit opens); this shares it. A prerender
    // has no browser to read. The read's end raises KeysChanged, which renders this view: awaited in
    // OnInitializedAsync, it would render the view a second time with nothing new, one more batch for the browser.
    private async Task ReadAsync()
    {
        try
        {
            await Session.LoadAsync();
        }
        catch (Exception exception)
        {
            await DispatchExceptionAsync(exception);
        }
    }

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        _shown = Session.Status;
        switch (_shown)
        {
            case BrowserSessionStatus.Loaded:
                builder.AddContent(0, ChildContent?.Invoke(Session));
                break;
            case BrowserSessionStatus.Unavailable when RendererInfo.IsInteractive:
                builder.AddContent(1, (Unavailable ?? DefaultUnavailable)(Session));
                break;
            default:
                builder.AddContent(2, Loading);
                break;
        }
    }

    private RenderFragment DefaultUnavailable(BrowserSession session) => builder =>
    {
        builder.OpenElement(0, "p");
        builder.AddAttribute(1, "role", "alert");
        builder.AddContent(2, "The session could not be read. ");
        builder.OpenElement(3, "button");
        builder.AddAttribute(4, "type", "button");
        builder.AddAttribute(5, "onclick", EventCallback.Factory.Create(this, session.LoadAsync));
        builder.AddContent(6, "Try again");
        builder.CloseElement();
        builder.CloseElement();
    };

    private void OnSessionChanged(SessionChange change)
    {
        if (Session.Status != _shown || Keys is null || change.Keys.Overlaps(Keys))
        {
            _ = InvokeAsync(StateHasChanged);
        }
    }
}
