using BlazorSession.App.Components;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;

namespace BlazorSession.Tests.Components;

/// <summary>
/// The one route view: a restricted page is decided by the framework's authorization with the page's own
/// <c>[Authorize]</c> data, as AuthorizeRouteView decides it, not by "someone is signed in".
/// </summary>
public class SessionRouteViewTests : SessionComponentTestContext
{
    private const string Content = "The page itself";

    [Fact]
    public void APageForSignedInVisitors_IsShown_ToASignedInVisitor()
    {
        StoreName("Ada");

        var cut = RenderRoute<ForSignedInVisitors>();

        cut.WaitForAssertion(() => Assert.Equal(Content, cut.Find("p").TextContent));
    }

    [Fact]
    public void APageForARoleNoSessionHas_IsRefused_ToASignedInVisitor()
    {
        StoreName("Ada");

        var cut = RenderRoute<ForAdministrators>();

        cut.WaitForAssertion(() => Assert.Contains("Sign in to see this page.", cut.Markup));
        Assert.DoesNotContain(Content, cut.Markup);
    }

    [Fact]
    public void APageThatAllowsAnonymousVisitors_IsShown_WithoutWaitingForTheSession()
    {
        StoreName("Ada");
        Store.HoldReads();

        var cut = RenderRoute<AllowsAnonymous>();

        Assert.Equal(Content, cut.Find("p").TextContent);
    }

    [Fact]
    public void ARestrictedPage_WaitsForTheSession_ThenShows()
    {
        StoreName("Ada");
        Store.HoldReads();

        var cut = RenderRoute<ForSignedInVisitors>();

        Assert.Contains("Checking your session…", cut.Markup);
        Assert.DoesNotContain(Content, cut.Markup);
        Store.ReleaseReads();
        cut.WaitForAssertion(() => Assert.Equal(Content, cut.Find("p").TextContent));
    }

    /// <summary>
    /// Every change of the sign-in reaches the route view, on any page; it renders only when its decision changes, so
    /// a save of the name sends the circuit no empty render of it. Each render of the route view hands the page its
    /// route values again, which this page counts.
    /// </summary>
    [Fact]
    public async Task AChangeOfTheSignIn_RendersTheRouteView_OnlyWhenItsDecisionChanges()
    {
        StoreName("Ada");
        var cut = RenderRoute<CountsItsParameters>(
            new Dictionary<string, object?> { [nameof(CountsItsParameters.Marker)] = new object() });
        cut.WaitForAssertion(() => Assert.Equal(Content, cut.Find("p").TextContent));
        var page = cut.FindComponent<CountsItsParameters>().Instance;
        var parameterSets = page.ParameterSets;

        // The sign-in's change reaches the route view within the save, on the renderer's dispatcher.
        await cut.InvokeAsync(() => Name.SaveAsync("Bob", keepSignedIn: false));
        Assert.Equal("Bob", Name.Username);
        Assert.Equal(parameterSets, page.ParameterSets);

        await cut.InvokeAsync(Name.ClearAsync);
        cut.WaitForAssertion(() => Assert.Contains("Sign in to see this page.", cut.Markup));
    }

    private IRenderedComponent<SessionRouteView> RenderRoute<TPage>(Dictionary<string, object?>? routeValues = null)
        where TPage : IComponent
    {
        // As when a circuit opens: the library's circuit handler starts the one read of the session.
        _ = Session.LoadAsync();
        return Render<SessionRouteView>(parameters => parameters.Add(view => view.RouteData,
            new RouteData(typeof(TPage), routeValues ?? [])));
    }

    private abstract class TestPage : ComponentBase
    {
        protected override void BuildRenderTree(RenderTreeBuilder builder) =>
            builder.AddMarkupContent(0, $"<p>{Content}</p>");
    }

    [Authorize]
    private sealed class ForSignedInVisitors : TestPage;

    [Authorize(Roles = "administrator")]
    private sealed class ForAdministrators : TestPage;

    [Authorize]
    private sealed class CountsItsParameters : TestPage
    {
        [Parameter]
        public object? Marker { get; set; }

        public int ParameterSets { get; private set; }

        protected override void OnParametersSet() => ParameterSets++;
    }

    [Authorize]
    [AllowAnonymous]
    private sealed class AllowsAnonymous : TestPage;
}
