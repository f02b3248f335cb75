using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BlazorSession.Tests.EndToEnd;

/// <summary>
/// A connection that has stopped sending before the page hears it close: a socket whose close handshake is slow
/// reports CLOSING for hundreds of milliseconds (seen: 450 ms under load) before its close event, and SignalR refuses
/// to send on it. What the visitor does meanwhile (the field's change, the click on Save, an Enter) must reach the
/// circuit once it is reconnected, not vanish.
/// </summary>
public class ConnectionClosingTests(BrowserAppFixture fixture) : EndToEndTest(fixture)
{
    // The tab's circuit socket reports CLOSING from startClosing() on, as a real one does once its close has begun,
    // and really closes at finishClosing(); the reconnect's new socket is a normal one.
    private const string SlowCloseScript = """
        (() => {
            const Native = window.WebSocket;
            window.WebSocket = class extends Native {
                constructor(url, protocols) {
                    super(url, protocols);
                    if (String(url).includes("_blazor")) {
                        window.circuitSocketForTest = this;
                    }
                }
                get readyState() {
                    return this.closingForTest ? Native.CLOSING : super.readyState;
                }
            };
            window.startClosing = () => window.circuitSocketForTest.closingForTest = true;
            window.finishClosing = () => window.circuitSocketForTest.close();
        })();
        """;

    private ILocator SaveButton => Page.GetByRole(AriaRole.Button, new() { Name = "Save" });

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await Page.AddInitScriptAsync(SlowCloseScript);
    }

    [Fact]
    public Task SaveClickedWhileTheSocketCloses_IsMadeOnceReconnected() => RecordingFailuresAsync(async () =>
    {
        await OpenAsync("set-session");
        await Expect(SaveButton).ToBeEnabledAsync();
        await UsernameInput.FillAsync("Held Hana");

        await Page.EvaluateAsync("() => window.startClosing()");
        await SaveButton.ClickAsync(new() { Delay = PersonsPressMilliseconds });
        await Page.EvaluateAsync("() => window.finishClosing()");

        await ExpectSavedAsync();
        await ExpectSignedInAsync("Held Hana");
        await Expect(Page.Locator(".components-reconnect-show")).ToHaveCountAsync(0);
    });

    [Fact]
    public Task EnterPressedWhileTheSocketCloses_SavesOnceReconnected() => RecordingFailuresAsync(async () =>
    {
        await OpenAsync("set-session");
        await Expect(SaveButton).ToBeEnabledAsync();
        await UsernameInput.FillAsync("Entered Eve");

        await Page.EvaluateAsync("() => window.startClosing()");
        await UsernameInput.PressAsync("Enter");
        await Page.EvaluateAsync("() => window.finishClosing()");

        await ExpectSavedAsync();
        await ExpectSignedInAsync("Entered Eve");
    });

    [Fact]
    public Task NameTypedWhileTheSocketCloses_IsTheOneSavedAfterTheReconnect() => RecordingFailuresAsync(async () =>
    {
        await SaveNameAsync("First Fay");
        await ExpectSignedInAsync("First Fay");

        await Page.EvaluateAsync("() => window.startClosing()");
        await UsernameInput.FillAsync("Second Sam");
        // Focus leaves the field (its change) while the socket closes; Save is clicked once the page is back.
        await UsernameInput.BlurAsync();
        await Page.EvaluateAsync("() => window.finishClosing()");
        await Expect(Page.Locator(".components-reconnect-show")).ToHaveCountAsync(0);
        await SaveButton.ClickAsync(new() { Delay = PersonsPressMilliseconds });

        await ExpectSignedInAsync("Second Sam");
    });
}
