using System.Text.Json;
using Microsoft.AspNetCore.Components.Server.ProtectedBrowserStorage;
using Microsoft.AspNetCore.DataProtection;

namespace BlazorSession.Tests.Fakes;

/// <summary>
/// What the framework's protected storage hands the browser to store for a value: made by the framework's own class,
/// over a browser that records the call, so a test needs nothing of how it protects.
/// </summary>
internal static class FrameworkProtectedValue
{
    /// <summary>The ciphertext <paramref name="json"/> is stored as under <paramref name="key"/> in localStorage.</summary>
    public static Task<string> ForLocalStorageAsync(IDataProtectionProvider dataProtection, string key, string json) =>
        ProtectAsync(browser => new ProtectedLocalStorage(browser, dataProtection), key, json);

    /// <summary>The ciphertext <paramref name="json"/> is stored as under <paramref name="key"/> in sessionStorage.</summary>
    public static Task<string> ForSessionStorageAsync(IDataProtectionProvider dataProtection, string key, string json) =>
        ProtectAsync(browser => new ProtectedSessionStorage(browser, dataProtection), key, json);

    private static async Task<string> ProtectAsync(Func<RecordingJSRuntime, ProtectedBrowserStorage> storageOver,
        string key, string json)
    {
        var browser = new RecordingJSRuntime();
        using var value = JsonDocument.Parse(json);
        await storageOver(browser).SetAsync(key, value.RootElement);
        return (string)browser.Calls.Single().Arguments[1]!;
    }
}
