using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Components.Server.ProtectedBrowserStorage;
using Microsoft.JSInterop;

namespace BlazorSession.Storage;

/// <summary>
/// <see cref="IBrowserStorage"/> over ASP.NET Core's protected browser storage: each value is encrypted and signed
/// with Data Protection, under a purpose the framework derives from the storage's type and the key, so a value of one
/// place or key never reads as another's.
/// </summary>
public sealed class ProtectedBrowserStorageAdapter(ProtectedBrowserStorage storage) : IBrowserStorage
{
    public async ValueTask<JsonElement?> GetAsync(string key)
    {
        try
        {
            var result = await storage.GetAsync<JsonElement>(key);
            return result.Success ? result.Value : null;
        }
        catch (Exception exception) when (exception is CryptographicException or JsonException or FormatException)
        {
            throw new StoredValueUnreadableException(key, exception);
        }
        catch (Exception exception) when (IsInteropFailure(exception))
        {
            throw new BrowserStorageUnavailableException(exception);
        }
    }

    public async ValueTask SetAsync(string key, JsonElement value)
    {
        try
        {
            await storage.SetAsync(key, value);
        }
        catch (Exception exception) when (IsInteropFailure(exception))
        {
            throw new BrowserStorageUnavailableException(exception);
        }
    }

    public async ValueTask DeleteAsync(string key)
    {
        try
        {
            await storage.DeleteAsync(key);
        }
        catch (Exception exception) when (IsInteropFailure(exception))
        {
            throw new BrowserStorageUnavailableException(exception);
        }
    }

    // InvalidOperationException is what JS interop throws while prerendering; the others come from a JS error,
    // a dropped circuit, an interop timeout, or a circuit being torn down mid-call.
    private static bool IsInteropFailure(Exception exception) =>
        exception is JSException
            or JSDisconnectedException
            or InvalidOperationException
            or OperationCanceledException
            or ObjectDisposedException;
}
