using BlazorSession.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;
using Xunit.Abstractions;

namespace BlazorSession.Tests.Cluster;

/// <summary>
/// Several nodes behind nginx, started by <c>deploy/local-cluster.sh</c>: any node reads a session another wrote,
/// because they share the key ring (in Redis) and the application name; nothing else is shared.
/// </summary>
[Trait("Category", "Cluster")]
[Collection(ClusterGroup.Name)]
public sealed class FailoverTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int SessionsOnKilledNode = 50;
    private const int SetUpParallelism = 8;
    // Recovery time is a measurement, not a pass mark (timing a noisy machine would make the test flaky): the test
    // prints the p95 against the issue's 10 s target. What fails it is a session that never comes back with its
    // own name within this bound, which is what broken recovery looks like.
    private static readonly TimeSpan RecoveryP95Target = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan RecoveryTimeout = TimeSpan.FromSeconds(45);

    private readonly List<ClusterSession> _sessions = [];
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public async Task InitializeAsync()
    {
        _playwright = await Playwright.CreateAsync();
        _browser = await Chromium.LaunchAsync(_playwright);
    }

    public async Task DisposeAsync()
    {
        foreach (var session in _sessions)
        {
            await session.DisposeAsync();
        }

        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
    }

    [Theory]
    [InlineData("browser")]
    [InlineData("server")]
    public async Task Every_session_of_a_killed_node_recovers_its_own_name_on_a_node_started_later(string store)
    {
        await using var cluster = await LocalCluster.StartAsync(nodes: 2, store);
        // With node 2 down every circuit lands on node 1, so killing node 1 takes all of them; node 2, started
        // after the names were written, then has to read sessions it never saw.
        await cluster.KillNodeAsync(2);
        var sessions = await OpenSessionsAsync(cluster, SessionsOnKilledNode);
        await Parallel.ForEachAsync(sessions, new ParallelOptions { MaxDegreeOfParallelism = SetUpParallelism },
            async (session, _) =>
            {
                await session.SetNameAsync();
                await session.OpenGetSessionAsync();
                await session.FreezeAnimationsAsync();
            });
        await cluster.StartNodeAsync(2);
        await WarmUpAsync(cluster.NodeUrl(2));

        var reloads = sessions.Select(WatchForReload).ToList();
        var killedAt = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        await cluster.KillNodeAsync(1);
        var outcomes = await Task.WhenAll(sessions.Select((session, i) => RecoverAsync(session, reloads[i], killedAt)));

        var recoveryTimes = outcomes.OfType<TimeSpan>().ToList();
        Assert.True(recoveryTimes.Count == sessions.Count,
            $"{recoveryTimes.Count}/{sessions.Count} sessions showed their own name within {RecoveryTimeout.TotalSeconds} s.");
        foreach (var session in sessions)
        {
            await session.ExpectOwnNameAsync();
        }

        var p95 = Percentile(recoveryTimes, 0.95);
        output.WriteLine(
            $"{sessions.Count}/{sessions.Count} names kept after SIGKILL of their node; recovery p50 "
            + $"{Percentile(recoveryTimes, 0.5).TotalSeconds:F1} s, p95 {p95.TotalSeconds:F1} s "
            + $"(target {RecoveryP95Target.TotalSeconds} s: {(p95 <= RecoveryP95Target ? "met" : "missed")}), max {recoveryTimes.Max().TotalSeconds:F1} s");
        AssertNoErrorsLogged(cluster.NodeLog(2));
    }

    [Fact]
    public async Task Tabs_loading_when_their_node_is_killed_become_usable_on_the_other_node_with_what_was_typed()
    {
        const int tabs = 8;
        await using var cluster = await LocalCluster.StartAsync(nodes: 2);
        // Every page's HTML comes from node 1; node 2 only starts once they are all between their HTML and the
        // first render, with the framework script held back.
        await cluster.KillNodeAsync(2);
        var loading = new List<(ClusterSession Session, Action Release)>();
        for (var i = 1; i <= tabs; i++)
        {
            var session = await OpenSessionAsync(cluster, $"typed-{i}");
            loading.Add((session, await session.StartTypingBeforeTheCircuitAsync()));
        }

        await cluster.StartNodeAsync(2);
        await WarmUpAsync(cluster.NodeUrl(2));
        await cluster.KillNodeAsync(1);
        foreach (var (_, release) in loading)
        {
            release();
        }

        foreach (var (session, _) in loading)
        {
            await session.ExpectUsableWithWhatWasTypedAsync();
        }

        AssertNoErrorsLogged(cluster.NodeLog(2));
    }

    [Theory]
    [InlineData("browser")]
    [InlineData("server")]
    public async Task Restarting_redis_keeps_nodes_serving_and_names_readable(string store)
    {
        await using var cluster = await LocalCluster.StartAsync(nodes: 2, store);
        var sessions = await OpenSessionsAsync(cluster, 4);
        foreach (var session in sessions)
        {
            await session.SetNameAsync();
        }

        // The server-side store keeps each session in Redis (the app's prefix, then the library's), the browser mode none.
        var stored = await cluster.RedisKeysAsync("BlazorSession:blazor-session:*");
        Assert.Equal(store == "server" ? sessions.Count : 0, stored.Length);
        await cluster.RestartRedisAsync();

        foreach (var session in sessions)
        {
            await session.ExpectNameAfterLoadAsync();
        }

        var afterRestart = await OpenSessionAsync(cluster, "written-after-redis-restart");
        await afterRestart.SetNameAsync();
        await afterRestart.ExpectNameAfterLoadAsync();

        // A node started now has only what Redis kept: the key ring must have survived the restart.
        foreach (var session in sessions.Append(afterRestart))
        {
            await session.LeaveAsync();
        }

        await cluster.KillNodeAsync(1);
        await cluster.StartNodeAsync(1);
        await cluster.KillNodeAsync(2);
        foreach (var session in sessions.Append(afterRestart))
        {
            await session.ExpectNameAfterLoadAsync();
        }

        AssertNoErrorsLogged(cluster.NodeLog(1));
    }

    [Fact]
    public async Task With_the_server_store_a_page_says_redis_is_away_and_shows_the_session_by_itself_once_it_is_back()
    {
        await using var cluster = await LocalCluster.StartAsync(nodes: 1, store: "server");
        var session = await OpenSessionAsync(cluster, "redis-away-ann");
        await session.SetNameAsync();
        await session.LeaveAsync();

        await cluster.StopRedisAsync();
        await session.Page.GotoAsync(new Uri(cluster.BalancerUrl, "get-session").ToString());
        await Expect(session.Page.Locator("#result")).ToContainTextAsync(
            "could not be read because the connection to this tab or to the session store was interrupted",
            new() { Timeout = 30_000 });
        await cluster.StartRedisAsync();

        // Nothing clicked: the circuit reads again by itself once the store answers.
        await session.ExpectOwnNameAsync();
    }

    [Fact]
    public async Task A_node_is_not_ready_while_redis_is_stopped_and_ready_again_once_it_is_back()
    {
        await using var cluster = await LocalCluster.StartAsync(nodes: 1);
        var ready = new Uri(cluster.NodeUrl(1), "healthz/ready");
        var live = new Uri(cluster.NodeUrl(1), "healthz/live");
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        Assert.Equal(System.Net.HttpStatusCode.OK, (await http.GetAsync(ready)).StatusCode);

        await cluster.StopRedisAsync();
        await WaitForStatusAsync(http, ready, System.Net.HttpStatusCode.ServiceUnavailable);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await http.GetAsync(live)).StatusCode);
        await cluster.StartRedisAsync();

        await WaitForStatusAsync(http, ready, System.Net.HttpStatusCode.OK);
    }

    /// <summary>Polls until the address answers <paramref name="expected"/> (Redis's client notices in its own time).</summary>
    private static async Task WaitForStatusAsync(HttpClient http, Uri address, System.Net.HttpStatusCode expected)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var poll = new PeriodicTimer(TimeSpan.FromMilliseconds(200));
        System.Net.HttpStatusCode? last = null;
        try
        {
            do
            {
                try
                {
                    using var response = await http.GetAsync(address, timeout.Token);
                    last = response.StatusCode;
                    if (last == expected)
                    {
                        return;
                    }
                }
                catch (HttpRequestException)
                {
                    last = null;
                }
            }
            while (await poll.WaitForNextTickAsync(timeout.Token));
        }
        catch (OperationCanceledException)
        {
        }

        Assert.Fail($"{address} never answered {expected}; the last answer was {last?.ToString() ?? "none"}.");
    }

    /// <summary>
    /// One session on the node itself (another origin, so another sessionStorage) before it takes the load, as a
    /// rolling deployment warms a node up: the recovery measured is the failover's, not the JIT's.
    /// </summary>
    private async Task WarmUpAsync(Uri nodeUrl)
    {
        await using var warmUp = await ClusterSession.OpenAsync(_browser!, nodeUrl, "warm-up");
        await warmUp.SetNameAsync();
        await warmUp.OpenGetSessionAsync();
    }

    private async Task<List<ClusterSession>> OpenSessionsAsync(LocalCluster cluster, int count)
    {
        var sessions = new List<ClusterSession>();
        for (var i = 1; i <= count; i++)
        {
            sessions.Add(await OpenSessionAsync(cluster, $"user-{i:D2}-{Guid.NewGuid():N}"[..20]));
        }

        return sessions;
    }

    private async Task<ClusterSession> OpenSessionAsync(LocalCluster cluster, string name)
    {
        var session = await ClusterSession.OpenAsync(_browser!, cluster.BalancerUrl, name);
        _sessions.Add(session);
        return session;
    }

    /// <summary>Completes when the tab loads a new document: the reconnect UI reloads it once the circuit is rejected.</summary>
    private static Task WatchForReload(ClusterSession session)
    {
        var reloaded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        session.Page.Load += (_, _) => reloaded.TrySetResult();
        return reloaded.Task;
    }

    /// <summary>
    /// Time from the kill until the reloaded tab showed the name it read back from its storage, or <c>null</c> when
    /// it did not within <see cref="RecoveryTimeout"/>.
    /// </summary>
    private static async Task<TimeSpan?> RecoverAsync(ClusterSession session, Task reload, long killedAt)
    {
        try
        {
            await reload.WaitAsync(RecoveryTimeout);
            var remaining = RecoveryTimeout - TimeSpan.FromMilliseconds(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() - killedAt);
            var shownAt = await session.WaitUntilNameShownAsync((float)Math.Max(1, remaining.TotalMilliseconds));
            return TimeSpan.FromMilliseconds(shownAt - killedAt);
        }
        catch (Exception exception) when (exception is TimeoutException or PlaywrightException)
        {
            return null;
        }
    }

    private static TimeSpan Percentile(List<TimeSpan> values, double fraction)
    {
        var sorted = values.Order().ToList();
        return sorted[(int)Math.Ceiling(fraction * sorted.Count) - 1];
    }

    // A node that meets circuits it does not know, or a key ring it reloads, logs at most warnings; an error or a
    // crash is a bug even when the page recovers.
    private static void AssertNoErrorsLogged(string log)
    {
        Assert.DoesNotContain("fail:", log);
        Assert.DoesNotContain("crit:", log);
    }
}
