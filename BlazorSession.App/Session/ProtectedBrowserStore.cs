using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Components.Server.ProtectedBrowserStorage;
using Microsoft.JSInterop;

namespace BlazorSession.App.Session;

/// <summary>
/// <see cref="IBrowserSessionStore"/> over ASP.NET Core's protected browser storage: values are JSON, encrypted and
/// signed with Data Protection, and kept in the tab's sessionStorage (<see cref="ProtectedSessionStorage"/>) or the
/// browser's localStorage (<see cref="ProtectedLocalStorage"/>). The framework derives each value's Data Protection
/// purpose from the storage's type and the key, so a value of one place or key never reads as another's.
/// </summary>
public sealed class ProtectedBrowserStore(ProtectedBrowserStorage storage) : IBrowserSessionStore
{
    public async ValueTask<T?> GetAsync<T>(string key)
    {
        try
        {
            var result = await storage.GetAsync<T>(key);
            return result.Success ? result.Value : default;
        }
        catch (Exception exception) when (exception is CryptographicException or JsonException or FormatException)
        {
            throw new StoredValueUnreadableException(key, exception);
        }
        catch (Exception exception) when (IsInteropFailure(exception))
        {
            throw new BrowserStoreUnavailableException(exception);
        }
    }

    public async ValueTask SetAsync<T>(string key, T value) where T : notnull
    {
        try
        {
            await storage.SetAsync(key, value);
        }
        catch (Exception exception) when (IsInteropFailure(exception))
        {
            throw new BrowserStoreUnavailableException(exception);
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
            throw new BrowserStoreUnavailableException(exception);
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
