using System.Net;
using BlazorSession.SignIn;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace BlazorSession.Tests.Library;

/// <summary>The sign-in option: a name under one session key is the principal Blazor's authorization sees.</summary>
public class SignInTests
{
    private const string NameKey = "username";

    [Fact]
    public async Task UntilTheSessionIsRead_TheStateIsPending_ThenItIsTheStoredName()
    {
        await using var services = SignedInServices();
        await Seed(services, "Ada");
        await using var circuit = services.CreateAsyncScope();
        var provider = circuit.ServiceProvider.GetRequiredService<AuthenticationStateProvider>();

        var state = provider.GetAuthenticationStateAsync();
        Assert.False(state.IsCompleted);
        await circuit.ServiceProvider.GetRequiredService<BrowserSession>().LoadAsync();

        var user = (await state).User;
        Assert.True(user.Identity?.IsAuthenticated);
        Assert.Equal("Ada", user.Identity?.Name);
        Assert.Equal(BrowserSessionAuthenticationStateProvider.AuthenticationType, user.Identity?.AuthenticationType);
    }

    [Fact]
    public async Task ABrowserThatCannotBeReached_LeavesTheStatePending()
    {
        await using var services = SignedInServices();
        services.GetInMemoryBrowserStorage().Unavailable = true;
        await using var circuit = services.CreateAsyncScope();
        var provider = circuit.ServiceProvider.GetRequiredService<AuthenticationStateProvider>();

        await circuit.ServiceProvider.GetRequiredService<BrowserSession>().LoadAsync();

        Assert.False(provider.GetAuthenticationStateAsync().IsCompleted);
    }

    [Fact]
    public async Task APendingState_CompletesWhenARetriedReadReachesTheBrowser()
    {
        await using var services = SignedInServices();
        await Seed(services, "Ada");
        var storage = services.GetInMemoryBrowserStorage();
        storage.Unavailable = true;
        await using var circuit = services.CreateAsyncScope();
        var session = circuit.ServiceProvider.GetRequiredService<BrowserSession>();
        var state = circuit.ServiceProvider.GetRequiredService<AuthenticationStateProvider>().GetAuthenticationStateAsync();
        await session.LoadAsync();

        storage.Unavailable = false;
        await session.LoadAsync();

        Assert.Equal("Ada", (await state).User.Identity?.Name);
    }

    [Fact]
    public async Task AnUnreadableSession_IsAnonymous()
    {
        await using var services = SignedInServices();
        services.GetInMemoryBrowserStorage().PutUnreadable(BrowserSession.StorageKey);
        await using var circuit = services.CreateAsyncScope();
        var provider = circuit.ServiceProvider.GetRequiredService<AuthenticationStateProvider>();

        await circuit.ServiceProvider.GetRequiredService<BrowserSession>().LoadAsync();

        Assert.False((await provider.GetAuthenticationStateAsync()).User.Identity?.IsAuthenticated);
    }

    [Fact]
    public async Task Dispose_StopsFollowingTheSession()
    {
        await using var services = SignedInServices();
        await using var circuit = services.CreateAsyncScope();
        var session = circuit.ServiceProvider.GetRequiredService<BrowserSession>();
        var provider = (BrowserSessionAuthenticationStateProvider)circuit.ServiceProvider.GetRequiredService<AuthenticationStateProvider>();
        await session.LoadAsync();
        var notifications = 0;
        provider.AuthenticationStateChanged += _ => notifications++;

        provider.Dispose();
        await session.SetAsync(NameKey, "Ada");

        Assert.Equal(0, notifications);
    }

    [Fact]
    public async Task SigningInAndOut_NotifiesAuthorization_AndOtherKeysDoNot()
    {
        await using var services = SignedInServices();
        await using var circuit = services.CreateAsyncScope();
        var session = circuit.ServiceProvider.GetRequiredService<BrowserSession>();
        var provider = circuit.ServiceProvider.GetRequiredService<AuthenticationStateProvider>();
        await session.LoadAsync();
        var names = new List<string?>();
        provider.AuthenticationStateChanged += async state => names.Add((await state).User.Identity?.Name);

        await session.SetAsync(NameKey, "Ada");
        await session.SetAsync("cart", 3);
        await session.RemoveAsync(NameKey);

        Assert.Equal(["Ada", null], names);
        Assert.False((await provider.GetAuthenticationStateAsync()).User.Identity?.IsAuthenticated);
    }

    [Fact]
    public async Task APagesFirstRequest_IsAnswered_AndAnyOtherAuthorizedEndpointIsStillRefused()
    {
        await using var app = await StartHostAsync();
        using var client = app.GetTestClient();

        using var page = await client.GetAsync("/restricted");
        using var api = await client.GetAsync("/api/secret");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Restricted page", await page.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
    }

    [Fact]
    public void TheNameKey_FollowsTheKeyRules() =>
        Assert.ThrowsAny<ArgumentException>(() => new ServiceCollection().AddBrowserSessionSignIn(""));

    private static ServiceProvider SignedInServices()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddInMemoryBrowserSession();
        services.AddBrowserSessionSignIn(NameKey);
        return services.BuildServiceProvider();
    }

    private static async Task Seed(IServiceProvider services, string name)
    {
        await using var earlier = services.CreateAsyncScope();
        await earlier.ServiceProvider.GetRequiredService<BrowserSession>().SetAsync(NameKey, name);
    }

    private static async Task<WebApplication> StartHostAsync()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(SignInTests).Assembly.GetName().Name,
            EnvironmentName = Environments.Production,
        });
        builder.WebHost.UseTestServer();
        builder.Services.AddRazorComponents();
        builder.Services.AddBrowserSession();
        builder.Services.AddBrowserSessionSignIn(NameKey);
        var app = builder.Build();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.MapRazorComponents<SignInHostApp>();
        app.MapGet("/api/secret", () => "secret").RequireAuthorization();
        await app.StartAsync();
        return app;
    }
}
