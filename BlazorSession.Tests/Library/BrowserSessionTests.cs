using System.Text.Json;
using BlazorSession.Storage;
using BlazorSession.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Testing;

namespace BlazorSession.Tests.Library;

/// <summary>The session object's dictionary semantics, over the test package's in-memory storage.</summary>
public sealed class BrowserSessionTests : IDisposable
{
    private readonly ServiceProvider _services;
    private readonly AsyncServiceScope _circuit;

    public BrowserSessionTests()
    {
        var services = new ServiceCollection();
        services.AddFakeLogging();
        services.AddInMemoryBrowserSession();
        _services = services.BuildServiceProvider();
        _circuit = _services.CreateAsyncScope();
        Session = _circuit.ServiceProvider.GetRequiredService<BrowserSession>();
    }

    private BrowserSession Session { get; }

    private InMemoryBrowserStorage Storage => _services.GetInMemoryBrowserStorage();

    private FakeLogCollector Logs => _services.GetRequiredService<FakeLogCollector>();

    public sealed record Cart(IReadOnlyList<string> Products, int Total);

    public sealed record Named(string Name);

    [Fact]
    public async Task SetThenGet_ReturnsTheValue_OfManyTypes()
    {
        var when = new DateTimeOffset(2026, 12, 4, 21, 30, 0, TimeSpan.FromHours(2));

        await Session.SetAsync("username", "Ada");
        await Session.SetAsync("visits", 3);
        await Session.SetAsync("price", 9.75m);
        await Session.SetAsync("when", when);
        await Session.SetAsync("tags", new List<string> { "a", "b" });
        await Session.SetAsync("cart", new Cart(["tea", "cake"], 2));

        Assert.Equal("Ada", Session.Get<string>("username"));
        Assert.Equal(3, Session.Get<int>("visits"));
        Assert.Equal(9.75m, Session.Get<decimal>("price"));
        Assert.Equal(when, Session.Get<DateTimeOffset>("when"));
        Assert.Equal(["a", "b"], Session.Get<List<string>>("tags"));
        var cart = Session.Get<Cart>("cart");
        Assert.NotNull(cart);
        Assert.Equal(["tea", "cake"], cart.Products);
        Assert.Equal(2, cart.Total);
    }

    [Fact]
    public async Task Values_SurviveANewCircuit_ReadFromTheBrowser()
    {
        await Session.SetAsync("username", "Ada");
        await Session.SetAsync("visits", 2);

        await using var reload = _services.CreateAsyncScope();
        var reloaded = reload.ServiceProvider.GetRequiredService<BrowserSession>();
        Assert.False(reloaded.IsLoaded);
        await reloaded.LoadAsync();

        Assert.Equal("Ada", reloaded.Get<string>("username"));
        Assert.Equal(2, reloaded.Get<int>("visits"));
        Assert.Equal(["username", "visits"], reloaded.Keys.Order().ToArray());
    }

    [Fact]
    public async Task AbsentKey_ReadsAsDefault()
    {
        await Session.LoadAsync();

        Assert.Null(Session.Get<string>("username"));
        Assert.Equal(0, Session.Get<int>("visits"));
        Assert.False(Session.TryGet<int>("visits", out _));
        Assert.False(Session.ContainsKey("visits"));
        Assert.Empty(Session.Keys);
    }

    [Fact]
    public async Task Get_ReturnsACopy_ChangingItDoesNotChangeTheSession()
    {
        await Session.SetAsync("tags", new List<string> { "a" });

        Session.Get<List<string>>("tags")!.Add("b");

        Assert.Equal(["a"], Session.Get<List<string>>("tags"));
    }

    [Fact]
    public async Task WrongType_ReadsAsDefault_LoggedOnceWithoutTheValue_OtherKeysUnaffected()
    {
        await Session.SetAsync("cart", "a secret visitor value");
        await Session.SetAsync("username", "Ada");

        Assert.Null(Session.Get<Cart>("cart"));
        Assert.False(Session.TryGet<Cart>("cart", out _));
        Assert.Equal("a secret visitor value", Session.Get<string>("cart"));
        Assert.Equal("Ada", Session.Get<string>("username"));

        var logged = Assert.Single(Logs.GetSnapshot(), record => record.Id.Name == "ValueUnreadableAsType");
        Assert.Contains("'cart'", logged.Message);
        Assert.Contains(nameof(Cart), logged.Message);
        Assert.DoesNotContain("secret", logged.Message);
    }

    [Fact]
    public async Task Remove_IsFlasksPop_TrueOnlyWhenTheKeyWasThere()
    {
        await Session.SetAsync("username", "Ada");
        await Session.SetAsync("visits", 1);

        Assert.True(await Session.RemoveAsync("username"));
        Assert.False(await Session.RemoveAsync("username"));

        Assert.False(Session.ContainsKey("username"));
        Assert.Equal(["visits"], Session.Keys);
        await using var reload = _services.CreateAsyncScope();
        var reloaded = reload.ServiceProvider.GetRequiredService<BrowserSession>();
        await reloaded.LoadAsync();
        Assert.Equal(["visits"], reloaded.Keys);
    }

    [Fact]
    public async Task RemovingTheLastKey_LeavesTheTabsOwnSession_Empty()
    {
        await Session.SetAsync("username", "Ada");

        await Session.RemoveAsync("username");

        var stored = Storage.Peek(BrowserSession.StorageKey);
        Assert.NotNull(stored);
        Assert.Empty(stored.Value.GetProperty("values").EnumerateObject());
    }

    [Fact]
    public async Task Clear_RemovesEverything_HereAndInTheBrowser()
    {
        await Session.SetAsync("username", "Ada");
        await Session.SetAsync("visits", 1);

        await Session.ClearAsync();

        Assert.Empty(Session.Keys);
        Assert.Empty(Storage.StoredKeys);
        Assert.True(Session.IsLoaded);
    }

    [Fact]
    public async Task Changed_IsRaised_ForLoadSetRemoveAndClear()
    {
        var raised = 0;
        Session.Changed += () => raised++;

        await Session.LoadAsync();
        await Session.SetAsync("visits", 1);
        await Session.RemoveAsync("visits");
        await Session.RemoveAsync("visits");
        await Session.ClearAsync();

        Assert.Equal(4, raised);
    }

    [Fact]
    public async Task ConcurrentUpdates_LoseNothing()
    {
        await Session.LoadAsync();

        await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Session.UpdateAsync<int>("clicks", clicks => clicks + 1)));

        Assert.Equal(50, Session.Get<int>("clicks"));
    }

    [Fact]
    public async Task ConcurrentFirstCalls_ShareOneRead()
    {
        await Task.WhenAll(Session.LoadAsync(), Session.LoadAsync(), Session.SetAsync("a", 1), Session.SetAsync("b", 2));

        Assert.Equal(1, Storage.ReadCount);
        Assert.Equal(["a", "b"], Session.Keys.Order().ToArray());
    }

    [Fact]
    public async Task ASessionOverItsLimit_IsRefused_NamingTheLimit_AndNothingChanges()
    {
        await Session.SetAsync("username", "Ada");
        var stored = Storage.Peek(BrowserSession.StorageKey)!.Value.GetRawText();
        var writes = Storage.WriteCount;

        var refused = await Assert.ThrowsAsync<SessionTooLargeException>(
            () => Session.SetAsync("notes", new string('n', BrowserSession.MaxStoredBytes)));

        Assert.Contains(nameof(BrowserSession.MaxStoredBytes), refused.Message);
        Assert.Contains(BrowserSession.MaxStoredBytes.ToString("N0", System.Globalization.CultureInfo.CurrentCulture), refused.Message);
        Assert.Equal("notes", refused.Key);
        Assert.True(refused.StoredBytes > BrowserSession.MaxStoredBytes);
        Assert.False(Session.ContainsKey("notes"));
        Assert.Equal("Ada", Session.Get<string>("username"));
        Assert.Equal(writes, Storage.WriteCount);
        Assert.Equal(stored, Storage.Peek(BrowserSession.StorageKey)!.Value.GetRawText());
    }

    [Fact]
    public async Task TheLimit_IsOnTheWholeSession_NotEachValue()
    {
        var half = new string('h', BrowserSession.MaxStoredBytes / 2);
        await Session.SetAsync("first", half);

        await Assert.ThrowsAsync<SessionTooLargeException>(() => Session.SetAsync("second", half));

        Assert.Equal(["first"], Session.Keys);
    }

    [Fact]
    public async Task ASessionOfExactlyTheLimit_IsStored_AndOneByteMoreIsRefused()
    {
        // The stored document of one string value is this envelope with the value's characters between the quotes.
        const string Envelope = """{"v":1,"values":{"k":""}}""";
        var exactly = new string('f', BrowserSession.MaxStoredBytes - Envelope.Length);

        await Session.SetAsync("k", exactly);

        Assert.Equal(BrowserSession.MaxStoredBytes, Storage.Peek(BrowserSession.StorageKey)!.Value.GetRawText().Length);
        Assert.Equal(exactly, Session.Get<string>("k"));
        var refused = await Assert.ThrowsAsync<SessionTooLargeException>(() => Session.SetAsync("k", exactly + "f"));
        Assert.Equal(BrowserSession.MaxStoredBytes + 1, refused.StoredBytes);
        Assert.Equal(exactly, Session.Get<string>("k"));
    }

    public static TheoryData<string> BadKeys() =>
    [
        "",
        "tab\tkey",
        "line\nbreak",
        "\u0000",
        new string('k', BrowserSession.MaxKeyLength + 1),
    ];

    [Theory]
    [MemberData(nameof(BadKeys))]
    public async Task BadKeys_AreAnArgumentException_OnEveryOverload_AndNothingIsStored(string key)
    {
        await Session.LoadAsync();

        Assert.ThrowsAny<ArgumentException>(() => Session.Get<string>(key));
        Assert.ThrowsAny<ArgumentException>(() => Session.TryGet<string>(key, out _));
        Assert.ThrowsAny<ArgumentException>(() => Session.ContainsKey(key));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => Session.SetAsync(key, "x"));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => Session.SetAsync(key, "x", permanent: false));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => Session.SetAsync(key, "x", permanent: true));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => Session.UpdateAsync<int>(key, visits => visits + 1));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => Session.RemoveAsync(key));
        Assert.ThrowsAny<ArgumentException>(() => new SessionKey<string>(key));
        Assert.Empty(Storage.StoredKeys);
        Assert.Empty(_services.GetInMemoryBrowserStorage(BrowserStoragePlace.Browser).StoredKeys);
    }

    [Fact]
    public async Task KeyLength_IsBounded()
    {
        await Session.SetAsync(new string('k', BrowserSession.MaxKeyLength), 1);

        await Assert.ThrowsAnyAsync<ArgumentException>(() => Session.SetAsync(new string('k', BrowserSession.MaxKeyLength + 1), 1));
        Assert.Single(Session.Keys);
    }

    [Fact]
    public async Task NullKey_IsAnArgumentException() =>
        await Assert.ThrowsAnyAsync<ArgumentException>(() => Session.SetAsync(null!, 1));

    [Fact]
    public async Task AnUnreadableStoredSession_ReadsAsEmpty_IsDeleted_AndLoggedOnce()
    {
        Storage.PutUnreadable(BrowserSession.StorageKey);

        await Session.LoadAsync();

        Assert.True(Session.IsLoaded);
        Assert.Empty(Session.Keys);
        Assert.Empty(Storage.StoredKeys);
        Assert.Single(Logs.GetSnapshot(), record => record.Id.Name == "StoredSessionUnreadable");
    }

    [Theory]
    [InlineData("""{"v":2,"values":{}}""")]
    [InlineData("""{"values":{"a":1}}""")]
    [InlineData("""{"v":1,"values":[]}""")]
    [InlineData("\"just a string\"")]
    public async Task AStoredDocumentOfAnotherShape_ReadsAsEmpty_AndIsDeleted(string json)
    {
        await Storage.SetAsync(BrowserSession.StorageKey, JsonDocument.Parse(json).RootElement);

        await Session.LoadAsync();

        Assert.Empty(Session.Keys);
        Assert.Empty(Storage.StoredKeys);
    }

    [Fact]
    public async Task UnreachableBrowser_OnRead_IsUnavailable_AndTheNextLoadTriesAgain()
    {
        await Session.SetAsync("username", "Ada");
        await using var reload = _services.CreateAsyncScope();
        var reloaded = reload.ServiceProvider.GetRequiredService<BrowserSession>();
        Storage.Unavailable = true;

        await reloaded.LoadAsync();
        Assert.Equal(BrowserSessionStatus.Unavailable, reloaded.Status);
        Assert.Null(reloaded.Get<string>("username"));

        Storage.Unavailable = false;
        await reloaded.LoadAsync();
        Assert.Equal("Ada", reloaded.Get<string>("username"));
    }

    [Fact]
    public async Task AReadThatCannotReachTheBrowser_RaisesChanged_OnceTheStatusIsUnavailable()
    {
        Storage.Unavailable = true;
        var statusesSeen = new List<BrowserSessionStatus>();
        Session.Changed += () => statusesSeen.Add(Session.Status);

        await Session.LoadAsync();

        Assert.Equal([BrowserSessionStatus.Unavailable], statusesSeen);
    }

    [Fact]
    public async Task UnreachableBrowser_OnWrite_Throws_AndTheSessionIsUnchanged()
    {
        await Session.SetAsync("username", "Ada");
        Storage.Unavailable = true;

        await Assert.ThrowsAsync<BrowserStorageUnavailableException>(() => Session.SetAsync("username", "Bob"));
        await Assert.ThrowsAsync<BrowserStorageUnavailableException>(() => Session.ClearAsync());

        Assert.Equal("Ada", Session.Get<string>("username"));
    }

    [Fact]
    public async Task AfterAReadThatCouldNotReachTheBrowser_AWriteReadsFirst_AndKeepsWhatTheBrowserHeld()
    {
        await Session.SetAsync("username", "Ada");
        await using var reload = _services.CreateAsyncScope();
        var reloaded = reload.ServiceProvider.GetRequiredService<BrowserSession>();
        Storage.Unavailable = true;
        await reloaded.LoadAsync();
        var writes = Storage.WriteCount;

        await Assert.ThrowsAsync<BrowserStorageUnavailableException>(() => reloaded.SetAsync("visits", 1));
        Assert.Equal(writes, Storage.WriteCount);

        Storage.Unavailable = false;
        await reloaded.SetAsync("visits", 1);
        Assert.Equal("Ada", reloaded.Get<string>("username"));
        Assert.Equal(1, reloaded.Get<int>("visits"));
    }

    [Fact]
    public async Task AValueThatDoesNotSerialize_Throws_AndNothingChanges()
    {
        await Session.SetAsync("username", "Ada");

        await Assert.ThrowsAnyAsync<Exception>(() => Session.SetAsync("bad", new Action(() => { })));

        Assert.Equal(["username"], Session.Keys);
    }

    [Fact]
    public async Task ASerializerContext_CanBeSupplied()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddInMemoryBrowserSession(options =>
            options.SerializerOptions = new JsonSerializerOptions { TypeInfoResolver = SessionJsonContext.Default });
        await using var provider = services.BuildServiceProvider();
        var session = provider.GetRequiredService<BrowserSession>();

        await session.SetAsync("cart", new Cart(["tea"], 1));

        Assert.Equal(["tea"], session.Get<Cart>("cart")!.Products);
        // Only the context's types: anything else is refused when stored, as source generation means.
        await Assert.ThrowsAnyAsync<NotSupportedException>(() => session.SetAsync("other", new Named("Ada")));
    }

    public void Dispose()
    {
        _circuit.Dispose();
        _services.Dispose();
    }
}

[System.Text.Json.Serialization.JsonSerializable(typeof(BrowserSessionTests.Cart))]
internal sealed partial class SessionJsonContext : System.Text.Json.Serialization.JsonSerializerContext;
