using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BlazorSession.Tests.EndToEnd;

/// <summary>
/// The circuit's first connection lost between the socket opening and the first interactive render (a phone
/// between cells, a restarted node): the page must become usable by itself, with what was typed still there.
/// </summary>
public class ResilientStartTests(BrowserAppFixture fixture) : EndToEndTest(fixture)
{
    private const string Typed = "Typed Before";
    private const string DroppedMarker = "blazorsession-first-socket-dropped";
    private const string ClosedMarker = "blazorsession-first-socket-closed";
    private const string ReconnectUi = "#components-reconnect-modal[open], .components-reconnect-show";

    // Closes the tab's first circuit socket DELAY ms after it opens: once per tab, not after the reload (window.name
    // survives reloads of the tab, and nothing of the app reads it). window.name also says when it was closed.
    private static string DropFirstCircuitSocketScript(int delay) => $$"""
        (() => {
            const Native = window.WebSocket;
            window.WebSocket = class extends Native {
                constructor(url, protocols) {
                    super(url, protocols);
                    if (!String(url).includes("_blazor") || window.name.includes("{{DroppedMarker}}")) {
                        return;
                    }
                    window.name += " {{DroppedMarker}}";
                    // Marked a task after the close event, once the page's own close handlers have run.
                    this.addEventListener("close", () => setTimeout(() => window.name += " {{ClosedMarker}}"));
                    this.addEventListener("open", () => setTimeout(() => this.close(), {{delay}}));
                }
            };
        })();
        """;

    private ILocator SaveButton => Page.GetByRole(AriaRole.Button, new() { Name = "Save" });

    private const int Rounds = 5;

    /// <summary>
    /// As a new visitor would: type while the page starts (nothing held back), wait for Save, fill a new name and save
    /// it with a person's press. Whenever the drop lands (before the first render, so the page reloads while the
    /// typing goes on, or after it, so the change and the click meet a closing socket), every key typed is still
    /// there and the Save is confirmed; repeated, because each timing is a race between the drop and the circuit.
    /// </summary>
    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    [InlineData(5)]
    [InlineData(10)]
    [InlineData(20)]
    [InlineData(50)]
    [InlineData(100)]
    public Task FirstSocketDropped_WhatWasTypedIsKept_AndTheNextSaveIsConfirmed(int delay) => RecordingFailuresAsync(async () =>
    {
        for (var round = 1; round <= Rounds; round++)
        {
            if (round > 1)
            {
                await OpenANewTabAsync();
            }

            var serverLogBefore = Server.Output.Count;
            await Page.AddInitScriptAsync(DropFirstCircuitSocketScript(delay));
            await Page.GotoAsync(Url("set-session"), new() { WaitUntil = WaitUntilState.DOMContentLoaded });
            await Expect(UsernameInput).ToBeEnabledAsync();
            await UsernameInput.PressSequentiallyAsync(Typed);

            await Expect(SaveButton).ToBeEnabledAsync();
            await Expect(UsernameInput).ToHaveValueAsync(Typed);
            var name = $"Saved {delay} {round}";
            await UsernameInput.FillAsync(name);
            await SaveButton.ClickAsync(new() { Delay = PersonsPressMilliseconds });

            await ExpectSavedAsync();
            await ExpectSignedInAsync(name);
            await ExpectNoErrorUiAsync();
            Assert.Contains(ClosedMarker, await Page.EvaluateAsync<string>("() => window.name"));
            // The abandoned circuit is disposed quietly: no error or unhandled exception in the server's log.
            var serverLog = Server.Output.Skip(serverLogBefore).ToList();
            Assert.False(serverLog.Any(line =>
                line.StartsWith("fail:", StringComparison.Ordinal) || line.StartsWith("crit:", StringComparison.Ordinal)
                || line.Contains("no browser renderer", StringComparison.OrdinalIgnoreCase)),
                $"Round {round}: {string.Join(Environment.NewLine, serverLog)}");
        }
    });

    [Fact]
    public Task FirstSocketDropped_AnEnterAlreadyPressed_SavesOnceThePageIsUsable() => RecordingFailuresAsync(async () =>
    {
        await Page.AddInitScriptAsync(DropFirstCircuitSocketScript(5));
        await TypeBeforeTheCircuitAsync(Typed, thenPress: "Enter");

        await ExpectSavedAsync();

        await ExpectSignedInAsync(Typed);
        Assert.Contains(ClosedMarker, await Page.EvaluateAsync<string>("() => window.name"));
        await ExpectNoErrorUiAsync();
    });

    [Fact]
    public Task FirstSocketDropped_TheCaretAndFocusComeBack() => RecordingFailuresAsync(async () =>
    {
        await Page.AddInitScriptAsync(DropFirstCircuitSocketScript(10));
        await TypeBeforeTheCircuitAsync(Typed, thenPress: "ArrowLeft");

        await ExpectUsableAfterTheDropAsync();

        await Expect(UsernameInput).ToBeFocusedAsync();
        Assert.Equal(Typed.Length - 1, await UsernameInput.EvaluateAsync<int>("input => input.selectionStart"));
        await Page.Keyboard.TypeAsync("!");
        await Expect(UsernameInput).ToHaveValueAsync("Typed Befor!e");
    });

    [Fact]
    public Task TypedText_IsKeptInTheTabsHistoryEntryOnly() => RecordingFailuresAsync(async () =>
    {
        await Page.AddInitScriptAsync(DropFirstCircuitSocketScript(5));
        await TypeBeforeTheCircuitAsync("Private Pat");

        await ExpectUsableAfterTheDropAsync();

        // Nothing unsaved went into storage another tab or a later visit reads, and the kept copy was removed.
        var stores = await Page.EvaluateAsync<string>(
            "() => JSON.stringify([Object.values(sessionStorage), Object.values(localStorage), document.cookie, history.state])");
        Assert.DoesNotContain("Private Pat", stores);
        await Expect(UsernameInput).ToHaveValueAsync("Private Pat");
    });

    [Fact]
    public Task FirstSocketDropped_KeepMeSignedInTickedBefore_IsStillTicked_AndTheSaveIsRemembered() => RecordingFailuresAsync(async () =>
    {
        await Page.AddInitScriptAsync(DropFirstCircuitSocketScript(5));
        await TypeBeforeTheCircuitAsync("Ticked Tia", tickKeepSignedIn: true);

        await ExpectUsableAfterTheDropAsync();

        await Expect(Page.GetByLabel("Keep me signed in")).ToBeCheckedAsync();
        await SaveButton.ClickAsync();
        await ExpectSavedAsync();
        Assert.NotNull(await Page.EvaluateAsync<string?>($"() => localStorage.getItem('{KeepSignedInTests.RememberedKey}')"));
    });

    /// <summary>
    /// The page is usable after the drop: the socket was closed (the drop happened, whether before the first render
    /// or just after it), no reconnect display is left, and Save is enabled.
    /// </summary>
    private async Task ExpectUsableAfterTheDropAsync()
    {
        await Page.WaitForFunctionAsync($"() => window.name.includes('{ClosedMarker}')");
        await Expect(Page.Locator(ReconnectUi)).ToHaveCountAsync(0);
        await Expect(SaveButton).ToBeEnabledAsync();
    }

    private async Task TypeBeforeTheCircuitAsync(string text, string? thenPress = null, bool tickKeepSignedIn = false)
    {
        var release = await HoldFrameworkScriptAsync();
        await Page.GotoAsync(Url("set-session"), new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        await Expect(UsernameInput).ToBeEnabledAsync();
        if (tickKeepSignedIn)
        {
            await Page.GetByLabel("Keep me signed in").CheckAsync();
        }

        await UsernameInput.PressSequentiallyAsync(text);
        if (thenPress is not null)
        {
            await UsernameInput.PressAsync(thenPress);
        }

        release();
    }
}
