using BlazorSession.App;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Server.ProtectedBrowserStorage;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.AspNetCore.DataProtection;

namespace BlazorSession.Tests.Components;

/// <summary>
/// Each name in <see cref="FrameworkInternals"/> checked against the framework itself: a .NET update that changes one
/// fails here. The JS runtime is strict, so a call under any other name fails the test too.
/// </summary>
public sealed class FrameworkInternalsTests : BunitContext
{
    private readonly EphemeralDataProtectionProvider _dataProtection = new();

    [Fact]
    public void FocusOnNavigate_FocusesThroughFocusBySelector()
    {
        JSInterop.SetupVoid(FrameworkInternals.FocusBySelector, "h1").SetVoidResult();

        Render<FocusOnNavigate>(parameters => parameters
            .Add(focus => focus.RouteData, new RouteData(typeof(App.Components.Pages.Home), new Dictionary<string, object?>()))
            .Add(focus => focus.Selector, "h1"));

        JSInterop.VerifyInvoke(FrameworkInternals.FocusBySelector);
    }

    [Fact]
    public async Task ProtectedSessionStorage_ReadsAndDeletesThroughTheNamedFunctions()
    {
        JSInterop.Setup<string?>(FrameworkInternals.SessionStorageGetItem, "key").SetResult(null);
        JSInterop.SetupVoid(FrameworkInternals.SessionStorageRemoveItem, "key").SetVoidResult();
        var storage = new ProtectedSessionStorage(JSInterop.JSRuntime, _dataProtection);

        await storage.GetAsync<string>("key");
        await storage.DeleteAsync("key");

        JSInterop.VerifyInvoke(FrameworkInternals.SessionStorageGetItem);
        JSInterop.VerifyInvoke(FrameworkInternals.SessionStorageRemoveItem);
    }

    [Fact]
    public async Task ProtectedLocalStorage_ReadsAndDeletesThroughTheNamedFunctions()
    {
        JSInterop.Setup<string?>(FrameworkInternals.LocalStorageGetItem, "key").SetResult(null);
        JSInterop.SetupVoid(FrameworkInternals.LocalStorageRemoveItem, "key").SetVoidResult();
        var storage = new ProtectedLocalStorage(JSInterop.JSRuntime, _dataProtection);

        await storage.GetAsync<string>("key");
        await storage.DeleteAsync("key");

        JSInterop.VerifyInvoke(FrameworkInternals.LocalStorageGetItem);
        JSInterop.VerifyInvoke(FrameworkInternals.LocalStorageRemoveItem);
    }

    [Theory]
    [InlineData(typeof(ProtectedSessionStorage))]
    [InlineData(typeof(ProtectedLocalStorage))]
    public async Task ProtectedStorage_ReadsWhatWasProtectedUnderTheNamedPurpose(Type storageType)
    {
        var stored = _dataProtection.CreateProtector(FrameworkInternals.ProtectedStoragePurpose(storageType, "key"))
            .Protect("\"a value\"");
        var getItem = storageType == typeof(ProtectedSessionStorage)
            ? FrameworkInternals.SessionStorageGetItem
            : FrameworkInternals.LocalStorageGetItem;
        JSInterop.Setup<string?>(getItem, "key").SetResult(stored);
        ProtectedBrowserStorage storage = storageType == typeof(ProtectedSessionStorage)
            ? new ProtectedSessionStorage(JSInterop.JSRuntime, _dataProtection)
            : new ProtectedLocalStorage(JSInterop.JSRuntime, _dataProtection);

        var read = await storage.GetAsync<string>("key");

        Assert.Equal("a value", read.Value);
    }
}
