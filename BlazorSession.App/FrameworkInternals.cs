using Microsoft.AspNetCore.Components.Server.ProtectedBrowserStorage;

namespace BlazorSession.App;

/// <summary>
/// What the app relies on inside ASP.NET Core that the framework does not promise: names a .NET update may change.
/// Each is named here only, and BlazorSession.Tests/Components/FrameworkInternalsTests.cs fails when the framework
/// no longer matches it, instead of the preview quietly answering 204.
/// </summary>
internal static class FrameworkInternals
{
    /// <summary>
    /// The JavaScript functions <see cref="ProtectedSessionStorage"/> and <see cref="ProtectedLocalStorage"/> call to
    /// read and delete; the preview answers them from the values a tab posted (Preview/PostedValuesJSRuntime.cs).
    /// </summary>
    public const string SessionStorageGetItem = "sessionStorage.getItem";

    /// <inheritdoc cref="SessionStorageGetItem"/>
    public const string LocalStorageGetItem = "localStorage.getItem";

    /// <inheritdoc cref="SessionStorageGetItem"/>
    public const string SessionStorageRemoveItem = "sessionStorage.removeItem";

    /// <inheritdoc cref="SessionStorageGetItem"/>
    public const string LocalStorageRemoveItem = "localStorage.removeItem";

    /// <summary>
    /// The Data Protection purpose the framework's protected storage protects a key under: its type's full name, its
    /// store and the key. Only tests use it, to make what a browser would hold.
    /// </summary>
    public static string ProtectedStoragePurpose(Type storage, string key) =>
        storage == typeof(ProtectedSessionStorage) ? $"{storage.FullName}:sessionStorage:{key}"
        : storage == typeof(ProtectedLocalStorage) ? $"{storage.FullName}:localStorage:{key}"
        : throw new ArgumentException("Not one of the framework's protected storages.", nameof(storage));
}
