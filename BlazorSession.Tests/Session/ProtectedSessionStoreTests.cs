using BlazorSession.App.Session;
using Microsoft.AspNetCore.Components.Server.ProtectedBrowserStorage;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.JSInterop;

namespace BlazorSession.Tests.Session;

/// <summary>The adapter over the framework's real <see cref="ProtectedSessionStorage"/>, with bUnit's JS interop as the browser.</summary>
public class ProtectedSessionStoreTests : BunitContext
{
    private const string Key = SessionState.StorageKey;
    private readonly EphemeralDataProtectionProvider _dataProtection = new();
    private readonly ProtectedSessionStore _store;

    public ProtectedSessionStoreTests() => _store = CreateStore(_dataProtection);

    [Fact]
    public async Task SetAsync_WritesCiphertext_NotTheName()
    {
        var write = JSInterop.SetupVoid("sessionStorage.setItem", _ => true);
        write.SetVoidResult();

        await _store.SetAsync(Key, StoredSession.For("Ada Lovelace"));

        var arguments = Assert.Single(write.Invocations).Arguments;
        Assert.Equal(Key, arguments[0]);
        var written = Assert.IsType<string>(arguments[1]);
        // Whole phrases with a space or quotes: characters the base64url ciphertext never holds, so a random run of
        // letters in it can never match by chance (a bare "Ada" once did).
        Assert.DoesNotContain("Ada Lovelace", written);
        Assert.DoesNotContain("\"username\"", written);
        Assert.Matches("^[A-Za-z0-9_-]+$", written);
    }

    [Theory]
    [InlineData("Ada Lovelace")]
    [InlineData("李小龍 🎉 שלום <b>&amp;</b>")]
    public async Task Value_RoundTrips(string name)
    {
        var written = await WriteAndCaptureAsync(StoredSession.For(name));
        JSInterop.Setup<string?>("sessionStorage.getItem", Key).SetResult(written);

        var read = await _store.GetAsync<StoredSession>(Key);

        Assert.Equal(StoredSession.For(name), read);
    }

    [Fact]
    public async Task GetAsync_NothingStored_ReturnsNull()
    {
        JSInterop.Setup<string?>("sessionStorage.getItem", Key).SetResult(null);

        Assert.Null(await _store.GetAsync<StoredSession>(Key));
    }

    [Fact]
    public async Task GetAsync_TamperedValue_IsUnreadable()
    {
        var written = await WriteAndCaptureAsync(StoredSession.For("Ada"));
        var bytes = WebEncoders.Base64UrlDecode(written);
        bytes[^1] ^= 0x01;
        JSInterop.Setup<string?>("sessionStorage.getItem", Key).SetResult(WebEncoders.Base64UrlEncode(bytes));

        await Assert.ThrowsAsync<StoredValueUnreadableException>(() => _store.GetAsync<StoredSession>(Key).AsTask());
    }

    [Fact]
    public async Task GetAsync_ValueFromAnotherKeyRing_IsUnreadable()
    {
        var foreignStore = CreateStore(new EphemeralDataProtectionProvider());
        var written = await WriteAndCaptureAsync(StoredSession.For("Ada"), foreignStore);
        JSInterop.Setup<string?>("sessionStorage.getItem", Key).SetResult(written);

        await Assert.ThrowsAsync<StoredValueUnreadableException>(() => _store.GetAsync<StoredSession>(Key).AsTask());
    }

    [Theory]
    [InlineData("not base64 at all!")]
    [InlineData("")]
    [InlineData("{\"v\":1,\"username\":\"Ada\"}")]
    public async Task GetAsync_Garbage_IsUnreadable(string garbage)
    {
        JSInterop.Setup<string?>("sessionStorage.getItem", Key).SetResult(garbage);

        await Assert.ThrowsAsync<StoredValueUnreadableException>(() => _store.GetAsync<StoredSession>(Key).AsTask());
    }

    [Fact]
    public async Task GetAsync_ProtectedButNotJson_IsUnreadable()
    {
        var protector = _dataProtection.CreateProtector($"{typeof(ProtectedSessionStorage).FullName}:sessionStorage:{Key}");
        var protectedGarbage = protector.Protect("this is not json");
        Assert.Equal("this is not json", protector.Unprotect(protectedGarbage));
        JSInterop.Setup<string?>("sessionStorage.getItem", Key).SetResult(protectedGarbage);

        var failure = await Assert.ThrowsAsync<StoredValueUnreadableException>(() => _store.GetAsync<StoredSession>(Key).AsTask());
        Assert.IsAssignableFrom<System.Text.Json.JsonException>(failure.InnerException);
    }

    [Fact]
    public async Task DeleteAsync_RemovesTheItem()
    {
        var remove = JSInterop.SetupVoid("sessionStorage.removeItem", Key);
        remove.SetVoidResult();

        await _store.DeleteAsync(Key);

        Assert.Single(remove.Invocations);
    }

    [Fact]
    public async Task InteropFailure_IsReportedAsUnavailable()
    {
        JSInterop.Setup<string?>("sessionStorage.getItem", Key).SetException(new JSDisconnectedException("gone"));
        JSInterop.SetupVoid("sessionStorage.setItem", _ => true).SetException(new JSException("quota"));
        JSInterop.SetupVoid("sessionStorage.removeItem", Key).SetException(new TaskCanceledException());

        await Assert.ThrowsAsync<BrowserStoreUnavailableException>(() => _store.GetAsync<StoredSession>(Key).AsTask());
        await Assert.ThrowsAsync<BrowserStoreUnavailableException>(() => _store.SetAsync(Key, StoredSession.For("Ada")).AsTask());
        await Assert.ThrowsAsync<BrowserStoreUnavailableException>(() => _store.DeleteAsync(Key).AsTask());
    }

    private ProtectedSessionStore CreateStore(IDataProtectionProvider dataProtection) =>
        new(new ProtectedSessionStorage(JSInterop.JSRuntime, dataProtection));

    private async Task<string> WriteAndCaptureAsync(StoredSession value, ProtectedSessionStore? store = null)
    {
        var write = JSInterop.SetupVoid("sessionStorage.setItem", _ => true);
        write.SetVoidResult();
        await (store ?? _store).SetAsync(Key, value);
        var written = (string)write.Invocations.Last().Arguments[1]!;
        Assert.False(string.IsNullOrEmpty(written));
        return written;
    }
}
