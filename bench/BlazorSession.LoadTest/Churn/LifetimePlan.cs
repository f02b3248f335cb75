namespace BlazorSession.LoadTest.Churn;

/// <summary>
/// Who lives next, for how long, and how it leaves, for a run with churn. Lifetimes are drawn uniformly between half
/// and one and a half times the mean, so users that started together do not all leave together and the mean is the
/// one asked for. Departures alternate, so exactly half of the users leave cleanly and half drop their connection.
/// With a limit, no more than that many lifetimes are handed out.
/// </summary>
internal sealed class LifetimePlan(TimeSpan mean, int? limit = null, int seed = 13)
{
    private readonly Lock _gate = new();
    private readonly Random _random = new(seed);
    private int _handedOut;

    public int HandedOut
    {
        get
        {
            lock (_gate)
            {
                return _handedOut;
            }
        }
    }

    /// <summary>The next lifetime; false once the limit has been handed out.</summary>
    public bool TryNext(out PlannedLifetime lifetime)
    {
        lock (_gate)
        {
            if (_handedOut >= limit)
            {
                lifetime = default;
                return false;
            }

            _handedOut++;
            lifetime = new PlannedLifetime(
                _handedOut,
                mean * (0.5 + _random.NextDouble()),
                _handedOut % 2 == 1 ? Departure.Clean : Departure.Dropped);
            return true;
        }
    }
}

/// <param name="Number">1 for the run's first lifetime, and so on: the user's number.</param>
/// <param name="Length">How long the user lives, from its first request; it leaves after the step it is in.</param>
/// <param name="Departure">How it leaves.</param>
internal readonly record struct PlannedLifetime(int Number, TimeSpan Length, Departure Departure);
