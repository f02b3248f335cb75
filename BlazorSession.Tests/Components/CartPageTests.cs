using BlazorSession.App.Components.Layout;
using BlazorSession.App.Components.Pages;
using BlazorSession.App.Shop;
using Microsoft.AspNetCore.Components;

namespace BlazorSession.Tests.Components;

public class CartPageTests : SessionComponentTestContext
{
    [Fact]
    public void Catalog_HasFourProducts_EachWithAnAddButtonNamedForIt()
    {
        var cut = Render<CartPage>();

        var buttons = cut.FindAll(".catalog button");
        Assert.Equal(4, buttons.Count);
        Assert.Equal(Catalog.Products.Select(product => $"Add {product.Name} to cart"), buttons.Select(button => button.TextContent));
        // What is shown is "Add to cart": the product's name is there for the accessibility tree only.
        Assert.All(buttons, button => Assert.Equal("Add to cart",
            string.Concat(button.ChildNodes.Where(node => node is not AngleSharp.Dom.IElement { ClassName: "visually-hidden" })
                .Select(node => node.TextContent))));
        Assert.Equal("Cart", cut.Find("h1").TextContent);
    }

    [Fact]
    public void AddButtons_AreDisabled_WhilePrerendering_AndTheCartSaysItIsLoading()
    {
        RenderAsPrerendered();

        var cut = Render<CartPage>();

        Assert.All(cut.FindAll(".catalog button"), button => Assert.True(button.HasAttribute("disabled")));
        Assert.Equal("Loading cart…", cut.Find("#cart-status").TextContent);
    }

    [Fact]
    public void WhileTheSessionIsRead_ItSaysLoading_NeverEmpty()
    {
        StoreCart(Cart.Empty.Add("honey"));
        Store.HoldReads();

        var cut = Render<CartPage>();

        Assert.Equal("Loading cart…", cut.Find("#cart-status").TextContent);
        Assert.DoesNotContain("Your cart is empty.", cut.Markup);
        Store.ReleaseReads();
        cut.WaitForAssertion(() => Assert.Equal(["Wildflower honey × 1"], LineTexts(cut)));
    }

    [Fact]
    public void AnEmptyCart_SaysSo_AndCannotBeEmptied()
    {
        var cut = Render<CartPage>();

        cut.WaitForAssertion(() => Assert.Equal("Your cart is empty.", cut.Find("#cart-status").TextContent));
        Assert.True(cut.Find(".empty-cart").HasAttribute("disabled"));
    }

    [Fact]
    public async Task Adding_ListsEachProductOnce_WithItsQuantity()
    {
        var cut = Render<CartPage>();
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("#cart-status")));

        await Add(cut, "Earl Grey tea");
        cut.WaitForAssertion(() => Assert.Equal(["Earl Grey tea × 1"], LineTexts(cut)));
        await Add(cut, "Earl Grey tea");
        cut.WaitForAssertion(() => Assert.Equal(["Earl Grey tea × 2"], LineTexts(cut)));
        await Add(cut, "Shortbread biscuits");

        cut.WaitForAssertion(() => Assert.Equal(["Earl Grey tea × 2", "Shortbread biscuits × 1"], LineTexts(cut)));
        Assert.Equal(Cart.Empty.Add("earl-grey").Add("earl-grey").Add("shortbread"), Session.GetCart());
    }

    [Fact]
    public async Task Remove_TakesTheLineOut_AndEmptyCart_EmptiesIt()
    {
        StoreCart(Cart.Empty.Add("earl-grey").Add("earl-grey").Add("honey"));
        var cut = Render<CartPage>();
        cut.WaitForAssertion(() => Assert.Equal(2, LineTexts(cut).Count));

        await cut.InvokeAsync(() => RemoveButton(cut, "Earl Grey tea").Click());
        cut.WaitForAssertion(() => Assert.Equal(["Wildflower honey × 1"], LineTexts(cut)));
        await cut.InvokeAsync(() => cut.Find(".empty-cart").Click());

        cut.WaitForAssertion(() => Assert.Equal("Your cart is empty.", cut.Find("#cart-status").TextContent));
        Assert.True(Session.GetCart().IsEmpty);
    }

    [Fact]
    public async Task ARender_KeepsTheButtonsEventHandlers()
    {
        // A handler that changes at every render is sent to the browser again and held twice by the renderer until
        // the browser acknowledges the render: the cart's buttons keep theirs.
        StoreCart(Cart.Empty.Add("honey"));
        var cut = Render<CartPage>();
        cut.WaitForAssertion(() => Assert.Equal(["Wildflower honey × 1"], LineTexts(cut)));
        var before = HandlerIds(cut);

        await Add(cut, "Earl Grey tea");

        cut.WaitForAssertion(() => Assert.Equal(2, LineTexts(cut).Count));
        var after = HandlerIds(cut);
        Assert.All(before, button => Assert.Equal(button.Value, after[button.Key]));
    }

    [Fact]
    public async Task AnAdd_RendersThePageOnce()
    {
        // Each render is a batch the browser must apply and acknowledge: the session's change renders the page, and
        // the click itself adds no render of its own.
        var cut = Render<CartPage>();
        cut.WaitForAssertion(() => Assert.Equal("Your cart is empty.", cut.Find("#cart-status").TextContent));
        var renders = cut.RenderCount;

        // Awaited to the end of the click's handler, so a render it would make at its end is counted.
        await cut.InvokeAsync(() => AddButton(cut, "Earl Grey tea").ClickAsync(new()));

        Assert.Equal(["Earl Grey tea × 1"], LineTexts(cut));
        Assert.Equal(renders + 1, cut.RenderCount);
    }

    [Fact]
    public async Task TheHundredthOfOneProduct_IsRefused_WithAnAlert_AndTheCartUnchanged()
    {
        var full = Enumerable.Range(0, Cart.MaxQuantity).Aggregate(Cart.Empty, (cart, _) => cart.Add("sencha"));
        StoreCart(full);
        var cut = Render<CartPage>();
        cut.WaitForAssertion(() => Assert.Equal(["Sencha green tea × 99"], LineTexts(cut)));
        var writes = Store.WriteCount;

        await Add(cut, "Sencha green tea");

        cut.WaitForAssertion(() => Assert.Equal("A cart holds at most 99 of one product.", cut.Find("[role=alert]").TextContent));
        Assert.Equal(["Sencha green tea × 99"], LineTexts(cut));
        Assert.Equal(writes, Store.WriteCount);
    }

    [Fact]
    public async Task TheBrowserOutOfReach_ShowsAnAlert_AndTheCartIsKept()
    {
        StoreCart(Cart.Empty.Add("honey"));
        var cut = Render<CartPage>();
        cut.WaitForAssertion(() => Assert.Equal(["Wildflower honey × 1"], LineTexts(cut)));
        Store.Unavailable = true;

        await Add(cut, "Wildflower honey");

        cut.WaitForAssertion(() => Assert.Contains("could not be changed", cut.Find("[role=alert]").TextContent));
        Assert.Equal(["Wildflower honey × 1"], LineTexts(cut));
    }

    [Fact]
    public async Task TheHeadersLink_SaysCartWithoutACount_UntilTheSessionIsRead_ThenFollowsThePage()
    {
        Store.HoldReads();
        var layout = Render<MainLayout>(parameters => parameters.Add(p => p.Body, (RenderFragment)(builder =>
        {
            builder.OpenComponent<CartPage>(0);
            builder.CloseComponent();
        })));
        Assert.Equal("Cart", CartLink(layout));

        Store.ReleaseReads();
        layout.WaitForAssertion(() => Assert.Equal("Cart (0)", CartLink(layout)));
        await layout.InvokeAsync(() => AddButton(layout, "Earl Grey tea").Click());
        layout.WaitForAssertion(() => Assert.Equal("Cart (1)", CartLink(layout)));
        await layout.InvokeAsync(() => AddButton(layout, "Earl Grey tea").Click());
        await layout.InvokeAsync(() => AddButton(layout, "Wildflower honey").Click());

        layout.WaitForAssertion(() => Assert.Equal("Cart (3)", CartLink(layout)));
    }

    // Each button's accessible name and its click's event handler id, as bUnit's markup shows it (blazor:onclick).
    private static Dictionary<string, string?> HandlerIds(IRenderedComponent<CartPage> cut) =>
        cut.FindAll("button").ToDictionary(button => button.TextContent, button => button.GetAttribute("blazor:onclick"));

    private void StoreCart(Cart cart) => StoreValue(CartSession.Key, cart);

    // Found and clicked in one go on the renderer's dispatcher: a render between the two (the session's read, another
    // change) would give the button a new event handler id.
    private static Task Add(IRenderedComponent<CartPage> cut, string product) =>
        cut.InvokeAsync(() => AddButton(cut, product).Click());

    private static AngleSharp.Dom.IElement AddButton<T>(IRenderedComponent<T> cut, string product) where T : IComponent =>
        cut.FindAll(".catalog button").Single(button => button.TextContent == $"Add {product} to cart");

    private static AngleSharp.Dom.IElement RemoveButton(IRenderedComponent<CartPage> cut, string product) =>
        cut.FindAll(".cart-lines button").Single(button => button.TextContent == $"Remove {product}");

    private static List<string> LineTexts(IRenderedComponent<CartPage> cut) =>
        [.. cut.FindAll(".cart-lines li > span").Select(line => line.TextContent)];

    private static string CartLink(IRenderedComponent<MainLayout> layout) =>
        layout.FindAll("nav a").Single(link => link.GetAttribute("href") == "cart").TextContent;
}
