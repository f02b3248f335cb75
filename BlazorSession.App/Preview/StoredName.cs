using BlazorSession.App.Session;
using Microsoft.AspNetCore.Components.Server.ProtectedBrowserStorage;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace BlazorSession.App.Preview;

/// <summary>
/// The name a circuit would show for a tab's stored values, read outside any circuit: for the preview endpoint
/// (<see cref="StoredSessionPreview"/>) and for the page that a tab's handoff cookie came with (<see cref="SessionHandoff"/>).
/// </summary>
internal static class StoredName
{
    /// <summary>The name, or null when the values hold none the circuit would show (none stored, unreadable, expired).</summary>
    public static async Task<string?> ReadAsync(PostedSessionValues values, IServiceProvider services)
    {
        var browser = new PostedValuesJSRuntime(values);
        var dataProtection = services.GetRequiredService<IDataProtectionProvider>();
        // No logger and no meter: what cannot be read is the circuit's to delete, log and count, once.
        var session = new BrowserSession(
            new ProtectedBrowserStorageAdapter(new ProtectedSessionStorage(browser, dataProtection)),
            new ProtectedBrowserStorageAdapter(new ProtectedLocalStorage(browser, dataProtection)),
            services.GetRequiredService<IOptions<BrowserSessionOptions>>(),
            services.GetRequiredService<TimeProvider>(),
            NullLogger<BrowserSession>.Instance);
        await session.LoadAsync();
        return new UsernameSession(session, services.GetRequiredService<SessionMetrics>()).Username;
    }
}
