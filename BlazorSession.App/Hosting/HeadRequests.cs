using Microsoft.AspNetCore.Components.Endpoints;

namespace BlazorSession.App.Hosting;

/// <summary>
/// Pages answer <c>HEAD</c> as they answer <c>GET</c> (uptime monitors use it; the page endpoints accept only GET
/// and POST, so it was a 405). The page renders as for a GET, and Kestrel sends the headers without the body, as
/// it does for every HEAD request.
/// </summary>
public static class HeadRequests
{
    public static TBuilder AnswerHeadRequests<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder
    {
        builder.Add(endpoint =>
        {
            // Pages only: the circuit's own endpoints keep their methods.
            if (endpoint.Metadata.OfType<ComponentTypeMetadata>().Any())
            {
                endpoint.Metadata.Add(new HttpMethodMetadata([HttpMethods.Get, HttpMethods.Head, HttpMethods.Post]));
            }
        });
        return builder;
    }
}
