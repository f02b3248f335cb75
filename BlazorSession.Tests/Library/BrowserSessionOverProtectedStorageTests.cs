using BlazorSession.Tests.Fakes;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;

namespace BlazorSession.Tests.Library;

/// <summary>
/// The session as <c>AddBrowserSession()</c> registers it, over the framework's real <c>ProtectedSessionStorage</c>,
/// with bUnit's JS interop as the browser's sessionStorage.
/// </summary>
public class BrowserSessionOverProtectedStorageTests : BunitContext
{
    private const string GetItem = "sessionStorage.getItem";
    private const string SetItem = "sessionStorage.setItem";

    private readonly JSRuntimeInvocationHandler<string?> _read;

    public BrowserSessionOverProtectedStorageTests()
    {
        Services.AddBrowserSession();
        Services.AddSingleton<IDataProtectionProvider>(new EphemeralDataProtectionProvider());
        JSInterop.SetupVoid(SetItem, _ => true).SetVoidResult();
        JSInterop.SetupVoid("sessionStorage.removeItem", _ => true).SetVoidResult();
        _read = JSInterop.Setup<string?>(GetItem, _ => true);
        // No permanent session in the browser's localStorage.
        JSInterop.Setup<string?>("localStorage.getItem", _ => true).SetResult(null);
    }

    [Fact]
    public async Task Set_WritesCiphertext_NeitherTheKeyNorTheValue()
    {
        var written = await WriteWithANewCircuitAsync(session => session.SetAsync("username", "Ada Lovelace"));

        // Whole phrases with a space or quotes: characters base64url never holds, so they cannot match by chance.
        Assert.DoesNotContain("Ada Lovelace", written);
        Assert.DoesNotContain("\"username\"", written);
        Assert.Matches("^[A-Za-z0-9_-]+$", written);
    }

    [Fact]
    public async Task Values_RoundTrip_ThroughTheBrowser_IntoTheNextCircuit()
    {
        var when = DateTimeOffset.Parse("2026-12-04T21:30:00+02:00", System.Globalization.CultureInfo.InvariantCulture);
        var written = await WriteWithANewCircuitAsync(async session =>
        {
            await session.SetAsync("username", "李小龍 🎉 <b>&amp;</b>");
            await session.SetAsync("when", when);
        });

        await ReadWithANewCircuitAsync(written, reloaded =>
        {
            Assert.Equal("李小龍 🎉 <b>&amp;</b>", reloaded.Get<string>("username"));
            Assert.Equal(when, reloaded.Get<DateTimeOffset>("when"));
        });
    }

    [Fact]
    public async Task ATamperedSession_ReadsAsEmpty_AndIsRemovedFromTheBrowser()
    {
        var written = await WriteWithANewCircuitAsync(session => session.SetAsync("username", "Ada"));
        var tampered = (written[0] == 'A' ? "B" : "A") + written[1..];

        await ReadWithANewCircuitAsync(tampered, reloaded =>
        {
            Assert.True(reloaded.IsLoaded);
            Assert.Empty(reloaded.Keys);
        });

        Assert.Single(JSInterop.Invocations["sessionStorage.removeItem"]);
    }

    [Fact]
    public async Task ASessionProtectedWithAnotherKeyRing_ReadsAsEmpty()
    {
        var foreign = await FrameworkProtectedValue.ForSessionStorageAsync(new EphemeralDataProtectionProvider(),
            BrowserSession.StorageKey, """{"v":1,"values":{"username":"Mallory"}}""");

        await ReadWithANewCircuitAsync(foreign, reloaded => Assert.Empty(reloaded.Keys));
    }

    private async Task<string> WriteWithANewCircuitAsync(Func<BrowserSession, Task> write)
    {
        _read.SetResult(null);
        await using var circuit = Services.CreateAsyncScope();
        var session = circuit.ServiceProvider.GetRequiredService<BrowserSession>();

        await write(session);

        var lastWrite = JSInterop.Invocations[SetItem][^1].Arguments;
        Assert.Equal(BrowserSession.StorageKey, lastWrite[0]);
        return Assert.IsType<string>(lastWrite[1]);
    }

    private async Task ReadWithANewCircuitAsync(string stored, Action<BrowserSession> check)
    {
        _read.SetResult(stored);
        await using var circuit = Services.CreateAsyncScope();
        var session = circuit.ServiceProvider.GetRequiredService<BrowserSession>();
        await session.LoadAsync();
        check(session);
    }
}
