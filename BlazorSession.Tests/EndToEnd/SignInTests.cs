using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BlazorSession.Tests.EndToEnd;

/// <summary>The sign-in as a visitor meets it: the members page, its Sign in link, Sign out in the header, returnUrl.</summary>
public class SignInTests(BrowserAppFixture fixture) : EndToEndTest(fixture)
{
    private const string PromptText = "Sign in to see this page.";

    // Records, from the first parsed byte of each document, whether the page ever held a given text.
    private const string TextWatcherScript = """
        window.seenTexts = new Set();
        const watched = ['Sign in to see this page.', 'Welcome,', 'Checking your session'];
        const check = () => {
            const text = document.documentElement?.textContent ?? '';
            for (const watch of watched) {
                if (text.includes(watch)) {
                    window.seenTexts.add(watch);
                }
            }
        };
        new MutationObserver(check).observe(document, { childList: true, subtree: true, characterData: true });
        """;

    [Fact]
    public Task MembersPageSignInLink_SignsIn_AndComesBackInTheCircuit() => RecordingFailuresAsync(async () =>
    {
        var response = await Page.GotoAsync(Url("members"));
        Assert.Equal(200, response!.Status);
        await Expect(Result).ToHaveTextAsync($"{PromptText} Sign in");
        // The first response already has the prompt: a click before the circuit is up is an ordinary page load.
        await Expect(Page.Locator("main[data-interactive]")).ToBeAttachedAsync();
        await Page.EvaluateAsync("() => window.sameDocumentMarker = 'still here'");

        await Result.GetByRole(AriaRole.Link, new() { Name = "Sign in" }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(Url("set-session?returnUrl=%2Fmembers"));
        await SaveNameAsync("Member Mo");

        await Expect(Page).ToHaveURLAsync(Url("members"));
        await Expect(Result).ToHaveTextAsync(Welcome("Member Mo"));
        await ExpectSignedInAsync("Member Mo");
        Assert.Equal("still here", await Page.EvaluateAsync<string?>("() => window.sameDocumentMarker ?? null"));
        // The circuit sets the title once the browser has applied the page's render: awaited, not read at once.
        await Expect(Page).ToHaveTitleAsync("Members");
    });

    [Fact]
    public Task ReloadOfMembers_SignedIn_NeverShowsThePrompt_AndTheUrlStays() => RecordingFailuresAsync(async () =>
    {
        await SaveNameAsync("Reload Rae");
        await ExpectSavedAsync();
        await Page.GotoAsync(Url("members"));
        await Expect(Result).ToHaveTextAsync(Welcome("Reload Rae"));
        await Page.AddInitScriptAsync(TextWatcherScript);

        var response = await Page.ReloadAsync();

        Assert.Equal(200, response!.Status);
        // The request carried the session (UseBrowserSession): the first response already has the page.
        Assert.Contains(Welcome("Reload Rae"), await response.TextAsync());
        await Expect(Result).ToHaveTextAsync(Welcome("Reload Rae"));
        await ExpectSignedInAsync("Reload Rae");
        Assert.Equal(Url("members"), Page.Url);
        Assert.DoesNotContain(PromptText, await SeenTextsAsync());
    });

    [Fact]
    public Task Members_NotSignedIn_NeverShowsTheWelcome() => RecordingFailuresAsync(async () =>
    {
        await Page.AddInitScriptAsync(TextWatcherScript);

        var response = await Page.GotoAsync(Url("members"));

        Assert.Equal(200, response!.Status);
        await Expect(Result).ToHaveTextAsync($"{PromptText} Sign in");
        await Expect(Page.Locator(".session-controls").GetByRole(AriaRole.Link, new() { Name = "Sign in" })).ToBeVisibleAsync();
        Assert.Equal(Url("members"), Page.Url);
        var seen = await SeenTextsAsync();
        Assert.DoesNotContain("Welcome,", seen);
        // The request carried no sign-in: the first response already says so, with no checking state before it.
        Assert.DoesNotContain("Checking your session", seen);
        Assert.Contains(PromptText, await response.TextAsync());
    });

    [Theory]
    [InlineData("")]
    [InlineData("set-session")]
    [InlineData("get-session")]
    [InlineData("members")]
    public Task SignOut_FromTheHeader_SignsOutAtOnce(string path) => RecordingFailuresAsync(async () =>
    {
        await SaveNameAsync("Leaving Lee");
        await ExpectSavedAsync();
        await Page.GotoAsync(Url(path));
        await ExpectSignedInAsync("Leaving Lee");

        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();

        await Expect(Page.Locator(".session-controls").GetByRole(AriaRole.Link, new() { Name = "Sign in" })).ToBeVisibleAsync();
        await Expect(Page.Locator(".signed-in")).ToHaveTextAsync("");
        Assert.Null(await Page.EvaluateAsync<string?>($"() => sessionStorage.getItem('{BrowserSession.StorageKey}')"));
        if (path == "get-session")
        {
            await Expect(Result).ToHaveTextAsync(NoSessionText);
        }
        else if (path == "members")
        {
            await Expect(Result).ToHaveTextAsync($"{PromptText} Sign in");
        }
    });

    [Fact]
    public Task SignOut_IsReachableWithTab_AndWorksFromTheKeyboard() => RecordingFailuresAsync(async () =>
    {
        await SaveNameAsync("Keyboard Kim");
        await ExpectSavedAsync();
        await Page.GotoAsync(Url("members"));
        await Expect(Result).ToHaveTextAsync(Welcome("Keyboard Kim"));
        var signOut = Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" });

        // Home, Set session, Get session, Members, then Sign out: a few presses from the top of the page.
        for (var presses = 0; presses < 10 && !await signOut.EvaluateAsync<bool>("button => button === document.activeElement"); presses++)
        {
            await Page.Keyboard.PressAsync("Tab");
        }

        await Expect(signOut).ToBeFocusedAsync();
        await Page.EvaluateAsync("() => window.statusRegion = document.querySelector('.signed-in')");
        await Page.Keyboard.PressAsync("Enter");
        await Expect(Result).ToHaveTextAsync($"{PromptText} Sign in");

        // The header's live region is the same element before and after, so a screen reader announces the change.
        await Expect(Page.Locator(".signed-in")).ToHaveTextAsync("");
        Assert.True(await Page.EvaluateAsync<bool>("() => window.statusRegion === document.querySelector('.signed-in')"));
    });

    [Theory]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example/")]
    [InlineData("https://evil.example/")]
    [InlineData("javascript:window.injected=1")]
    [InlineData("/members\n")]
    public Task RefusedReturnUrl_IsIgnored_AndThePageConfirmsTheSave(string returnUrl) => RecordingFailuresAsync(async () =>
    {
        var address = Url("set-session?returnUrl=" + Uri.EscapeDataString(returnUrl));
        await Page.GotoAsync(address);
        await Page.EvaluateAsync("() => window.sameDocumentMarker = 'still here'");

        await SaveNameAsync("Careful Cal");

        await ExpectSavedAsync();
        await ExpectSignedInAsync("Careful Cal");
        Assert.Equal(address, Page.Url);
        Assert.Equal("still here", await Page.EvaluateAsync<string?>("() => window.sameDocumentMarker ?? null"));
        Assert.Null(await Page.EvaluateAsync<int?>("() => window.injected ?? null"));
    });

    private static string Welcome(string name) => $"Welcome, {name}. Only visitors who have signed in see this page.";

    private async Task<string[]> SeenTextsAsync() => await Page.EvaluateAsync<string[]>("() => [...window.seenTexts]");
}
