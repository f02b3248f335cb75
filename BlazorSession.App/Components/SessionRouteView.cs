using System.Security.Claims;
using BlazorSession.App.SignIn;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Rendering;
using RouteData = Microsoft.AspNetCore.Components.RouteData;

namespace BlazorSession.App.Components;

/// <summary>
/// The page the router found, rendered in place, for every page: one component through every navigation. A page
/// that asks for a sign-in (<see cref="PageAuthorization"/>) is shown once the framework's authorization lets the
/// visitor in, with the page's <c>[Authorize]</c> data, as <c>AuthorizeRouteView</c> would decide it;
/// <see cref="SignInRequired"/> stands in its place while the sign-in is unknown (prerendering, the session not
/// read yet) and when it is refused.
/// </summary>
/// <remarks>
/// Not <c>RouteView</c> and <c>AuthorizeRouteView</c> side by side: a move between a restricted page and another
/// changed which of the two held the page, and each brought components of its own (a <c>LayoutView</c> around every
/// page, and <c>AuthorizeRouteView</c>'s authorizing view), all built again at every such move (bench/README.md,
/// "What moved what"). <c>AuthorizeRouteView</c> also shows its authorizing state for every page until the session has
/// been read, which would hide the type-ahead form
/// (docs/decisions/2026-12-01-authorizerouteview-only-for-restricted-pages.md).
/// </remarks>
public sealed class SessionRouteView : ComponentBase
{
    private Access _access;
    private RouteData? _renderedRoute;
    private Access _renderedAccess;

    [Parameter, EditorRequired]
    public RouteData RouteData { get; set; } = default!;

    // A new task whenever the sign-in changes, which sets this view's parameters again (CascadingAuthenticationState).
    [CascadingParameter]
    private Task<AuthenticationState>? AuthenticationState { get; set; }

    [Inject]
    private IAuthorizationPolicyProvider Policies { get; set; } = default!;

    [Inject]
    private IAuthorizationService Authorization { get; set; } = default!;

    [Inject]
    private BrowserSession Session { get; set; } = default!;

    private enum Access
    {
        Granted,
        Checking,
        Refused,
    }

    protected override async Task OnParametersSetAsync()
    {
        if (PageAuthorization.AuthorizeDataFor(RouteData.PageType) is not { } authorizeData)
        {
            _access = Access.Granted;
            return;
        }

        // While prerendering, the sign-in is known only if the request carried the session (UseBrowserSession).
        if ((!RendererInfo.IsInteractive && !Session.IsLoaded) || AuthenticationState is not { } asked)
        {
            _access = Access.Checking;
            return;
        }

        // Never the previous page's decision while this one is made: if it waits, the page is not shown meanwhile.
        _access = Access.Checking;
        var route = RouteData;
        var allowed = await IsAllowedAsync((await asked).User, authorizeData, route);
        // A newer sign-in, or another navigation, may have arrived while this one was decided.
        if (asked == AuthenticationState && route == RouteData)
        {
            _access = allowed ? Access.Granted : Access.Refused;
        }
    }

    // Every change of the sign-in sets this view's parameters again, on any page: it renders only when the page or
    // the decision changed, so a save of the name sends no empty render of it (the page follows the session itself).
    protected override bool ShouldRender() => _renderedRoute != RouteData || _renderedAccess != _access;

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        _renderedRoute = RouteData;
        _renderedAccess = _access;
        if (_access == Access.Granted)
        {
            builder.OpenComponent(0, RouteData.PageType);
            foreach (var (name, value) in RouteData.RouteValues)
            {
                builder.AddComponentParameter(1, name, value);
            }

            builder.CloseComponent();
        }
        else
        {
            builder.OpenComponent<SignInRequired>(2);
            builder.AddComponentParameter(3, nameof(SignInRequired.Page), RouteData.PageType);
            builder.AddComponentParameter(4, nameof(SignInRequired.Checking), _access == Access.Checking);
            builder.CloseComponent();
        }
    }

    // What AuthorizeRouteView asks: the page's policies combined, for this user, with the route as the resource.
    private async Task<bool> IsAllowedAsync(ClaimsPrincipal user, IAuthorizeData[] authorizeData, RouteData route)
    {
        var policy = await AuthorizationPolicy.CombineAsync(Policies, authorizeData);
        return policy is not null && (await Authorization.AuthorizeAsync(user, route, policy)).Succeeded;
    }
}
