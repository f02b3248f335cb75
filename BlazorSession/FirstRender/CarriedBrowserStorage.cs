using System.Text.Json;
using BlazorSession.Storage;
using Microsoft.AspNetCore.Components.Server.ProtectedBrowserStorage;
using Microsoft.AspNetCore.Http;

namespace BlazorSession.FirstRender;

/// <summary>
/// One place of the browser's storage (the tab's or the browser's) as a request carried it: read and written through
/// the framework's protected storage over the carried entry, so what a static page or a prerender reads is what its
/// circuit would read, and what it writes is what the browser will store (<see cref="RequestSession"/> sends it back).
/// </summary>
internal sealed class CarriedBrowserStorage : IBrowserStorage
{
    private readonly CarriedStorageEntry _entry;
    private readonly ProtectedBrowserStorageAdapter _storage;
    private readonly HttpContext _context;
    private readonly string? _unreadable;
    private readonly string? _unwritable;
    private readonly Func<bool> _fits;

    /// <param name="entry">The entry as the request carried it.</param>
    /// <param name="storage">The framework's protected storage of this place, over <paramref name="entry"/>.</param>
    /// <param name="context">The request.</param>
    /// <param name="unreadable">Why the request cannot stand for this place (reads and writes then fail), or null.</param>
    /// <param name="unwritable">Why a change could not reach this place, or null.</param>
    /// <param name="fits">Whether what the browser will hold after the response still fits in a request.</param>
    public CarriedBrowserStorage(CarriedStorageEntry entry, ProtectedBrowserStorage storage, HttpContext context,
        string? unreadable, string? unwritable, Func<bool> fits)
    {
        _fits = fits;
        _entry = entry;
        _storage = new ProtectedBrowserStorageAdapter(storage);
        _context = context;
        _unreadable = unreadable;
        _unwritable = unwritable;
    }

    public CarriedStorageEntry Entry => _entry;

    /// <summary>Whether what the request carried of this place could not be read (it then read as empty).</summary>
    public bool ReadFailed { get; private set; }

    public async ValueTask<JsonElement?> GetAsync(string key)
    {
        ThrowIfUnavailable();
        try
        {
            return await _storage.GetAsync(key);
        }
        catch (StoredValueUnreadableException)
        {
            // It reads as empty, but the tab may hold more than this request could show: changing it here would lose
            // that, so changes are refused, and the tab's page reads its own storage.
            ReadFailed = true;
            throw;
        }
    }

    public async ValueTask SetAsync(string key, JsonElement value)
    {
        ThrowIfUnwritable();
        var before = _entry.Save();
        await _storage.SetAsync(key, value);
        if (!_fits())
        {
            _entry.Restore(before);
            Throw("The session would be too large to send back to the browser beside the permanent one.");
        }
    }

    public ValueTask DeleteAsync(string key)
    {
        ThrowIfUnwritable();
        return _storage.DeleteAsync(key);
    }

    private void ThrowIfUnavailable() => Throw(_unreadable);

    // The change goes back in the response's cookies, which can be set only until the response starts.
    private void ThrowIfUnwritable()
    {
        Throw(_unreadable ?? _unwritable);
        if (ReadFailed)
        {
            Throw("What the request carried of this place could not be read.");
        }

        if (_context.Response.HasStarted)
        {
            Throw("The response has started, so the change can no longer be sent to the browser.");
        }
    }

    private static void Throw(string? reason)
    {
        if (reason is not null)
        {
            throw new BrowserStorageUnavailableException(new InvalidOperationException(reason));
        }
    }
}
