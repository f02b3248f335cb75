using System.Text.Json.Serialization;

namespace BlazorSession.App.Shop;

/// <summary>
/// A shopping cart, the tutorial's other use of the session: one line per product with its quantity, in the order
/// the products were first added. Immutable: every change returns a new cart, so a change is never half-applied, and
/// a change the rules refuse throws <see cref="CartRuleException"/> with nothing changed.
/// </summary>
public sealed record Cart
{
    /// <summary>The most of one product a cart holds.</summary>
    public const int MaxQuantity = 99;

    /// <summary>
    /// The most lines (different products) a cart holds: it is kept in the session, which is bounded as a whole
    /// (<see cref="BrowserSession.MaxStoredBytes"/>); 50 lines of the longest product id stay far below it.
    /// </summary>
    public const int MaxLines = 50;

    public static readonly Cart Empty = new([]);

    [JsonConstructor]
    public Cart(IReadOnlyList<CartLine>? lines) => Lines = lines ?? [];

    public IReadOnlyList<CartLine> Lines { get; }

    /// <summary>The number of items: the sum of the quantities.</summary>
    [JsonIgnore]
    public int Count => Lines.Sum(line => line.Quantity);

    [JsonIgnore]
    public bool IsEmpty => Lines.Count == 0;

    public int QuantityOf(string productId) => Lines.FirstOrDefault(line => line.ProductId == productId)?.Quantity ?? 0;

    /// <summary>One more of <paramref name="productId"/>.</summary>
    public Cart Add(string productId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(productId);
        var index = IndexOf(productId);
        if (index < 0)
        {
            return Lines.Count >= MaxLines
                ? throw new CartRuleException($"A cart holds at most {MaxLines} different products.")
                : new Cart([.. Lines, new CartLine(productId, 1)]);
        }

        var line = Lines[index];
        return line.Quantity >= MaxQuantity
            ? throw new CartRuleException($"A cart holds at most {MaxQuantity} of one product.")
            : With(index, line with { Quantity = line.Quantity + 1 });
    }

    /// <summary>The cart without the line of <paramref name="productId"/> (all of its quantity).</summary>
    public Cart Remove(string productId) => new([.. Lines.Where(line => line.ProductId != productId)]);

    public bool Equals(Cart? other) => other is not null && Lines.SequenceEqual(other.Lines);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var line in Lines)
        {
            hash.Add(line);
        }

        return hash.ToHashCode();
    }

    private int IndexOf(string productId)
    {
        for (var i = 0; i < Lines.Count; i++)
        {
            if (Lines[i].ProductId == productId)
            {
                return i;
            }
        }

        return -1;
    }

    private Cart With(int index, CartLine line)
    {
        var lines = Lines.ToArray();
        lines[index] = line;
        return new Cart(lines);
    }
}

/// <summary>One product in the cart and how many of it.</summary>
public sealed record CartLine(string ProductId, int Quantity);

/// <summary>A change the cart's rules refuse; its message says why, for the visitor.</summary>
public sealed class CartRuleException(string message) : InvalidOperationException(message);
