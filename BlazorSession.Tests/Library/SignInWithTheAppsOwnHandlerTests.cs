using System.Net;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace BlazorSession.Tests.Library;

/// <summary>
/// <c>AddBrowserSessionSignIn</c> in an app with an <see cref="IAuthorizationMiddlewareResultHandler"/> of its own,
/// registered before it (scoped, to check the lifetime is kept): the app's handler keeps deciding every endpoint but an
/// <c>[Authorize]</c> page's first request, which the page answers.
/// </summary>
public sealed class SignInWithTheAppsOwnHandlerTests : IAsyncLifetime
{
    private WebApplication _app = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(SignInWithTheAppsOwnHandlerTests).Assembly.GetName().Name,
            EnvironmentName = Environments.Development,
        });
        builder.WebHost.UseTestServer();
        builder.Services.AddRazorComponents();
        builder.Services.AddScoped<IAuthorizationMiddlewareResultHandler, TeapotWhenRefused>();
        builder.Services.AddBrowserSession();
        builder.Services.AddBrowserSessionSignIn("username");
        _app = builder.Build();
        _app.UseAuthorization();
        _app.UseAntiforgery();
        _app.MapRazorComponents<SignInHostApp>();
        _app.MapGet("/api/members", () => "members").RequireAuthorization(policy => policy.RequireAuthenticatedUser());
        _app.MapGet("/api/anyone", () => "anyone").RequireAuthorization(policy => policy.RequireAssertion(_ => true));
        await _app.StartAsync();
        _client = _app.GetTestClient();
    }

    [Fact]
    public async Task ARefusedEndpoint_IsAnsweredByTheAppsHandler()
    {
        using var response = await _client.GetAsync("/api/members");

        Assert.Equal((HttpStatusCode)StatusCodes.Status418ImATeapot, response.StatusCode);
    }

    [Fact]
    public async Task AnAllowedEndpoint_GoesThroughTheAppsHandler()
    {
        using var response = await _client.GetAsync("/api/anyone");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("seen", Assert.Single(response.Headers.GetValues(TeapotWhenRefused.SeenHeader)));
    }

    [Fact]
    public async Task AnAuthorizePage_StillAnswersItsFirstRequest()
    {
        using var response = await _client.GetAsync("/restricted");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _app.DisposeAsync();
    }

    /// <summary>An app's own handler: it marks what it saw, and answers 418 where the framework's would challenge.</summary>
    private sealed class TeapotWhenRefused : IAuthorizationMiddlewareResultHandler
    {
        public const string SeenHeader = "X-Apps-Handler";

        public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy,
            PolicyAuthorizationResult authorizeResult)
        {
            context.Response.Headers[SeenHeader] = "seen";
            if (authorizeResult.Succeeded)
            {
                return next(context);
            }

            context.Response.StatusCode = StatusCodes.Status418ImATeapot;
            return Task.CompletedTask;
        }
    }
}
