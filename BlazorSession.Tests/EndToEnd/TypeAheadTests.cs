using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BlazorSession.Tests.EndToEnd;

/// <summary>
/// The Username input can be typed into before the circuit is up (App's TypeAheadScript), and nothing typed is lost
/// when the circuit's render replaces the prerendered form. The framework script is held back until the test has
/// typed, so the hand-over happens at a known point instead of by chance.
/// </summary>
public class TypeAheadTests(BrowserAppFixture fixture) : EndToEndTest(fixture)
{
    private Action _releaseFrameworkScript = () => { };

    private const string RememberedKey = BrowserSession.StorageKey;

    private ILocator SaveButton => Page.GetByRole(AriaRole.Button, new() { Name = "Save" });

    private ILocator KeepSignedIn => Page.GetByLabel("Keep me signed in");

    [Fact]
    public Task TypedBeforeTheCircuit_KeepsValueCaretAndFocus_AndTypingGoesOn() => RecordingFailuresAsync(async () =>
    {
        await OpenHeldBackAsync();
        await UsernameInput.ClickAsync();
        await Page.Keyboard.TypeAsync("Ada");
        await Page.Keyboard.PressAsync("ArrowLeft");

        await ReleaseCircuitAsync();

        await Expect(UsernameInput).ToHaveValueAsync("Ada");
        Assert.Equal("username", await Page.EvaluateAsync<string>("() => document.activeElement.id"));
        Assert.Equal(2, await Page.EvaluateAsync<int>("() => document.activeElement.selectionStart"));
        await Page.Keyboard.TypeAsync("x");
        await Page.Keyboard.PressAsync("End");
        await Page.Keyboard.TypeAsync(" Lovelace");
        await SaveButton.ClickAsync();

        await ExpectSavedAsync();
        await ExpectSignedInAsync("Adxa Lovelace");
    });

    [Fact]
    public Task FocusedBeforeTheCircuit_WithNothingTypedYet_KeepsTheFocus() => RecordingFailuresAsync(async () =>
    {
        await OpenHeldBackAsync();
        await UsernameInput.ClickAsync();

        await ReleaseCircuitAsync();

        Assert.Equal("username", await Page.EvaluateAsync<string>("() => document.activeElement.id"));
        await Page.Keyboard.TypeAsync("Focus Kept");
        await Page.Keyboard.PressAsync("Enter");
        await ExpectSavedAsync();
        await ExpectSignedInAsync("Focus Kept");
    });

    [Fact]
    public Task TypedBeforeTheCircuit_ThenEnterOnceItIsUp_SavesWhatWasTyped() => RecordingFailuresAsync(async () =>
    {
        await OpenHeldBackAsync();
        await UsernameInput.FillAsync("Grace Hopper");

        await ReleaseCircuitAsync();
        await UsernameInput.PressAsync("Enter");

        await ExpectSavedAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "Get session", Exact = true }).ClickAsync();
        await ExpectShownAsync("Grace Hopper");
    });

    [Fact]
    public Task EnterPressedBeforeTheCircuit_IsNotLost_TheFormIsSubmittedOnceItIsUp() => RecordingFailuresAsync(async () =>
    {
        await OpenHeldBackAsync();
        await UsernameInput.FillAsync("Early Bird");
        await UsernameInput.PressAsync("Enter");
        Assert.EndsWith("/set-session", Page.Url, StringComparison.Ordinal);

        await ReleaseCircuitAsync(waitForSaveButton: false);

        await ExpectSavedAsync();
        await ExpectSignedInAsync("Early Bird");
    });

    [Fact]
    public Task ClickedElsewhereBeforeTheCircuit_SaveButtonStillSavesWhatWasTyped() => RecordingFailuresAsync(async () =>
    {
        await OpenHeldBackAsync();
        await UsernameInput.FillAsync("Margaret Hamilton");
        await Page.Locator("h1").ClickAsync();

        await ReleaseCircuitAsync();
        Assert.NotEqual("username", await Page.EvaluateAsync<string>("() => document.activeElement.id"));
        await SaveButton.ClickAsync();

        await ExpectSavedAsync();
        await ExpectSignedInAsync("Margaret Hamilton");
    });

    [Fact]
    public Task TickedBeforeTheCircuit_KeepMeSignedInIsCarriedOver_AndTheNameIsRemembered() => RecordingFailuresAsync(async () =>
    {
        await OpenHeldBackAsync();
        await Expect(KeepSignedIn).ToBeEnabledAsync();
        await KeepSignedIn.CheckAsync();
        await UsernameInput.FillAsync("Ticked Early");

        await ReleaseCircuitAsync();

        await Expect(KeepSignedIn).ToBeCheckedAsync();
        await SaveButton.ClickAsync();
        await ExpectSavedAsync();
        Assert.True(await Page.EvaluateAsync<bool>($"() => localStorage.getItem('{RememberedKey}') !== null"));
    });

    [Fact]
    public Task TickedThenEnterBeforeTheCircuit_TheSubmitCarriesTheTick() => RecordingFailuresAsync(async () =>
    {
        await OpenHeldBackAsync();
        await KeepSignedIn.CheckAsync();
        await UsernameInput.FillAsync("Early Ticker");
        await UsernameInput.PressAsync("Enter");

        await ReleaseCircuitAsync(waitForSaveButton: false);

        await ExpectSavedAsync();
        await Expect(KeepSignedIn).ToBeCheckedAsync();
        Assert.True(await Page.EvaluateAsync<bool>($"() => localStorage.getItem('{RememberedKey}') !== null"));
    });

    [Fact]
    public Task UntouchedBeforeTheCircuit_TheBoxStaysUnticked_AndNothingIsRemembered() => RecordingFailuresAsync(async () =>
    {
        await OpenHeldBackAsync();
        await UsernameInput.FillAsync("Not Kept");

        await ReleaseCircuitAsync();
        await SaveButton.ClickAsync();

        await ExpectSavedAsync();
        await Expect(KeepSignedIn).Not.ToBeCheckedAsync();
        Assert.True(await Page.EvaluateAsync<bool>($"() => localStorage.getItem('{RememberedKey}') === null"));
    });

    [Fact]
    public Task TheVisitorsOwnReload_KeepsWhatWasTyped() => RecordingFailuresAsync(async () =>
    {
        await OpenAsync("set-session");
        await Expect(SaveButton).ToBeEnabledAsync();
        await UsernameInput.FillAsync("Typed Before F5");

        await Page.ReloadAsync();

        await Expect(UsernameInput).ToHaveValueAsync("Typed Before F5");
        await Expect(SaveButton).ToBeEnabledAsync();
    });

    [Fact]
    public Task APageWhoseFieldsAreUnused_AddsNoListenerForLeaving() => RecordingFailuresAsync(async () =>
    {
        // The session library's own (it hands the tab's session over as the page is left) is always there; the
        // type-ahead adds its own only once a field has been used.
        await OpenAsync("get-session");
        await Expect(Result).ToBeVisibleAsync();
        Assert.Equal(1, await BeforeUnloadListenersAsync());

        await OpenAsync("set-session");
        await Expect(SaveButton).ToBeEnabledAsync();
        Assert.Equal(1, await BeforeUnloadListenersAsync());

        await UsernameInput.FocusAsync();
        Assert.Equal(2, await BeforeUnloadListenersAsync());
    });

    [Fact]
    public Task MovedOnToAPageWithoutFields_LeavingItIsNotHeldUp() => RecordingFailuresAsync(async () =>
    {
        // Typed, not saved: the type-ahead lets go of its listener on a page without fields.
        await OpenAsync("set-session");
        await Expect(SaveButton).ToBeEnabledAsync();
        await UsernameInput.FillAsync("Moved On");
        Assert.Equal(2, await BeforeUnloadListenersAsync());

        await Page.GetByRole(AriaRole.Link, new() { Name = "Get session", Exact = true }).ClickAsync();

        await Expect(Result).ToHaveTextAsync(NoSessionText);
        Assert.Equal(1, await BeforeUnloadListenersAsync());
    });

    [Fact]
    public Task LeavingWithNothingToKeep_LeavesTheHistoryEntryAlone() => RecordingFailuresAsync(async () =>
    {
        // Replacing the entry's state is a navigation the browser commits before it starts the next page's request.
        await OpenAsync("set-session");
        await Expect(SaveButton).ToBeEnabledAsync();
        await UsernameInput.FocusAsync();
        await UsernameInput.BlurAsync();
        await Page.EvaluateAsync("""
            () => {
                window.stateReplacements = 0;
                const replaceState = history.replaceState.bind(history);
                history.replaceState = (...state) => { window.stateReplacements++; replaceState(...state); };
            }
            """);

        await Page.EvaluateAsync("() => window.dispatchEvent(new Event('beforeunload'))");

        Assert.Equal(0, await Page.EvaluateAsync<int>("() => window.stateReplacements"));
    });

    /// <summary>Opens the set page with blazor.web.js held back: the form is parsed, no circuit can start.</summary>
    private async Task OpenHeldBackAsync()
    {
        _releaseFrameworkScript = await HoldFrameworkScriptAsync();
        await Page.GotoAsync(Url("set-session"), new() { WaitUntil = WaitUntilState.Commit });

        await Expect(UsernameInput).ToBeEnabledAsync();
        await Expect(SaveButton).ToBeDisabledAsync();
        Assert.False(await Page.EvaluateAsync<bool>("() => 'Blazor' in window"), "The framework script ran too early.");
    }

    private async Task ReleaseCircuitAsync(bool waitForSaveButton = true)
    {
        var prerendered = await UsernameInput.ElementHandleAsync();
        _releaseFrameworkScript();
        await Page.WaitForFunctionAsync("old => !old.isConnected", prerendered);
        if (waitForSaveButton)
        {
            await Expect(SaveButton).ToBeEnabledAsync();
        }
    }

    private async Task<int> BeforeUnloadListenersAsync() =>
        (await WindowListenersAsync()).Count(type => type == "beforeunload");
}
