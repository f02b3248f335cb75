namespace BlazorSession.App.Shop;

/// <summary>The cart's place in the session object: one typed value under the key <c>cart</c>.</summary>
public static class CartSession
{
    public static readonly SessionKey<Cart> Key = new("cart");

    /// <summary>The cart, or an empty one when there is none (or the stored one does not read as a cart).</summary>
    public static Cart GetCart(this BrowserSession session) => session.Get(Key) ?? Cart.Empty;

    /// <summary>The header's link text: "Cart (N)", or "Cart" while the session is not read (never a count it does not know).</summary>
    public static string CartLinkText(this BrowserSession session) =>
        session.IsLoaded ? $"Cart ({session.GetCart().Count})" : "Cart";
}
