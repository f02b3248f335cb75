using System.Text.Json;
using BlazorSession.Bench.Servers;
using Microsoft.Playwright;

namespace BlazorSession.Bench.Journey;

/// <summary>
/// Drives one journey in a fresh browser context (empty sessionStorage, cookies and cache, as a first visit): follow
/// a link to the form from a page of another site, save a name, follow "Get session", reload. Beside it, in a context
/// of its own, the form is loaded once into a new tab (about:blank). Durations come from <c>probe.js</c>, which
/// timestamps inside the page; the automation only acts and waits.
/// </summary>
internal sealed class JourneyRunner(IBrowser browser, AppUnderTest app)
{
    private static readonly string Probe = ReadProbe();
    private static readonly TimeSpan StepTimeout = TimeSpan.FromSeconds(30);

    /// <summary>What probe.js writes to the console when a mark is reached, followed by the mark's name.</summary>
    private const string MarkLinePrefix = "__bench:mark:";

    /// <summary>Between keystrokes: about 150 words a minute.</summary>
    private const int TypingDelayMs = 40;

    /// <summary>
    /// A page of another site (another host than the apps' 127.0.0.1), answered by the browser context itself, with
    /// one link to the form: a real first visit comes from another site. Crossing sites puts the page in a new process
    /// and, with the back-forward cache on as people have it (JourneyBench launches the browser so), in a new browsing
    /// context group, which the app's Cross-Origin-Opener-Policy asks for; from about:blank it costs a second process.
    /// </summary>
    private static readonly Uri OtherSite = new("http://other-site.test/");

    private const string OtherSiteLinkText = "Open the session tutorial";

    public AppUnderTest App => app;

    public async Task<JourneySample> RunAsync(string username)
    {
        var steps = new Dictionary<string, double>
        {
            [Steps.LoadToInteractive] = await LoadIntoNewTabAsync(),
        };

        await using var context = await browser.NewContextAsync();
        await context.AddInitScriptAsync(Probe);
        var page = await context.NewPageAsync();
        await OpenOtherSiteAsync(context, page);

        await page.BringToFrontAsync();
        var loaded = await ActAndWaitForMarkAsync(page, "interactive", () =>
            page.GetByRole(AriaRole.Link, new() { Name = OtherSiteLinkText, Exact = true }).ClickAsync());
        steps[Steps.LoadFromOtherSiteToInteractive] = loaded.Mark - loaded.NavigationStart;

        // Typed key by key at a fast typist's pace, as a person would, rather than filled at once: the click on
        // Save then comes when it would for a person, not a few milliseconds after the page became usable (where
        // a Blazor circuit is still finishing its start and a click waits behind that).
        await page.GetByLabel("Username").PressSequentiallyAsync(username, new() { Delay = TypingDelayMs });

        // Read once typing is over, so that reading does not delay the start of typing.
        var phases = new Dictionary<string, double>();
        await ReadLoadPhasesAsync(page, "load", loaded, "interactive", phases);

        await page.BringToFrontAsync();
        var confirmed = await ActAndWaitForMarkAsync(page, "confirmed", () =>
            page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync());
        steps[Steps.SubmitToConfirmed] = confirmed.Mark - confirmed.ClickAt;
        var traffic = app.IsFlask ? new Dictionary<string, int>() : await ReadSaveTrafficAsync(page);

        await page.BringToFrontAsync();
        var shown = await ActAndWaitForMarkAsync(page, "nameShown", () =>
            page.GetByRole(AriaRole.Link, new() { Name = "Get session", Exact = true }).ClickAsync());
        steps[Steps.NavigateToShown] = shown.Mark - shown.ClickAt;
        await ExpectNameAsync(page, username);

        await page.BringToFrontAsync();
        var reloaded = await ActAndWaitForMarkAsync(page, "nameShown", () =>
            page.ReloadAsync(new() { WaitUntil = WaitUntilState.Commit }));
        steps[Steps.ReloadToShown] = reloaded.Mark - reloaded.NavigationStart;
        await ReadLoadPhasesAsync(page, "reload", reloaded, "name_shown", phases);
        await ExpectNameAsync(page, username);

        return new JourneySample(steps, phases, traffic);
    }

    private Uri FormUrl => new(app.Server.BaseUrl, app.SetPath);

    /// <summary>The form loaded into a new tab of a fresh context, from about:blank: navigation start to interactive.</summary>
    private async Task<double> LoadIntoNewTabAsync()
    {
        await using var context = await browser.NewContextAsync();
        await context.AddInitScriptAsync(Probe);
        var page = await context.NewPageAsync();
        await page.BringToFrontAsync();
        var loaded = await ActAndWaitForMarkAsync(page, "interactive", () =>
            page.GotoAsync(FormUrl.ToString(), new() { WaitUntil = WaitUntilState.Commit }));
        return loaded.Mark - loaded.NavigationStart;
    }

    /// <summary>
    /// Shows the other site's page, answered by the context's route, which is removed again before anything is timed:
    /// while a route is registered the browser hands every request to the automation first.
    /// </summary>
    private async Task OpenOtherSiteAsync(IBrowserContext context, IPage page)
    {
        var html = $"""<!DOCTYPE html><html lang="en"><title>Elsewhere</title><a href="{FormUrl}">{OtherSiteLinkText}</a></html>""";
        await context.RouteAsync(OtherSite + "**", route => route.FulfillAsync(new() { ContentType = "text/html", Body = html }));
        await page.GotoAsync(OtherSite.ToString());
        await context.UnrouteAllAsync();
    }

    /// <summary>
    /// Runs the action and waits for the probe's console line announcing the mark, then reads the times. The page is
    /// not polled while the step runs: a poll is Playwright's own script in the page, and in a fresh document it took
    /// the main thread for about 6 ms ahead of the page's own work. The console line comes from whichever document
    /// holds the mark, so the same wait serves a click that stays in the page (Blazor) and one that loads the next
    /// page (Flask). The wait starts before the action, so a mark reached at once is not missed.
    /// </summary>
    private static async Task<ProbeMark> ActAndWaitForMarkAsync(IPage page, string mark, Func<Task> action)
    {
        var line = MarkLinePrefix + mark;
        await page.RunAndWaitForConsoleMessageAsync(action,
            new() { Predicate = message => message.Text == line, Timeout = (float)StepTimeout.TotalMilliseconds });
        var state = await page.EvaluateAsync<JsonElement>(
            "mark => ({ navigationStart: __bench.navigationStart, mark: __bench.marks[mark], clickAt: __bench.lastClick?.at ?? null })",
            mark);
        return new ProbeMark(
            state.GetProperty("navigationStart").GetDouble(),
            state.GetProperty("mark").GetDouble(),
            state.GetProperty("clickAt") is { ValueKind: JsonValueKind.Number } clickAt ? clickAt.GetDouble() : double.NaN);
    }

    /// <summary>
    /// Milestones of a page load, from navigation and resource timing and the probe's marks, read once the document is
    /// loaded and (ours) the circuit has rendered: the step itself ends before the parser and the circuit do. Flask's
    /// page has the navigation's milestones only, so that a reload's can be set beside ours.
    /// </summary>
    private async Task ReadLoadPhasesAsync(IPage page, string load, ProbeMark end, string endName,
        Dictionary<string, double> phases)
    {
        var loaded = app.IsFlask ? "true" : "__bench.marks.firstRenderBatch !== undefined";
        await page.WaitForFunctionAsync($"() => document.readyState === 'complete' && {loaded}",
            null, new() { Timeout = (float)StepTimeout.TotalMilliseconds, PollingInterval = 20 });
        var timing = await page.EvaluateAsync<JsonElement>("""
            () => {
                const navigation = performance.getEntriesByType("navigation")[0];
                const resource = part => performance.getEntriesByType("resource").find(e => e.name.includes(part));
                const script = resource("/blazor.web.");
                const initializers = resource("_blazor/initializers");
                const marks = __bench.marks, start = __bench.navigationStart;
                const since = at => at === undefined ? null : at - start;
                return {
                    // A reload's request leaves once the page left has answered beforeunload.
                    request_sent: navigation.requestStart,
                    html_received: navigation.responseEnd,
                    // Same-origin only: the page left ran its unload handlers as this document was committed.
                    previous_page_unloaded: navigation.unloadEventEnd || null,
                    document_created: since(marks.documentCreated),
                    script_requested: script?.requestStart || null,
                    script_first_byte: script?.responseStart || null,
                    script_received: script?.responseEnd ?? null,
                    script_transfer_kb: script ? script.transferSize / 1024 : null,
                    dom_interactive: navigation.domInteractive,
                    dom_content_loaded_end: navigation.domContentLoadedEventEnd,
                    initializers_received: initializers?.responseEnd ?? null,
                    socket_created: since(marks.socketCreated),
                    socket_open: since(marks.socketOpen),
                    first_message_received: since(marks.firstMessage),
                    start_circuit_sent: since(marks.startCircuitSent),
                    first_render_batch: since(marks.firstRenderBatch),
                };
            }
            """);
        foreach (var phase in timing.EnumerateObject().Where(property => !property.Name.StartsWith('$')))
        {
            if (phase.Value.ValueKind == JsonValueKind.Number)
            {
                phases[$"{load}.{phase.Name}"] = phase.Value.GetDouble();
            }
        }

        phases[$"{load}.{endName}"] = end.Mark - end.NavigationStart;
    }

    /// <summary>
    /// Circuit messages from pressing Save (the pointer going down blurs the input, which commits its value: that
    /// change event belongs to the save) until the circuit has been quiet for 300 ms, so late renders (the
    /// header's "Signed in as") are counted too.
    /// </summary>
    private static async Task<Dictionary<string, int>> ReadSaveTrafficAsync(IPage page)
    {
        await page.WaitForFunctionAsync("() => performance.timeOrigin + performance.now() - __bench.lastMessageAt > 300",
            null, new() { Timeout = (float)StepTimeout.TotalMilliseconds, PollingInterval = 50 });
        var traffic = await page.EvaluateAsync<JsonElement>("""
            () => {
                const delta = (now, then) => Object.fromEntries(Object.entries(now).map(([name, n]) => [name, n - (then[name] ?? 0)]));
                return { received: delta(__bench.received, __bench.lastPress.received), sent: delta(__bench.sent, __bench.lastPress.sent) };
            }
            """);
        var counts = new Dictionary<string, int>();
        foreach (var direction in traffic.EnumerateObject().Where(property => !property.Name.StartsWith('$')))
        {
            // Playwright marks objects with "$id" for reference tracking.
            foreach (var message in direction.Value.EnumerateObject().Where(property => !property.Name.StartsWith('$')))
            {
                counts[$"{direction.Name}:{message.Name}"] = message.Value.GetInt32();
            }
        }

        return counts;
    }

    private static async Task ExpectNameAsync(IPage page, string username)
    {
        var shown = await page.Locator("#result").TextContentAsync();
        if (shown != $"Session username: {username}")
        {
            throw new InvalidOperationException($"Expected the page to show '{username}', but it shows '{shown}'.");
        }
    }

    private static string ReadProbe()
    {
        using var stream = typeof(JourneyRunner).Assembly.GetManifestResourceStream("probe.js")
            ?? throw new InvalidOperationException("probe.js is not embedded.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private readonly record struct ProbeMark(double NavigationStart, double Mark, double ClickAt);
}
