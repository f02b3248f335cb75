using System.Text.Json;
using BlazorSession.Storage;
using Microsoft.Extensions.Logging;

namespace BlazorSession.ServerStore;

/// <summary>
/// One place of the browser (the tab's or the browser's) holding a pointer (<see cref="SessionPointer"/>) to a session
/// document kept in the server's store, where the browser mode keeps the document itself. <see cref="BrowserSession"/>
/// reads and writes whole documents as before; this place stores them by id, merges a write with what another writer
/// stored meanwhile (<see cref="SessionMerge"/>), gives the session a new id when asked (<see cref="RenewIdOnNextWrite"/>),
/// and removes it from the store when the session is deleted, so a copy of the pointer is worth nothing after.
/// </summary>
internal sealed class ServerStoredPlace(IBrowserStorage place, bool permanent, ISessionStore store,
    SessionStoreLocks locks, TimeSpan idleTimeout, ILogger logger) : IBrowserStorage
{
    private string? _id;
    // The permanent document as the session last read or wrote it (before any merge): the session's next write is made
    // from it, so what differs from it is that write's change, and nothing else. A tab's own session needs none.
    private JsonElement? _seen;
    private bool _renew;

    /// <summary>The next write stores the session under a new id and removes the old one (after a sign-in).</summary>
    public void RenewIdOnNextWrite() => _renew = true;

    public async ValueTask<JsonElement?> GetAsync(string key)
    {
        (_id, _seen) = (null, null);
        if (await place.GetAsync(key) is not { } held)
        {
            return null;
        }

        if (SessionPointer.Read(held) is not { } id)
        {
            // A document the browser kept itself, from before the app chose this store: read as it is, and moved to the
            // store by the next change.
            return StoredValuesFormat.Read(held) is not null ? held : throw new StoredValueUnreadableException(key);
        }

        if (await store.GetAsync(id) is not { } stored)
        {
            // Expired, or revoked by a sign-out: the pointer is worthless, and the next change gets a new id.
            BrowserSessionLog.SessionNotInStore(logger, permanent ? "browser" : "tab", store.Name);
            return null;
        }

        // Known before it is parsed: a document that does not parse is deleted, from the store too.
        _id = id;
        var document = Parse(stored, key);
        _seen = permanent ? document : null;
        await store.KeepAsync(id, stored, LifetimeOf(document));
        return document;
    }

    public async ValueTask SetAsync(string key, JsonElement value)
    {
        if (_id is { } id && !_renew)
        {
            if (!permanent)
            {
                await WriteOwnAsync(key, id, value);
                return;
            }

            if (await WriteSharedAsync(key, id, value))
            {
                return;
            }
        }

        await WriteUnderANewIdAsync(key, value);
    }

    public async ValueTask DeleteAsync(string key)
    {
        if (_id is { } id)
        {
            await store.RemoveAsync(id);
        }

        (_id, _seen) = (null, null);
        await place.DeleteAsync(key);
    }

    // A tab's own session has one writer, its circuit. The browser is given its pointer first (the same one, written
    // again: a static form post's response carries it to the page), then the store the change: whichever fails, the
    // two still agree, on the session as it was.
    private async Task WriteOwnAsync(string key, string id, JsonElement value)
    {
        await place.SetAsync(key, SessionPointer.Write(id));
        await store.SetAsync(id, JsonSerializer.SerializeToUtf8Bytes(value), LifetimeOf(value));
    }

    // The permanent session has other writers (the browser's other tabs, on any node): the change is applied to it as it
    // is now (SessionMerge), under the id's lock, and stored before the pointer is written, so the tabs its storage
    // event wakes read the change. False when the id is no longer stored: another tab ended the session, and it is
    // never brought back to life.
    private async Task<bool> WriteSharedAsync(string key, string id, JsonElement value)
    {
        using var turn = await locks.TakeAsync(id);
        if (await store.GetAsync(id) is not { } stored)
        {
            return false;
        }

        var current = Parse(stored, key);
        var merged = _seen is { } seen ? SessionMerge.Apply(current, seen, value) : value;
        await store.SetAsync(id, JsonSerializer.SerializeToUtf8Bytes(merged), LifetimeOf(merged));
        try
        {
            // Written on every change: the other tabs hear of it (the storage event).
            await place.SetAsync(key, SessionPointer.Write(id));
        }
        catch (BrowserStorageUnavailableException)
        {
            await PutBackAsync(id, current);
            throw;
        }

        _seen = value;
        return true;
    }

    private async Task WriteUnderANewIdAsync(string key, JsonElement value)
    {
        var id = SessionStoreKeys.NewId();
        await store.SetAsync(id, JsonSerializer.SerializeToUtf8Bytes(value), LifetimeOf(value));
        try
        {
            await place.SetAsync(key, SessionPointer.Write(id));
        }
        catch (BrowserStorageUnavailableException)
        {
            await PutBackAsync(id, null);
            throw;
        }

        if (_id is { } old)
        {
            // The old id must read as empty from now on, wherever a copy of it is.
            await store.RemoveAsync(old);
        }

        (_id, _renew) = (id, false);
        _seen = permanent ? value : null;
    }

    // The browser did not take the pointer: the store goes back to what the browser still points to.
    private async Task PutBackAsync(string id, JsonElement? previous)
    {
        try
        {
            if (previous is { } document)
            {
                await store.SetAsync(id, JsonSerializer.SerializeToUtf8Bytes(document), LifetimeOf(document));
            }
            else
            {
                await store.RemoveAsync(id);
            }
        }
        catch (BrowserStorageUnavailableException)
        {
            // A new id nothing points to expires by itself; a change the browser was told failed is shown by a reload.
        }
    }

    // A permanent session lasts until its document's expiry (StoredValuesFormat), a tab's while it is used.
    private SessionLifetime LifetimeOf(JsonElement document) =>
        permanent && document.ValueKind == JsonValueKind.Object
        && document.TryGetProperty("expires", out var expires)
        && expires.ValueKind == JsonValueKind.String && expires.TryGetDateTimeOffset(out var until)
            ? new SessionLifetime(null, until)
            : new SessionLifetime(idleTimeout, null);

    private static JsonElement Parse(byte[] stored, string key)
    {
        try
        {
            using var document = JsonDocument.Parse(stored);
            return document.RootElement.Clone();
        }
        catch (JsonException exception)
        {
            throw new StoredValueUnreadableException(key, exception);
        }
    }
}
