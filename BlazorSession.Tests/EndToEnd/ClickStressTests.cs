using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BlazorSession.Tests.EndToEnd;

/// <summary>
/// Saves clicked the way a person clicks: the press held about 100 ms, right after typing, so the field's change is
/// handled (and its validation message shown or taken away) between the button going down and coming up. Every click
/// must get its own answer; a control that moves under the pointer turns the click into nothing.
/// </summary>
public class ClickStressTests(BrowserAppFixture fixture) : EndToEndTest(fixture)
{
    private const int Saves = 100;

    private ILocator SaveButton => Page.GetByRole(AriaRole.Button, new() { Name = "Save" });

    private ILocator Success => Page.GetByRole(AriaRole.Status).Filter(new() { HasText = SavedText });

    private ILocator ValidationMessage => Page.Locator(".validation-message");

    [Fact]
    public Task HundredSaves_GoodAndBlankAlternating_EachClickGetsItsOwnAnswer() => RecordingFailuresAsync(async () =>
    {
        await OpenAsync("set-session");
        for (var save = 0; save < Saves; save++)
        {
            // A quarter of the clicks, good and blank alike, come right after a page load, as soon as Save can be
            // clicked: the fresh page shows neither answer, so the one that appears is this click's.
            if (save % 8 is 2 or 7)
            {
                await OpenAsync("set-session");
            }

            var good = save % 2 == 0;
            var name = good ? $"Person {save}" : "";
            await Expect(UsernameInput).ToBeEnabledAsync();
            await UsernameInput.FillAsync(name);
            await SaveButton.ClickAsync(new() { Delay = PersonsPressMilliseconds });

            var because = $"save {save} of {Saves} ({(good ? "a good name" : "blank")})";
            try
            {
                if (good)
                {
                    await ExpectSignedInAsync(name);
                    await Expect(Success).ToBeVisibleAsync();
                    await Expect(ValidationMessage).ToHaveCountAsync(0);
                }
                else
                {
                    await Expect(ValidationMessage).ToHaveTextAsync("Enter a username.");
                    await Expect(Success).ToHaveCountAsync(0);
                }
            }
            catch (PlaywrightException failure)
            {
                throw new InvalidOperationException($"No answer to {because}: {failure.Message}", failure);
            }
        }
    });
}
