using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Components.Endpoints;

namespace BlazorSession.App.SignIn;

/// <summary>
/// Lets the request for a Razor component page through the authorization middleware whatever it decided, so the page
/// itself answers (200, its "checking" state) and authorization happens in the circuit.
/// </summary>
/// <remarks>
/// <c>MapRazorComponents</c> puts a page's <c>[Authorize]</c> on its endpoint, so the middleware evaluates it on the
/// page's first request. The sign-in lives in the tab's sessionStorage, which no request carries: every visitor is
/// anonymous to the middleware, and its default would challenge (with no authentication scheme to challenge with,
/// an exception) instead of rendering the page. <c>AuthorizeRouteView</c> applies the same <c>[Authorize]</c> in the
/// circuit once the session has been read. Endpoints that are not pages keep the usual meaning: 401 or 403.
/// </remarks>
internal sealed class PagesAuthorizeInTheCircuit : IAuthorizationMiddlewareResultHandler
{
    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy,
        PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Succeeded || context.GetEndpoint()?.Metadata.GetMetadata<ComponentTypeMetadata>() is not null)
        {
            return next(context);
        }

        context.Response.StatusCode = authorizeResult.Forbidden ? StatusCodes.Status403Forbidden : StatusCodes.Status401Unauthorized;
        return Task.CompletedTask;
    }
}
