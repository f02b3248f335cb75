using System.Text.Json;
using BlazorSession.FirstRender;
using BlazorSession.ServerStore;
using Microsoft.Extensions.Logging;

namespace BlazorSession.Storage;

/// <summary>
/// The two documents a session may have in the browser, under one key in each place: the tab's own (sessionStorage)
/// and the permanent one (localStorage, shared by the browser's tabs, with an expiry). Reads them, writes them,
/// and deletes what cannot be read or has expired, logging each once; a caller sees only values, or
/// <see cref="BrowserStorageUnavailableException"/>.
/// </summary>
internal sealed class SessionDocuments(IBrowserStorage tab, IBrowserStorage browser, TimeProvider clock, ILogger logger,
    BrowserSessionMetrics metrics)
{
    public const string StorageKey = "blazor-session";

    /// <summary>Names the circuit in log lines (its public <c>Circuit.Id</c>).</summary>
    public string Circuit { get; set; } = "none";

    /// <summary>Both documents, read at once: a new tab usually has only the permanent one.</summary>
    public async Task<(Dictionary<string, JsonElement>? Own, StoredValues? Permanent)> ReadBothAsync()
    {
        var own = ReadAsync(tab, "tab");
        var permanent = ReadPermanentAsync();
        await Task.WhenAll(own, permanent);
        return ((await own)?.Values, await permanent);
    }

    /// <summary>The permanent document, unless it is unreadable or has expired (then it is deleted).</summary>
    public async Task<StoredValues?> ReadPermanentAsync()
    {
        var permanent = await ReadAsync(browser, "browser");
        // Standing up to and including its expiry instant: "kept for 30 days" includes the last moment of the 30th.
        if (permanent is { Expires: { } expires } && expires >= clock.GetUtcNow())
        {
            return permanent;
        }

        if (permanent is not null)
        {
            BrowserSessionLog.PermanentSessionEnded(logger, Circuit, permanent.Expires is null ? "no expiry" : "expired");
            metrics.PermanentSessionEnded();
            await DeleteQuietlyAsync(browser, "deleting an ended permanent session");
        }

        return null;
    }

    /// <summary>The size of the document for these values, and the document, checked before anything is written.</summary>
    public static (JsonElement Document, int Bytes) Format(IReadOnlyDictionary<string, JsonElement> values,
        DateTimeOffset? expires = null) => StoredValuesFormat.Write(values, expires);

    public Task WriteOwnAsync(JsonElement document) => WriteAsync("saving the session", () => tab.SetAsync(StorageKey, document));

    public Task WritePermanentAsync(JsonElement document) =>
        WriteAsync("saving the permanent session", () => browser.SetAsync(StorageKey, document));

    public Task DeleteOwnAsync() => WriteAsync("clearing the session", () => tab.DeleteAsync(StorageKey));

    public Task DeletePermanentAsync() =>
        WriteAsync("ending the permanent session", () => browser.DeleteAsync(StorageKey));

    /// <summary>
    /// With the server-side store, each place's next write stores the session under a new id and removes the old one;
    /// with the browser's storage, nothing to do (there is no id).
    /// </summary>
    public void RenewIdsOnNextWrite()
    {
        (tab as ServerStoredPlace)?.RenewIdOnNextWrite();
        (browser as ServerStoredPlace)?.RenewIdOnNextWrite();
    }

    /// <summary>Whether the session is kept in the server's store (it has ids).</summary>
    public bool HasIds => tab is ServerStoredPlace || browser is ServerStoredPlace;

    public void LogUnavailable(string operation, BrowserStorageUnavailableException exception) =>
        BrowserSessionLog.StorageUnavailable(logger, Circuit, operation, DescribeCause(exception));

    private async Task<StoredValues?> ReadAsync(IBrowserStorage place, string placeName)
    {
        try
        {
            return await place.GetAsync(StorageKey) is { } document
                ? StoredValuesFormat.Read(document) ?? throw new StoredValueUnreadableException(StorageKey)
                : null;
        }
        catch (StoredValueUnreadableException exception)
        {
            var cause = DescribeCause(exception);
            if (place is CarriedBrowserStorage)
            {
                BrowserSessionLog.CarriedSessionUnreadable(logger, placeName, cause);
            }
            else
            {
                BrowserSessionLog.StoredSessionUnreadable(logger, Circuit, placeName, cause);
            }

            metrics.StoredSessionUnreadable(cause, placeName);
            await DeleteQuietlyAsync(place, "deleting an unreadable session");
            return null;
        }
    }

    private async Task DeleteQuietlyAsync(IBrowserStorage place, string operation)
    {
        if (place is CarriedBrowserStorage)
        {
            // What a request carried may be older than what the browser holds: the circuit deletes it, if it must.
            return;
        }

        try
        {
            await place.DeleteAsync(StorageKey);
        }
        catch (BrowserStorageUnavailableException exception)
        {
            // The entry is caught again on the next read; nothing is lost.
            LogUnavailable(operation, exception);
        }
    }

    // A write the browser could not take is logged here and still thrown: the page says so and offers a retry.
    private async Task WriteAsync(string operation, Func<ValueTask> write)
    {
        try
        {
            await write();
        }
        catch (BrowserStorageUnavailableException exception)
        {
            LogUnavailable(operation, exception);
            throw;
        }
    }

    private static string DescribeCause(Exception exception) =>
        exception.InnerException?.GetType().Name ?? "unexpected payload";
}
