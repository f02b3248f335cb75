using BlazorSession.App.Hosting;
using BlazorSession.Tests.Fakes;
using BlazorSession.Tests.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BlazorSession.Tests.EndToEnd;

/// <summary>
/// What the server-side store changes for a visitor: the browser holds an id, never a value, and a sign-out revokes the
/// session, so a copy taken before it (a shared computer, a script that got in) opens nothing after.
/// </summary>
public sealed class ServerStoreBrowserTests(BrowserAppFixture fixture, ServerStoreAppFixture app)
    : EndToEndTest(fixture), IClassFixture<ServerStoreAppFixture>
{
    private const string SignInPrompt = "Sign in to see this page. Sign in";

    protected override AppServer Server => app.Server;

    [Fact]
    public Task TheBrowserHoldsAnIdInEachPlace_NeverTheName() => RecordingFailuresAsync(async () =>
    {
        await SaveNameAsync("Pointer Pat");
        await ExpectSavedAsync();
        var tab = await StoredAsync("sessionStorage");

        Assert.Matches("""^\{"v":1,"id":"[A-Za-z0-9_-]{43}"\}$""",
            await FrameworkProtectedValue.ReadSessionStorageAsync(ServersDataProtection(), BrowserSession.StorageKey, tab!));

        await Page.GetByLabel("Keep me signed in").CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(Page.Locator(".signed-in")).ToHaveTextAsync("Signed in as Pointer Pat");
        await Page.WaitForFunctionAsync($"() => localStorage.getItem('{BrowserSession.StorageKey}') !== null");
        var permanent = await FrameworkProtectedValue.ReadLocalStorageAsync(ServersDataProtection(), BrowserSession.StorageKey,
            (await StoredAsync("localStorage"))!);
        Assert.Matches("""^\{"v":1,"id":"[A-Za-z0-9_-]{43}"\}$""", permanent);
    });

    [Fact]
    public Task ACopyOfTheBrowsersStorageTakenBeforeSignOut_OpensNothingAfterIt() => RecordingFailuresAsync(async () =>
    {
        await OpenAsync("set-session");
        await Expect(Page.Locator("main[data-interactive]")).ToBeAttachedAsync();
        await UsernameInput.FillAsync("Shared Computer Sam");
        await Page.GetByLabel("Keep me signed in").CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await ExpectSavedAsync();
        var copied = await StoredAsync("localStorage");
        Assert.NotNull(copied);

        await Page.Locator(".session-controls").GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(Page.Locator(".session-controls").GetByRole(AriaRole.Link, new() { Name = "Sign in" })).ToBeVisibleAsync();

        // Another browser, with the copy put back into its storage.
        await OpenANewTabAsync();
        await OpenAsync("get-session");
        await Page.EvaluateAsync("([key, value]) => localStorage.setItem(key, value)", new[] { BrowserSession.StorageKey, copied });
        await OpenAsync("members");
        await Expect(Result).ToHaveTextAsync(SignInPrompt);
        await Expect(Page.Locator("main[data-interactive]")).ToBeAttachedAsync();
        await Expect(Result).ToHaveTextAsync(SignInPrompt);
    });

    private async Task<string?> StoredAsync(string place) =>
        await Page.EvaluateAsync<string?>($"() => {place}.getItem('{BrowserSession.StorageKey}')");

    private IDataProtectionProvider ServersDataProtection() =>
        DataProtectionProvider.Create(new DirectoryInfo(Server.KeysPath),
            builder => builder.SetApplicationName(AppDataProtection.ApplicationName));
}
