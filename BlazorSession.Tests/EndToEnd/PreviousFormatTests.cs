using System.Globalization;
using BlazorSession.Tests.Fakes;
using Microsoft.AspNetCore.DataProtection;
using static Microsoft.Playwright.Assertions;

namespace BlazorSession.Tests.EndToEnd;

/// <summary>
/// A browser holding what the app stored before it was built on the session library, protected with the server's own
/// key ring exactly as the framework's protected storage protected it then, keeps its name after the deploy.
/// </summary>
public class PreviousFormatTests(BrowserAppFixture fixture) : EndToEndTest(fixture)
{
    [Fact]
    public Task ATabsNameInThePreviousFormat_IsKept_AndItsOldEntryGoes() => RecordingFailuresAsync(async () =>
    {
        await OpenAsync("get-session");
        await Expect(Result).ToHaveTextAsync(NoSessionText);
        var old = await FrameworkProtectedValue.ForSessionStorageAsync(ServersDataProtection(), "session",
            """{"v":1,"username":"Old Format Olga"}""");
        await Page.EvaluateAsync("value => sessionStorage.setItem('session', value)", old);

        await Page.ReloadAsync();

        await ExpectShownAsync("Old Format Olga");
        await Expect(Page.Locator(".signed-in")).ToHaveTextAsync("Signed in as Old Format Olga");
        // The old entry goes once the new one is written, a round trip after the name is shown.
        await Page.WaitForFunctionAsync("() => sessionStorage.getItem('session') === null");
        Assert.NotNull(await Page.EvaluateAsync<string?>($"() => sessionStorage.getItem('{BrowserSession.StorageKey}')"));
    });

    [Fact]
    public Task ARememberedSignInInThePreviousFormat_SignsInANewTab_AndItsOldEntryGoes() => RecordingFailuresAsync(async () =>
    {
        await OpenAsync("get-session");
        await Expect(Result).ToHaveTextAsync(NoSessionText);
        var expires = DateTimeOffset.UtcNow.AddDays(1).ToString("O", CultureInfo.InvariantCulture);
        var old = await FrameworkProtectedValue.ForLocalStorageAsync(ServersDataProtection(), "remembered-sign-in",
            $$"""{"v":1,"username":"Kept Kim","expires":"{{expires}}"}""");
        await Page.EvaluateAsync("value => localStorage.setItem('remembered-sign-in', value)", old);

        var newTab = await Context.NewPageAsync();
        await newTab.GotoAsync(Url("members"));

        await Expect(newTab.Locator("#result")).ToHaveTextAsync("Welcome, Kept Kim. Only visitors who have signed in see this page.");
        await newTab.WaitForFunctionAsync("() => localStorage.getItem('remembered-sign-in') === null");
        Assert.NotNull(await newTab.EvaluateAsync<string?>($"() => localStorage.getItem('{BrowserSession.StorageKey}')"));
    });

    // The app's Data Protection (application name BlazorSession, the server's key directory).
    private IDataProtectionProvider ServersDataProtection() =>
        DataProtectionProvider.Create(new DirectoryInfo(Server.KeysPath), builder => builder.SetApplicationName("BlazorSession"));
}
