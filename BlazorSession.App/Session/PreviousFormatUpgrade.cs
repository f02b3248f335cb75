using Microsoft.AspNetCore.Components.Server.Circuits;

namespace BlazorSession.App.Session;

/// <summary>
/// Upgrades what a tab or browser kept from before the deploy that built the app on <see cref="BrowserSession"/>
/// (<see cref="PreviousFormat"/>), once, when a circuit opens: a tab's own name stays the tab's own; a remembered
/// sign-in becomes the permanent session (for a new <see cref="BrowserSessionOptions.RememberFor"/> from the upgrade),
/// which every tab without a name of its own shares, as before. The old entries are then deleted. It reads only for
/// a session that loaded empty (a tab's first circuit after the deploy, or a new visitor: two reads after the
/// session's own, while the page already shows it); once every remembered sign-in written before the deploy has
/// expired (30 days), this class and <see cref="PreviousFormat"/> can go.
/// </summary>
internal sealed class PreviousFormatUpgrade(
    BrowserSession session,
    [FromKeyedServices(BrowserStoragePlace.Tab)] IBrowserStorage tab,
    [FromKeyedServices(BrowserStoragePlace.Browser)] IBrowserStorage browser,
    TimeProvider clock,
    ILogger<PreviousFormatUpgrade> logger) : CircuitHandler
{
    // After the library's handler, whose read this one awaits.
    public override int Order => 1;

    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        _ = RunAsync(circuit.Id);
        return Task.CompletedTask;
    }

    /// <summary>The upgrade of one circuit, named by its public id in the log.</summary>
    internal async Task RunAsync(string circuit)
    {
        try
        {
            await session.LoadAsync();
            if (!session.IsLoaded || session.Keys.Count > 0)
            {
                return;
            }

            var oldTab = tab.GetAsync(PreviousFormat.TabKey);
            var oldRemembered = browser.GetAsync(PreviousFormat.RememberedKey);
            var (tabEntry, rememberedEntry) = (await oldTab, await oldRemembered);
            if (tabEntry is null && rememberedEntry is null)
            {
                return;
            }

            await UpgradeAsync(PreviousFormat.ReadTab(tabEntry),
                PreviousFormat.ReadRemembered(rememberedEntry, clock.GetUtcNow()));
            if (tabEntry is not null)
            {
                await tab.DeleteAsync(PreviousFormat.TabKey);
            }

            if (rememberedEntry is not null)
            {
                await browser.DeleteAsync(PreviousFormat.RememberedKey);
            }

            SessionLog.PreviousFormatUpgraded(logger, circuit);
        }
        catch (Exception exception) when (exception is BrowserStorageUnavailableException or StoredValueUnreadableException)
        {
            // What could not be read is left where it is (unreadable: it would never read) and tried again by the
            // next circuit; the session itself is unaffected.
            SessionLog.PreviousFormatNotUpgraded(logger, circuit, exception.GetType().Name);
        }
    }

    private async Task UpgradeAsync((string Name, bool FollowsRemembered)? oldTab, string? remembered)
    {
        if (session.Keys.Count > 0)
        {
            // Another circuit of the browser stored something meanwhile: that is newer than anything kept before.
            return;
        }

        if (oldTab is { FollowsRemembered: false } own)
        {
            await session.SetAsync(UsernameSession.Key, own.Name, permanent: false);
        }
        else if (remembered is not null)
        {
            await session.SetAsync(UsernameSession.Key, remembered, permanent: true);
        }
    }
}
