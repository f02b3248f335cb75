namespace BlazorSession.Tests.EndToEnd;

/// <summary>
/// Browser tests run one at a time on one shared app and browser: on a 2-core machine, parallel browsers only
/// make each other slow and flaky, and starting Chromium and the app once is most of the saving.
/// </summary>
[CollectionDefinition(Name)]
public sealed class EndToEndGroup : ICollectionFixture<BrowserAppFixture>
{
    public const string Name = "End-to-end";
}
