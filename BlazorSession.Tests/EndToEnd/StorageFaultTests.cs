using static Microsoft.Playwright.Assertions;

namespace BlazorSession.Tests.EndToEnd;

public class StorageFaultTests(BrowserAppFixture fixture) : EndToEndTest(fixture)
{
    public static TheoryData<string, string> Corruptions => new()
    {
        { "one character of the ciphertext changed", "v => v.slice(0, 20) + (v[20] === 'A' ? 'B' : 'A') + v.slice(21)" },
        { "ciphertext cut short", "v => v.slice(0, v.length - 10)" },
        { "garbage", "v => 'not a protected value at all'" },
        { "plain JSON a user might forge", "v => JSON.stringify({ v: 1, username: 'Forged' })" },
    };

    [Theory]
    [MemberData(nameof(Corruptions))]
    public Task TamperedValue_ReadsAsNoSession_WithoutErrorUi_AndSaveWorksAgain(string corruption, string rewrite) =>
        RecordingFailuresAsync(async () =>
        {
            await SaveNameAsync("Tamper Target");
            await ExpectSavedAsync();
            var changed = await Page.EvaluateAsync<bool>($$"""
                () => {
                    const key = '{{BrowserSession.StorageKey}}';
                    const before = sessionStorage.getItem(key);
                    sessionStorage.setItem(key, ({{rewrite}})(before));
                    return sessionStorage.getItem(key) !== before;
                }
                """);
            Assert.True(changed, $"The test did not manage to apply: {corruption}.");

            await Page.GotoAsync(Url("get-session"));

            await Expect(Result).ToHaveTextAsync(NoSessionText);
            await ExpectNoErrorUiAsync();
            await Expect(Page.Locator(".signed-in")).ToHaveTextAsync("");
            // The page's first response read the tampered copy its request carried as empty; the circuit then reads
            // the tab's storage, and deletes what it cannot read.
            await Page.WaitForFunctionAsync($"() => sessionStorage.getItem('{BrowserSession.StorageKey}') === null");

            await SaveNameAsync("After Tampering");
            await ExpectSavedAsync();
            await Page.GotoAsync(Url("get-session"));
            await ExpectShownAsync("After Tampering");
        });
}
