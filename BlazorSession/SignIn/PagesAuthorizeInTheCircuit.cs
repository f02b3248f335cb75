using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Http;

namespace BlazorSession.SignIn;

/// <summary>
/// Lets the request for a Razor component page through the authorization middleware whatever it decided, so the page
/// itself answers (200, its "checking" state) and authorization happens in the circuit. Every other decision is the
/// app's own handler's, when it registered one before <c>AddBrowserSessionSignIn</c>; otherwise a refused endpoint is
/// challenged or forbidden through the app's authentication schemes, or, when it has none, answered 401 or 403 (the
/// framework's handler would throw for want of a scheme).
/// </summary>
/// <remarks>
/// <c>MapRazorComponents</c> puts a page's <c>[Authorize]</c> on its endpoint, so the middleware evaluates it on the
/// page's first request. The sign-in lives in the browser's storage, which no request carries: every visitor is
/// anonymous to the middleware, whose default would challenge instead of rendering the page. <c>AuthorizeRouteView</c>
/// applies the same <c>[Authorize]</c> in the circuit once the session has been read.
/// </remarks>
internal sealed class PagesAuthorizeInTheCircuit(IAuthenticationSchemeProvider schemes,
    IAuthorizationMiddlewareResultHandler? appsOwn = null) : IAuthorizationMiddlewareResultHandler
{
    /// <summary>The key the app's own handler is kept under, beside this one.</summary>
    public const string AppsOwnKey = "BlazorSession: the application's own handler";

    private readonly AuthorizationMiddlewareResultHandler _usual = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy,
        PolicyAuthorizationResult authorizeResult)
    {
        var isPage = context.GetEndpoint()?.Metadata.GetMetadata<ComponentTypeMetadata>() is not null;
        if (isPage && !authorizeResult.Succeeded)
        {
            await next(context);
        }
        else if (appsOwn is not null)
        {
            await appsOwn.HandleAsync(next, context, policy, authorizeResult);
        }
        else if (authorizeResult.Succeeded)
        {
            await next(context);
        }
        else if (policy.AuthenticationSchemes.Count > 0 || await schemes.GetDefaultChallengeSchemeAsync() is not null)
        {
            await _usual.HandleAsync(next, context, policy, authorizeResult);
        }
        else
        {
            context.Response.StatusCode = authorizeResult.Forbidden
                ? StatusCodes.Status403Forbidden
                : StatusCodes.Status401Unauthorized;
        }
    }
}
