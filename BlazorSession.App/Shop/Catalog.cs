namespace BlazorSession.App.Shop;

/// <summary>What the cart page offers: four products of a small tea shop, fixed in code.</summary>
public static class Catalog
{
    public static IReadOnlyList<Product> Products { get; } =
    [
        new("earl-grey", "Earl Grey tea"),
        new("sencha", "Sencha green tea"),
        new("shortbread", "Shortbread biscuits"),
        new("honey", "Wildflower honey"),
    ];

    /// <summary>The product with this id, or null for an id the catalog does not have (an old cart's, say).</summary>
    public static Product? Find(string productId) => Products.FirstOrDefault(product => product.Id == productId);
}

public sealed record Product(string Id, string Name);
