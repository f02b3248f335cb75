using System.Diagnostics.Metrics;

namespace BlazorSession;

/// <summary>
/// The session's faults as counts, on the meter <c>BlazorSession</c>: what was found in the browser and deleted, by
/// cause and place, never a value. Without a meter factory (a session built by hand) nothing is counted.
/// </summary>
internal sealed class BrowserSessionMetrics
{
    public const string MeterName = "BlazorSession";

    private readonly Counter<long>? _unreadable;
    private readonly Counter<long>? _permanentEnded;

    public BrowserSessionMetrics(IMeterFactory? meterFactory)
    {
        if (meterFactory?.Create(MeterName) is not { } meter)
        {
            return;
        }

        _unreadable = meter.CreateCounter<long>("blazorsession.session.stored_value_unreadable", "{value}",
            "Stored sessions that could not be read (tampered, foreign, lost keys, bad payload), by cause and store; each was deleted.");
        _permanentEnded = meter.CreateCounter<long>("blazorsession.session.permanent_ended", "{session}",
            "Permanent sessions read after their expiry; each was deleted.");
    }

    /// <summary><paramref name="cause"/> names an exception type or "unexpected payload"; the store is <c>tab</c> or <c>browser</c>.</summary>
    public void StoredSessionUnreadable(string cause, string store) =>
        _unreadable?.Add(1, new KeyValuePair<string, object?>("cause", cause), new KeyValuePair<string, object?>("store", store));

    public void PermanentSessionEnded() => _permanentEnded?.Add(1);
}
