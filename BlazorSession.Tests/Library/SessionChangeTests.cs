using BlazorSession.Tests.Fakes;

namespace BlazorSession.Tests.Library;

/// <summary>What <see cref="BrowserSession.KeysChanged"/> says changed: the keys, and whether another tab changed them.</summary>
public class SessionChangeTests
{
    private readonly SessionHarness _browser = new();

    [Fact]
    public async Task ASetOrARemove_NamesItsKey_AndIsThisTabs()
    {
        var tab = (await _browser.OpenLoadedTabAsync()).Session;
        var heard = Record(tab);

        await tab.SetAsync("cart", 3);
        await tab.SetAsync("theme", "dark", permanent: true);
        await tab.RemoveAsync("cart");

        Assert.Equal([["cart"], ["theme"], ["cart"]], heard.Select(change => change.Keys.Order().ToArray()));
        Assert.All(heard, change => Assert.False(change.FromAnotherTab));
        Assert.True(heard[0].Concerns("username", "cart"));
        Assert.False(heard[0].Concerns("username"));
    }

    [Fact]
    public async Task ARead_NamesTheKeysItBroughtIn_AndAClearEveryKeyItTookAway()
    {
        var earlier = (await _browser.OpenLoadedTabAsync()).Session;
        await earlier.SetAsync("username", "Ada");
        await earlier.SetAsync("cart", 2);
        var tab = _browser.OpenTab().Session;
        var heard = Record(tab);

        await tab.LoadAsync();
        await tab.ClearAsync();

        Assert.Equal(["cart", "username"], heard[0].Keys.Order());
        Assert.Equal(["cart", "username"], heard[1].Keys.Order());
    }

    [Fact]
    public async Task ClearingTheSharedPermanentSession_NamesItsKeys()
    {
        var tab = (await _browser.OpenLoadedTabAsync()).Session;
        await tab.SetAsync("username", "Ada", permanent: true);
        var heard = Record(tab);

        await tab.ClearAsync();

        Assert.Equal(["username"], Assert.Single(heard).Keys);
    }

    [Fact]
    public async Task OnlyWhereTheSessionLivesChanging_NamesNoKey()
    {
        var tab = (await _browser.OpenLoadedTabAsync()).Session;
        await tab.SetAsync("username", "Ada");
        var heard = Record(tab);

        await tab.SetPermanentAsync(true);
        await tab.SetPermanentAsync(false);

        Assert.Equal(2, heard.Count);
        Assert.All(heard, change => Assert.Empty(change.Keys));
    }

    [Fact]
    public async Task APermanentSessionChangedInAnotherTab_NamesTheKeysThatDiffer_AndSaysItCameFromThere()
    {
        var first = (await _browser.OpenLoadedTabAsync(new())).Session;
        await first.SetAsync("username", "Ada", permanent: true);
        await first.SetAsync("cart", 1);
        var second = (await _browser.OpenLoadedTabAsync(new())).Session;
        var heard = Record(second);

        await first.SetAsync("cart", 2);
        await second.FollowPermanentSessionAsync();

        var change = Assert.Single(heard);
        Assert.Equal(["cart"], change.Keys);
        Assert.True(change.FromAnotherTab);
    }

    [Fact]
    public async Task AReadThatCannotReachTheBrowser_IsTold_WithNoKey()
    {
        _browser.Tab.Unavailable = true;
        var tab = _browser.OpenTab().Session;
        var heard = Record(tab);

        await tab.LoadAsync();

        Assert.Equal(BrowserSessionStatus.Unavailable, tab.Status);
        Assert.Empty(Assert.Single(heard).Keys);
    }

    private static List<SessionChange> Record(BrowserSession session)
    {
        var heard = new List<SessionChange>();
        session.KeysChanged += heard.Add;
        return heard;
    }
}
