namespace BlazorSession.Tests.Library.PackAndConsume;

/// <summary>The pages <see cref="ConsumerApp"/> adds to the template app, as a developer would write them.</summary>
internal static class ConsumerPages
{
    // The package README's shape: what the page shows of the session is inside SessionView.
    private const string Visits = """
        @page "/visits"
        @rendermode InteractiveServer
        @inject BrowserSession Session

        <h1>Visits</h1>
        <SessionView>
            <Loading><p id="count">Loading…</p></Loading>
            <ChildContent>
                <p id="count">@(context.Get<Visit>("visit") is { } visit ? $"Visits: {visit.Count}" : "No visits")</p>
                <button type="button" disabled="@(!RendererInfo.IsInteractive)" @onclick="CountAsync">Count</button>
                <button type="button" disabled="@(!RendererInfo.IsInteractive)" @onclick="() => Session.SetPermanentAsync(true)">Keep</button>
                <p id="permanent">@(context.IsPermanent ? "Kept" : "This tab only")</p>
            </ChildContent>
        </SessionView>
        <a href="other">Other page</a>
        <a href="static-visits">Static visits</a>

        @code {
            public sealed record Visit(int Count, DateTimeOffset Last);

            private Task CountAsync() =>
                Session.UpdateAsync<Visit>("visit", visit => new Visit((visit?.Count ?? 0) + 1, DateTimeOffset.UtcNow));
        }
        """;

    private const string Other = """
        @page "/other"
        @rendermode InteractiveServer
        <h1>Other</h1>
        <a href="visits">Back to visits</a>
        """;

    // A static page (the template's default): no render mode, no LoadAsync, no subscription.
    private const string StaticVisits = """
        @page "/static-visits"
        @inject BrowserSession Session

        <h1>Static visits</h1>
        <VisitBadge @rendermode="InteractiveServer" />
        <p id="static-count">@(Session.Get<Visits.Visit>("visit") is { } visit ? $"Visits: {visit.Count}" : "No visits")</p>
        <form method="post" @formname="count" @onsubmit="CountAsync">
            <AntiforgeryToken />
            <button type="submit">Count here</button>
        </form>
        <form method="post" @formname="forget" @onsubmit="ForgetAsync" data-enhance>
            <AntiforgeryToken />
            <button type="submit">Forget</button>
        </form>
        <a href="visits">Interactive visits</a>

        @code {
            private Task CountAsync() =>
                Session.UpdateAsync<Visits.Visit>("visit", visit => new((visit?.Count ?? 0) + 1, DateTimeOffset.UtcNow));

            private Task ForgetAsync() => Session.RemoveAsync("visit");
        }
        """;

    // An interactive component on the static page: its circuit outlives the page's enhanced form posts. It follows the
    // session in code, as a component without SessionView does.
    private const string VisitBadge = """
        @inject BrowserSession Session
        @implements IDisposable

        <p id="badge" data-interactive="@(RendererInfo.IsInteractive ? "" : null)">@(Session.Get<Visits.Visit>("visit") is { } visit ? $"Badge: {visit.Count}" : "Badge: none")</p>

        @code {
            protected override void OnInitialized() => Session.Changed += OnChanged;

            private void OnChanged() => InvokeAsync(StateHasChanged);

            public void Dispose() => Session.Changed -= OnChanged;
        }
        """;

    public static IReadOnlyList<(string File, string Page)> All { get; } =
        [("Visits.razor", Visits), ("Other.razor", Other), ("StaticVisits.razor", StaticVisits), ("VisitBadge.razor", VisitBadge)];
}
