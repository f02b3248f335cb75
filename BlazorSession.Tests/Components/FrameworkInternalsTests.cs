using BlazorSession.App;
using Microsoft.AspNetCore.Components.Server.ProtectedBrowserStorage;
using Microsoft.AspNetCore.DataProtection;

namespace BlazorSession.Tests.Components;

/// <summary>
/// Each name in <see cref="FrameworkInternals"/> checked against the framework itself: a .NET update that changes one
/// fails here. The JS runtime is strict, so a call under any other name fails the test too.
/// </summary>
public sealed class FrameworkInternalsTests : BunitContext
{
    private readonly EphemeralDataProtectionProvider _dataProtection = new();

    [Theory]
    [InlineData(typeof(ProtectedSessionStorage))]
    [InlineData(typeof(ProtectedLocalStorage))]
    public async Task ProtectedStorage_ReadsAndDeletesThroughTheNamedFunctions(Type storageType)
    {
        var (storage, getItem, removeItem) = Create(storageType);
        JSInterop.Setup<string?>(getItem, "key").SetResult(null);
        JSInterop.SetupVoid(removeItem, "key").SetVoidResult();

        await storage.GetAsync<string>("key");
        await storage.DeleteAsync("key");

        JSInterop.VerifyInvoke(getItem);
        JSInterop.VerifyInvoke(removeItem);
    }

    [Theory]
    [InlineData(typeof(ProtectedSessionStorage))]
    [InlineData(typeof(ProtectedLocalStorage))]
    public async Task ProtectedStorage_ReadsWhatWasProtectedUnderTheNamedPurpose(Type storageType)
    {
        var (storage, getItem, _) = Create(storageType);
        var stored = _dataProtection.CreateProtector(FrameworkInternals.ProtectedStoragePurpose(storageType, "key"))
            .Protect("\"a value\"");
        JSInterop.Setup<string?>(getItem, "key").SetResult(stored);

        var read = await storage.GetAsync<string>("key");

        Assert.Equal("a value", read.Value);
    }

    // The framework's storage of this type over the test's strict JS runtime, and the functions the app names for it.
    private (ProtectedBrowserStorage Storage, string GetItem, string RemoveItem) Create(Type storageType) =>
        storageType == typeof(ProtectedSessionStorage)
            ? (new ProtectedSessionStorage(JSInterop.JSRuntime, _dataProtection),
                FrameworkInternals.SessionStorageGetItem, FrameworkInternals.SessionStorageRemoveItem)
            : (new ProtectedLocalStorage(JSInterop.JSRuntime, _dataProtection),
                FrameworkInternals.LocalStorageGetItem, FrameworkInternals.LocalStorageRemoveItem);
}
