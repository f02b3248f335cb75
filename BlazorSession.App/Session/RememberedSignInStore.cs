using Microsoft.Extensions.Options;

namespace BlazorSession.App.Session;

/// <summary>
/// The browser-wide place of the session: "Keep me signed in", kept in protected localStorage under its own key.
/// Reads check the payload and the expiry against the server's clock; whatever does not stand (tampered, foreign,
/// undecryptable, another version, expired) reads as none, is deleted and logged, and never touches the tab's own
/// value. Faults reaching the browser are thrown as <see cref="BrowserStoreUnavailableException"/> for the caller.
/// </summary>
public sealed class RememberedSignInStore(
    [FromKeyedServices(SessionPlace.Browser)] IBrowserSessionStore store,
    IOptions<RememberedSignInOptions> options,
    TimeProvider clock,
    ILogger<RememberedSignInStore> logger,
    SessionMetrics metrics)
{
    internal const string StorageKey = "remembered-sign-in";

    /// <summary>The remembered name, or <c>null</c> when none stands.</summary>
    /// <param name="circuit">The circuit's public id, for the log lines.</param>
    public async Task<string?> ReadAsync(string circuit)
    {
        RememberedSignIn? stored;
        try
        {
            stored = await store.GetAsync<RememberedSignIn>(StorageKey);
        }
        catch (StoredValueUnreadableException exception)
        {
            await DropAsync(circuit, exception.InnerException?.GetType().Name ?? "unexpected payload");
            return null;
        }

        if (stored is null)
        {
            return null;
        }

        if (!stored.IsValid)
        {
            await DropAsync(circuit, "unexpected payload");
            return null;
        }

        if (stored.HasExpiredAt(clock.GetUtcNow()))
        {
            SessionLog.RememberedSignInExpired(logger, circuit);
            metrics.RememberedSignInExpired();
            await DeleteAsync(circuit, "deleting an expired remembered sign-in");
            return null;
        }

        return stored.Username;
    }

    /// <summary>Remembers <paramref name="username"/> for <see cref="RememberedSignInOptions.RememberFor"/> from now.</summary>
    public ValueTask RememberAsync(string username) =>
        store.SetAsync(StorageKey, RememberedSignIn.For(username, clock.GetUtcNow() + options.Value.RememberFor));

    public ValueTask ForgetAsync() => store.DeleteAsync(StorageKey);

    private async Task DropAsync(string circuit, string cause)
    {
        SessionLog.RememberedSignInUnreadable(logger, circuit, cause);
        metrics.StoredValueUnreadable(cause, SessionPlace.Browser);
        await DeleteAsync(circuit, "deleting an unreadable remembered sign-in");
    }

    private async Task DeleteAsync(string circuit, string operation)
    {
        try
        {
            await store.DeleteAsync(StorageKey);
        }
        catch (BrowserStoreUnavailableException exception)
        {
            // The entry still reads as none, and is caught again on the next read; nothing is lost.
            SessionLog.StoreUnavailable(logger, circuit, operation, exception.InnerException?.GetType().Name ?? "unknown");
        }
    }
}
