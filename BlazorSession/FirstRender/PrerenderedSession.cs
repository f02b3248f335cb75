using BlazorSession.Storage;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Server.ProtectedBrowserStorage;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.AspNetCore.DataProtection;

namespace BlazorSession.FirstRender;

/// <summary>
/// Hands the session a prerender read (what its request carried, as changed while rendering) to the circuit the page
/// then starts, through the framework's persisted component state (protected with Data Protection, in the page): the
/// circuit's first render shows what the prerender showed, and the browser's own storage is read behind it.
/// </summary>
internal static class PrerenderedSession
{
    private const string Key = "BlazorSession";

    /// <summary>In a request: has the session the request read persisted for an interactive server circuit.</summary>
    public static void HandOver(PersistentComponentState state, RequestSession request) =>
        state.RegisterOnPersisting(() =>
        {
            if (request.ForTheCircuit() is { } documents)
            {
                state.PersistAsJson(Key, documents);
            }

            return Task.CompletedTask;
        }, RenderMode.InteractiveServer);

    /// <summary>
    /// In a circuit: the two places as its page's prerender read them, read through the framework's protected storage
    /// as the request read them; null when the prerender read nothing.
    /// </summary>
    public static (IBrowserStorage Tab, IBrowserStorage Browser)? Take(PersistentComponentState state,
        IDataProtectionProvider dataProtection)
    {
        if (!state.TryTakeFromJson<CarriedDocuments>(Key, out var documents) || documents is null)
        {
            return null;
        }

        var tab = new CarriedStorageEntry(documents.Tab);
        var browser = new CarriedStorageEntry(documents.Browser);
        return (new ProtectedBrowserStorageAdapter(new ProtectedSessionStorage(tab, dataProtection)),
            new ProtectedBrowserStorageAdapter(new ProtectedLocalStorage(browser, dataProtection)));
    }
}

/// <summary>The two places' stored sessions (ciphertext, as the browser holds them); null where there is none.</summary>
internal sealed record CarriedDocuments(string? Tab, string? Browser);
