using System.Diagnostics.Metrics;

namespace BlazorSession.App.Session;

/// <summary>
/// The app's own instruments on the meter <c>BlazorSession</c> (the library counts the storage's faults on the same
/// meter): what the visitors do with their names, without the names. Counting costs nothing
/// measurable when nothing listens (the default: see <c>Hosting/Telemetry</c>).
/// </summary>
public sealed class SessionMetrics
{
    public const string MeterName = "BlazorSession";

    private readonly Counter<long> _namesSaved;
    private readonly Counter<long> _sessionsCleared;
    private readonly Counter<long> _signInsRemembered;

    public SessionMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _namesSaved = meter.CreateCounter<long>("blazorsession.session.names_saved", "{name}",
            "Names saved to a tab's session.");
        _sessionsCleared = meter.CreateCounter<long>("blazorsession.session.cleared", "{session}",
            "Sessions cleared (Clear session, Sign out).");
        _signInsRemembered = meter.CreateCounter<long>("blazorsession.session.sign_ins_remembered", "{sign-in}",
            "Names saved with Keep me signed in, remembered by the browser for all its tabs.");
    }

    public void NameSaved() => _namesSaved.Add(1);

    public void SignInRemembered() => _signInsRemembered.Add(1);

    public void SessionCleared() => _sessionsCleared.Add(1);
}
