using BlazorSession.FirstRender;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.AspNetCore.Builder;

public static class BrowserSessionApplicationBuilderExtensions
{
    /// <summary>
    /// Lets every server render read <see cref="BlazorSession.BrowserSession"/>, and a static form post change it: a
    /// static page and an interactive page's prerender see the tab's values, and a change made while rendering is
    /// stored in the tab when its response arrives. The package's script (loaded by <c>blazor.web.js</c>, no script tag
    /// to add) hands the tab's stored session to the next request as the tab leaves a page. Call before
    /// <c>UseAntiforgery</c>, after <c>AddBrowserSession</c>.
    /// </summary>
    public static IApplicationBuilder UseBrowserSession(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            // The circuit's connection is not a render: its circuit reads the browser itself.
            if (!context.WebSockets.IsWebSocketRequest)
            {
                var request = context.RequestServices.GetRequiredService<RequestSession>();
                request.Attach(context);
                if (request.CarriesASession && context.GetEndpoint()?.Metadata.GetMetadata<ComponentTypeMetadata>() is not null)
                {
                    // Read before a page renders, so its first render has the values: at once from the cookies, and
                    // with the server-side store, once the store has answered. Files and other endpoints skip it.
                    await context.RequestServices.GetRequiredService<BlazorSession.BrowserSession>().LoadAsync();
                }
            }

            await next(context);
        });
}
