using System.Collections.Concurrent;
using Microsoft.AspNetCore.Authorization;

namespace BlazorSession.App.SignIn;

/// <summary>Which pages ask for a sign-in: the rule <c>AuthorizeRouteView</c> applies (authorize data, no anonymous).</summary>
public static class PageAuthorization
{
    private static readonly ConcurrentDictionary<Type, bool> RequiresSignInByPage = new();

    public static bool RequiresSignIn(Type pageType) =>
        RequiresSignInByPage.GetOrAdd(pageType, static type =>
        {
            var attributes = type.GetCustomAttributes(inherit: true);
            return attributes.OfType<IAuthorizeData>().Any() && !attributes.OfType<IAllowAnonymous>().Any();
        });
}
