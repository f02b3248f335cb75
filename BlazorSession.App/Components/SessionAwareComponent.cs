using BlazorSession.App.Session;
using Microsoft.AspNetCore.Components;

namespace BlazorSession.App.Components;

/// <summary>
/// Base for components that show the session: re-renders when any component of the circuit changes it, and
/// starts the one store read of the circuit once the component is interactive (the store needs JS interop,
/// which prerendering does not have).
/// </summary>
public abstract class SessionAwareComponent : ComponentBase, IDisposable
{
    [Inject]
    protected SessionState Session { get; set; } = default!;

    protected override void OnInitialized() => Session.Changed += OnSessionChanged;

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender && RendererInfo.IsInteractive)
        {
            await Session.LoadAsync();
        }
    }

    public void Dispose()
    {
        Session.Changed -= OnSessionChanged;
        GC.SuppressFinalize(this);
    }

    // The change may come from another component's event handler; InvokeAsync keeps the render on this
    // component's dispatcher either way.
    private void OnSessionChanged() => _ = InvokeAsync(StateHasChanged);
}
