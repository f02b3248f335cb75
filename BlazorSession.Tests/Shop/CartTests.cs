using BlazorSession.App.Shop;
using BlazorSession.Tests.Fakes;

namespace BlazorSession.Tests.Shop;

/// <summary>The cart's rules: what it holds after each change, and what it refuses.</summary>
public class CartTests
{
    [Fact]
    public void Add_PutsOneOfTheProductIn_AndAgainAddsOneMore()
    {
        var cart = Cart.Empty.Add("tea").Add("tea").Add("honey");

        Assert.Equal([new CartLine("tea", 2), new CartLine("honey", 1)], cart.Lines);
        Assert.Equal(3, cart.Count);
        Assert.Equal(2, cart.QuantityOf("tea"));
        Assert.Equal(0, cart.QuantityOf("sencha"));
    }

    [Fact]
    public void Add_LeavesTheCartItWasCalledOnAsItWas()
    {
        var before = Cart.Empty.Add("tea");

        _ = before.Add("tea");

        Assert.Equal([new CartLine("tea", 1)], before.Lines);
    }

    [Fact]
    public void TheHundredthOfOneProduct_IsRefused_WithWhy()
    {
        var full = Enumerable.Range(0, Cart.MaxQuantity).Aggregate(Cart.Empty, (cart, _) => cart.Add("tea"));

        var refused = Assert.Throws<CartRuleException>(() => full.Add("tea"));

        Assert.Equal("A cart holds at most 99 of one product.", refused.Message);
        Assert.Equal(99, full.QuantityOf("tea"));
        Assert.Equal(1, full.Add("honey").QuantityOf("honey"));
    }

    [Fact]
    public void OneLineMoreThanTheLimit_IsRefused()
    {
        var full = Enumerable.Range(0, Cart.MaxLines).Aggregate(Cart.Empty, (cart, i) => cart.Add($"product-{i}"));

        Assert.Throws<CartRuleException>(() => full.Add("one-more"));
        Assert.Equal(2, full.Add("product-0").QuantityOf("product-0"));
    }

    [Fact]
    public void Remove_TakesTheWholeLineOut_AndLeavesTheOthers()
    {
        var cart = Cart.Empty.Add("tea").Add("tea").Add("honey");

        Assert.Equal([new CartLine("honey", 1)], cart.Remove("tea").Lines);
        Assert.Equal(cart, cart.Remove("not-there"));
    }

    [Fact]
    public void Carts_AreEqual_WhenTheirLinesAre()
    {
        Assert.Equal(Cart.Empty.Add("tea").Add("honey"), Cart.Empty.Add("tea").Add("honey"));
        Assert.Equal(Cart.Empty.Add("tea").GetHashCode(), Cart.Empty.Add("tea").GetHashCode());
        Assert.NotEqual(Cart.Empty.Add("tea").Add("honey"), Cart.Empty.Add("honey").Add("tea"));
        Assert.NotEqual(Cart.Empty.Add("tea"), Cart.Empty.Add("tea").Add("tea"));
        Assert.True(Cart.Empty.Add("tea").Remove("tea").IsEmpty);
    }

    [Fact]
    public async Task ACart_RoundTripsThroughTheSession_UnderTheKeyCart()
    {
        var browser = new SessionHarness();
        var tab = await browser.OpenLoadedTabAsync();
        var cart = Cart.Empty.Add("tea").Add("tea").Add("honey");

        await tab.Session.SetAsync(CartSession.Key, cart);

        var reloaded = await browser.OpenLoadedTabAsync();
        Assert.Equal(cart, reloaded.Session.GetCart());
        Assert.Equal(["cart"], reloaded.Session.Keys);
    }

    [Fact]
    public async Task TheLinkText_SaysNoCountUntilTheSessionIsRead_ThenTheNumberOfItems()
    {
        var browser = new SessionHarness();
        await (await browser.OpenLoadedTabAsync()).Session.SetAsync(CartSession.Key, Cart.Empty.Add("tea").Add("tea"));
        var tab = browser.OpenTab();

        Assert.Equal("Cart", tab.Session.CartLinkText());
        await tab.Session.LoadAsync();
        Assert.Equal("Cart (2)", tab.Session.CartLinkText());
    }
}
