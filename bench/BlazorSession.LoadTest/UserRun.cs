using System.Diagnostics;
using BlazorSession.LoadTest.Churn;

namespace BlazorSession.LoadTest;

/// <summary>
/// What the users of one run do in their slots: live for the whole run, or (with churn) live for a planned time,
/// leave, and make way for the next user. Steps start on a fixed schedule at the run's rate; a step slower than the
/// interval delays the next one (no catching up). A user leaves between steps, never in the middle of one.
/// </summary>
internal sealed class UserRun(LoadTestOptions options, HttpClient http, LoadMetrics metrics, CircuitLifetimes lifetimes,
    CancellationToken hold, CancellationToken cancellationToken)
{
    /// <summary>One user for the whole run; it is closed when the run ends.</summary>
    public async Task LiveWholeRunAsync(UserSlot slot, int number, SemaphoreSlim startSlot)
    {
        var user = new SimulatedUser(number, options.Url, http, metrics, options.Journey);
        slot.Hold(user, Departure.Clean);
        lifetimes.CountStarted();
        bool started;
        try
        {
            started = await user.StartAsync(cancellationToken) && await RunFirstStepsAsync(user, options.CartLines, cancellationToken);
        }
        finally
        {
            startSlot.Release();
        }

        if (started && options.Rate > 0)
        {
            await LiveAsync(user, lifetime: null);
        }
    }

    /// <summary>Users one after another, each for its planned lifetime, until the hold ends or the plan runs out.</summary>
    public async Task ChurnAsync(UserSlot slot, LifetimePlan plan, SemaphoreSlim startSlot)
    {
        var first = true;
        while (!hold.IsCancellationRequested && plan.TryNext(out var planned))
        {
            var user = new SimulatedUser(planned.Number, options.Url, http, metrics, options.Journey);
            slot.Hold(user, planned.Departure);
            lifetimes.CountStarted();
            var age = Stopwatch.StartNew();
            bool alive;
            try
            {
                alive = await user.StartAsync(cancellationToken) && await RunFirstStepsAsync(user, options.CartLines, cancellationToken);
            }
            finally
            {
                if (first)
                {
                    startSlot.Release();
                    first = false;
                }
            }

            if (alive)
            {
                alive = await LiveAsync(user, planned.Length - age.Elapsed);
            }

            if (alive && hold.IsCancellationRequested)
            {
                return; // It leaves with the others when the run ends (EndAsync).
            }

            slot.Clear();
            if (alive)
            {
                await LeaveAsync(user, planned.Departure);
            }
            else
            {
                lifetimes.CountFailed();
                await user.DisposeAsync();
            }
        }
    }

    /// <summary>The run is over: the slot's user leaves as planned (with churn) or is closed (without).</summary>
    public async Task EndAsync(UserSlot slot, bool churning)
    {
        if (slot.User is not { } user)
        {
            return;
        }

        slot.Clear();
        if (churning && user.IsConnected)
        {
            await LeaveAsync(user, slot.Departure);
            return;
        }

        if (user.IsConnected)
        {
            lifetimes.CountClosedAtEnd();
        }
        else
        {
            lifetimes.CountFailed();
        }

        await user.DisposeAsync();
    }

    /// <summary>
    /// What every user does once its circuit is up, whatever the rate: saves a name, sees it on the get page and is
    /// welcomed on the members page. An idle user then rests on the members page, the one whose circuit holds the
    /// most components (the header's and the page's authorization views).
    /// </summary>
    public static async Task<bool> RunFirstStepsAsync(SimulatedUser user, int cartLines, CancellationToken cancellationToken) =>
        await user.RunNextStepAsync(cancellationToken)
        && await user.RunNextStepAsync(cancellationToken)
        && await user.RunNextStepAsync(cancellationToken)
        && (cartLines == 0 || await user.FillCartAsync(cartLines, cancellationToken));

    private async Task LeaveAsync(SimulatedUser user, Departure departure)
    {
        if (!await user.LeaveAsync(departure, cancellationToken))
        {
            lifetimes.CountFailed();
        }
        else if (departure == Departure.Dropped)
        {
            lifetimes.CountDropped(user.DroppedConnectionClosedByServer);
        }
        else
        {
            lifetimes.CountLeftCleanly();
        }
    }

    /// <summary>
    /// Steps through the journey at the run's rate (or idles at rate 0) until <paramref name="lifetime"/> is over or
    /// the hold ends. False when a step failed.
    /// </summary>
    private async Task<bool> LiveAsync(SimulatedUser user, TimeSpan? lifetime)
    {
        var age = Stopwatch.StartNew();
        var interval = options.Rate > 0 ? TimeSpan.FromSeconds(1 / options.Rate) : Timeout.InfiniteTimeSpan;
        var nextStep = interval;
        while (!hold.IsCancellationRequested)
        {
            var untilEnd = lifetime is { } length ? length - age.Elapsed : Timeout.InfiniteTimeSpan;
            if (lifetime is not null && untilEnd <= TimeSpan.Zero)
            {
                return true;
            }

            var untilStep = interval == Timeout.InfiniteTimeSpan ? interval : nextStep - age.Elapsed;
            var stepsFirst = untilStep != Timeout.InfiniteTimeSpan && (untilEnd == Timeout.InfiniteTimeSpan || untilStep < untilEnd);
            var wait = stepsFirst ? untilStep : untilEnd;
            if (wait == Timeout.InfiniteTimeSpan || wait > TimeSpan.Zero)
            {
                try
                {
                    await Task.Delay(wait, hold);
                }
                catch (OperationCanceledException)
                {
                    return true;
                }
            }

            if (!stepsFirst)
            {
                continue;
            }

            nextStep = age.Elapsed + interval;
            if (!await user.RunNextStepAsync(cancellationToken))
            {
                return false;
            }
        }

        return true;
    }
}
