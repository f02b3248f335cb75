namespace BlazorSession.LoadTest.Churn;

/// <summary>
/// One of the run's N places for a live user: one user for the whole run or, with churn, one after another. The
/// user it holds when the run ends leaves the way it was planned to.
/// </summary>
internal sealed class UserSlot
{
    private volatile SimulatedUser? _user;

    public SimulatedUser? User => _user;

    public Departure Departure { get; private set; }

    public bool IsConnected => _user?.IsConnected == true;

    public void Hold(SimulatedUser user, Departure departure)
    {
        Departure = departure;
        _user = user;
    }

    public void Clear() => _user = null;
}
