using static Microsoft.Playwright.Assertions;

namespace BlazorSession.Tests.EndToEnd;

public class InputTests(BrowserAppFixture fixture) : EndToEndTest(fixture)
{
    [Theory]
    [InlineData("", "Enter a username.")]
    [InlineData("   ", "Enter a username.")]
    [InlineData("xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "The username can be at most 64 characters long.")]
    [InlineData("tab\there", "The username cannot contain control characters such as tabs or line breaks.")]
    public Task BadInput_ShowsAVisibleError_AndKeepsThePreviousName(string input, string message) => RecordingFailuresAsync(async () =>
    {
        await SaveNameAsync("Kept Name");
        await ExpectSavedAsync();

        await SaveNameAsync(input);

        await Expect(Page.Locator(".validation-message")).ToHaveTextAsync(message);
        await Expect(Page.GetByText(SavedText)).ToBeHiddenAsync();
        await Page.GotoAsync(Url("get-session"));
        await ExpectShownAsync("Kept Name");
    });

    [Theory]
    [InlineData("nnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnn")]
    [InlineData("🦄 Émoji 🎉 名前")]
    [InlineData("שלום עולם")]
    [InlineData("مرحبا")]
    [InlineData("O'Brien & \"Sons\" <Ltd>")]
    public Task GoodInput_RoundTripsThroughAReload(string name) => RecordingFailuresAsync(async () =>
    {
        await SaveNameAsync(name);
        await ExpectSavedAsync();

        await Page.GotoAsync(Url("get-session"));

        await ExpectShownAsync(name);
        await Expect(Page.Locator(".validation-message")).ToHaveCountAsync(0);
    });
}
