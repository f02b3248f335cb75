using BlazorSession.App.Session;
using Microsoft.AspNetCore.Components;

namespace BlazorSession.App.Components;

/// <summary>
/// Base for components that show the session: re-renders when any component of the circuit changes it, and
/// starts the one store read of the circuit once the component is interactive (the store needs JS interop,
/// which prerendering does not have). The read starts while the component initializes rather than after its
/// first render, which would wait for the browser to acknowledge that render: one round trip less before a
/// reloaded page shows the name. The first render shows the loading state meanwhile.
/// </summary>
public abstract class SessionAwareComponent : ComponentBase, IDisposable
{
    [Inject]
    protected BrowserSession Session { get; set; } = default!;

    /// <summary>The name under the session's <c>username</c> key, and how to save or clear it.</summary>
    [Inject]
    protected UsernameSession Name { get; set; } = default!;

    protected override void OnInitialized() => Session.Changed += OnSessionChanged;

    protected override Task OnInitializedAsync() =>
        RendererInfo.IsInteractive ? Session.LoadAsync() : Task.CompletedTask;

    public void Dispose()
    {
        Session.Changed -= OnSessionChanged;
        GC.SuppressFinalize(this);
    }

    // The change may come from another component's event handler; InvokeAsync keeps the render on this
    // component's dispatcher either way.
    private void OnSessionChanged() => _ = InvokeAsync(StateHasChanged);
}
