using System.Collections.Concurrent;
using Microsoft.AspNetCore.Authorization;

namespace BlazorSession.App.SignIn;

/// <summary>Which pages ask for a sign-in: the rule <c>AuthorizeRouteView</c> applies (authorize data, no anonymous).</summary>
public static class PageAuthorization
{
    private static readonly ConcurrentDictionary<Type, IAuthorizeData[]?> DataByPage = new();

    /// <summary>The page's <c>[Authorize]</c> attributes, or null when it asks for none or allows anonymous visitors.</summary>
    public static IAuthorizeData[]? AuthorizeDataFor(Type pageType) =>
        DataByPage.GetOrAdd(pageType, static type =>
        {
            var attributes = type.GetCustomAttributes(inherit: true);
            var authorizeData = attributes.OfType<IAuthorizeData>().ToArray();
            return authorizeData.Length == 0 || attributes.OfType<IAllowAnonymous>().Any() ? null : authorizeData;
        });
}
