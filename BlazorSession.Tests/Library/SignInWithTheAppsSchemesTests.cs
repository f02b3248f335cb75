using System.Net;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BlazorSession.Tests.Library;

/// <summary>
/// <c>AddBrowserSessionSignIn</c> in an app with authentication schemes of its own and no default challenge scheme:
/// an endpoint that is not a page is challenged or forbidden by the scheme its policy names, and with no scheme to
/// ask, answered 401 or 403 as the middleware decided.
/// </summary>
public sealed class SignInWithTheAppsSchemesTests : IAsyncLifetime
{
    private const string HeaderScheme = "Header";
    private WebApplication _app = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(SignInWithTheAppsSchemesTests).Assembly.GetName().Name,
            EnvironmentName = Environments.Production,
        });
        builder.WebHost.UseTestServer();
        builder.Services.AddRazorComponents();
        builder.Services.AddBrowserSession();
        builder.Services.AddBrowserSessionSignIn("username");
        // Two schemes: with only one, ASP.NET Core would make it the default challenge scheme.
        builder.Services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, HeaderAuthenticationHandler>(HeaderScheme, _ => { })
            .AddScheme<AuthenticationSchemeOptions, HeaderAuthenticationHandler>("Other", _ => { });
        _app = builder.Build();
        // Stands for an app's own middleware that knows the user without an authentication scheme.
        _app.Use((context, next) =>
        {
            if (context.Request.Headers.TryGetValue("X-Plain-User", out var name))
            {
                context.User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, name.ToString())], "Plain"));
            }

            return next(context);
        });
        _app.UseAuthorization();
        _app.UseAntiforgery();
        _app.MapRazorComponents<SignInHostApp>();
        _app.MapGet("/api/members", () => "members")
            .RequireAuthorization(policy => policy.AddAuthenticationSchemes(HeaderScheme).RequireAuthenticatedUser());
        _app.MapGet("/api/admins", () => "admins")
            .RequireAuthorization(policy => policy.AddAuthenticationSchemes(HeaderScheme).RequireRole("admin"));
        _app.MapGet("/api/plain-admins", () => "plain admins")
            .RequireAuthorization(policy => policy.RequireRole("admin"));
        await _app.StartAsync();
        _client = _app.GetTestClient();
    }

    [Fact]
    public async Task AnAnonymousRequest_IsChallengedByTheSchemeItsPolicyNames()
    {
        using var response = await _client.GetAsync("/api/members");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(HeaderScheme, Assert.Single(response.Headers.GetValues(HeaderAuthenticationHandler.ChallengedBy)));
    }

    [Fact]
    public async Task AUserTheSchemeKnows_IsLetThrough()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/members");
        request.Headers.Add(HeaderAuthenticationHandler.UserHeader, "Ada");

        using var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("members", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AUserWithoutTheRole_IsForbiddenByTheSchemeItsPolicyNames()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/admins");
        request.Headers.Add(HeaderAuthenticationHandler.UserHeader, "Ada");

        using var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(HeaderScheme, Assert.Single(response.Headers.GetValues(HeaderAuthenticationHandler.ForbiddenBy)));
    }

    [Fact]
    public async Task AUserWithoutTheRole_WithNoSchemeToAsk_Is403_AndAnAnonymousOne401()
    {
        using var signedIn = new HttpRequestMessage(HttpMethod.Get, "/api/plain-admins");
        signedIn.Headers.Add("X-Plain-User", "Ada");

        using var forbidden = await _client.SendAsync(signedIn);
        using var anonymous = await _client.GetAsync("/api/plain-admins");

        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _app.DisposeAsync();
    }

    /// <summary>An app's own scheme: the user named by a header; says which scheme challenged or forbade.</summary>
    private sealed class HeaderAuthenticationHandler(
        IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
        : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
    {
        public const string UserHeader = "X-Test-User";
        public const string ChallengedBy = "X-Challenged-By";
        public const string ForbiddenBy = "X-Forbidden-By";

        protected override Task<AuthenticateResult> HandleAuthenticateAsync() =>
            Task.FromResult(Request.Headers.TryGetValue(UserHeader, out var name)
                ? AuthenticateResult.Success(new AuthenticationTicket(
                    new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, name.ToString())], Scheme.Name)),
                    Scheme.Name))
                : AuthenticateResult.NoResult());

        protected override Task HandleChallengeAsync(AuthenticationProperties properties)
        {
            Response.StatusCode = StatusCodes.Status401Unauthorized;
            Response.Headers[ChallengedBy] = Scheme.Name;
            return Task.CompletedTask;
        }

        protected override Task HandleForbiddenAsync(AuthenticationProperties properties)
        {
            Response.StatusCode = StatusCodes.Status403Forbidden;
            Response.Headers[ForbiddenBy] = Scheme.Name;
            return Task.CompletedTask;
        }
    }
}
