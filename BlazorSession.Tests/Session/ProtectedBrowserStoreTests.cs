using BlazorSession.App.Session;
using Microsoft.AspNetCore.Components.Server.ProtectedBrowserStorage;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.JSInterop;

namespace BlazorSession.Tests.Session;

/// <summary>
/// The adapter over the framework's real <see cref="ProtectedSessionStorage"/> and <see cref="ProtectedLocalStorage"/>,
/// with bUnit's JS interop as the browser.
/// </summary>
public class ProtectedBrowserStoreTests : BunitContext
{
    private const string Key = SessionState.StorageKey;
    private const string RememberedKey = RememberedSignInStore.StorageKey;
    private readonly EphemeralDataProtectionProvider _dataProtection = new();
    private readonly ProtectedBrowserStore _store;

    public ProtectedBrowserStoreTests() => _store = CreateStore(_dataProtection);

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

    [Fact]
    public async Task TheTabValueWrittenBeforeKeepMeSignedIn_StillReads_AsTheTabsOwnName()
    {
        // Exactly what the version before wrote (StoredSession had only "v" and "username"), through the real
        // protection: open tabs still hold it during a deploy.
        var write = JSInterop.SetupVoid("sessionStorage.setItem", _ => true);
        write.SetVoidResult();
        await new ProtectedSessionStorage(JSInterop.JSRuntime, _dataProtection).SetAsync(Key, new OldStoredSession(1, "Ada"));
        JSInterop.Setup<string?>("sessionStorage.getItem", Key).SetResult((string)write.Invocations.Single().Arguments[1]!);

        var read = await _store.GetAsync<StoredSession>(Key);

        Assert.NotNull(read);
        Assert.True(read.IsValid);
        Assert.Equal("Ada", read.Username);
        Assert.False(read.FollowsRememberedSignIn);
        Assert.Equal("Ada", SessionPrecedence.Choose(read, "Someone else remembered"));
    }

    [Fact]
    public async Task RememberedSignIn_RoundTripsThroughLocalStorage_AsCiphertext()
    {
        var local = new ProtectedBrowserStore(new ProtectedLocalStorage(JSInterop.JSRuntime, _dataProtection));
        var write = JSInterop.SetupVoid("localStorage.setItem", _ => true);
        write.SetVoidResult();
        var remembered = RememberedSignIn.For("Ada Lovelace", new DateTimeOffset(2026, 12, 31, 0, 0, 0, TimeSpan.Zero));

        await local.SetAsync(RememberedKey, remembered);
        var arguments = write.Invocations.Single().Arguments;
        JSInterop.Setup<string?>("localStorage.getItem", RememberedKey).SetResult((string)arguments[1]!);

        Assert.Equal(RememberedKey, arguments[0]);
        Assert.DoesNotContain("Ada Lovelace", (string)arguments[1]!);
        Assert.Equal(remembered, await local.GetAsync<RememberedSignIn>(RememberedKey));
    }

    [Fact]
    public async Task ATabValueCopiedIntoTheRememberedSignIn_IsUnreadable_ItsPurposeIsNotTheRememberedOne()
    {
        var tabValue = await WriteAndCaptureAsync(StoredSession.For("Ada", followsRememberedSignIn: true));
        var local = new ProtectedBrowserStore(new ProtectedLocalStorage(JSInterop.JSRuntime, _dataProtection));
        JSInterop.Setup<string?>("localStorage.getItem", RememberedKey).SetResult(tabValue);

        await Assert.ThrowsAsync<StoredValueUnreadableException>(() => local.GetAsync<RememberedSignIn>(RememberedKey).AsTask());
    }

    [Fact]
    public async Task ARememberedSignInFromAnotherKeyRing_IsUnreadable()
    {
        var write = JSInterop.SetupVoid("localStorage.setItem", _ => true);
        write.SetVoidResult();
        var foreign = new ProtectedBrowserStore(new ProtectedLocalStorage(JSInterop.JSRuntime, new EphemeralDataProtectionProvider()));
        await foreign.SetAsync(RememberedKey, RememberedSignIn.For("Ada", new DateTimeOffset(2026, 12, 31, 0, 0, 0, TimeSpan.Zero)));
        JSInterop.Setup<string?>("localStorage.getItem", RememberedKey).SetResult((string)write.Invocations.Single().Arguments[1]!);
        var local = new ProtectedBrowserStore(new ProtectedLocalStorage(JSInterop.JSRuntime, _dataProtection));

        await Assert.ThrowsAsync<StoredValueUnreadableException>(() => local.GetAsync<RememberedSignIn>(RememberedKey).AsTask());
    }

    private ProtectedBrowserStore CreateStore(IDataProtectionProvider dataProtection) =>
        new(new ProtectedSessionStorage(JSInterop.JSRuntime, dataProtection));

    private sealed record OldStoredSession(
        [property: System.Text.Json.Serialization.JsonPropertyName("v")] int Version,
        [property: System.Text.Json.Serialization.JsonPropertyName("username")] string Username);

    private async Task<string> WriteAndCaptureAsync(StoredSession value, ProtectedBrowserStore? store = null)
    {
        var write = JSInterop.SetupVoid("sessionStorage.setItem", _ => true);
        write.SetVoidResult();
        await (store ?? _store).SetAsync(Key, value);
        var written = (string)write.Invocations.Last().Arguments[1]!;
        Assert.False(string.IsNullOrEmpty(written));
        return written;
    }
}
