using System.Text.Json;
using BlazorSession.FirstRender;
using Microsoft.AspNetCore.Components.Server.ProtectedBrowserStorage;
using Microsoft.AspNetCore.DataProtection;

namespace BlazorSession.Tests.Fakes;

/// <summary>
/// What the framework's protected storage hands the browser to store for a value, and what a stored value protects:
/// made and read by the framework's own classes, so a test needs nothing of how it protects.
/// </summary>
internal static class FrameworkProtectedValue
{
    /// <summary>The ciphertext <paramref name="json"/> is stored as under <paramref name="key"/> in localStorage.</summary>
    public static Task<string> ForLocalStorageAsync(IDataProtectionProvider dataProtection, string key, string json) =>
        ProtectAsync(browser => new ProtectedLocalStorage(browser, dataProtection), key, json);

    /// <summary>The ciphertext <paramref name="json"/> is stored as under <paramref name="key"/> in sessionStorage.</summary>
    public static Task<string> ForSessionStorageAsync(IDataProtectionProvider dataProtection, string key, string json) =>
        ProtectAsync(browser => new ProtectedSessionStorage(browser, dataProtection), key, json);

    /// <summary>The JSON that <paramref name="ciphertext"/>, stored under <paramref name="key"/> in localStorage, protects.</summary>
    public static async Task<string> ReadLocalStorageAsync(IDataProtectionProvider dataProtection, string key, string ciphertext) =>
        (await new ProtectedLocalStorage(new CarriedStorageEntry(ciphertext), dataProtection).GetAsync<JsonElement>(key)).Value.GetRawText();

    /// <summary>The JSON that <paramref name="ciphertext"/>, stored under <paramref name="key"/> in sessionStorage, protects.</summary>
    public static async Task<string> ReadSessionStorageAsync(IDataProtectionProvider dataProtection, string key, string ciphertext) =>
        (await new ProtectedSessionStorage(new CarriedStorageEntry(ciphertext), dataProtection).GetAsync<JsonElement>(key)).Value.GetRawText();

    private static async Task<string> ProtectAsync(Func<RecordingJSRuntime, ProtectedBrowserStorage> storageOver,
        string key, string json)
    {
        var browser = new RecordingJSRuntime();
        using var value = JsonDocument.Parse(json);
        await storageOver(browser).SetAsync(key, value.RootElement);
        return (string)browser.Calls.Single().Arguments[1]!;
    }
}
