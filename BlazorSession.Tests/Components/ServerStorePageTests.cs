using BlazorSession.App.Components.Pages;

namespace BlazorSession.Tests.Components;

/// <summary>The pages of an app set up with the server-side store say that the store, too, may be what is away.</summary>
public class ServerStorePageTests() : SessionComponentTestContext(serverStore: true)
{
    [Fact]
    public void AnUnreadableSession_SaysTheTabOrTheSessionStoreWasAway()
    {
        Store.Unavailable = true;

        var cut = Render<GetSession>();

        cut.WaitForAssertion(() => Assert.Equal(
            "The session could not be read because the connection to this tab or to the session store was interrupted. Try again",
            string.Join(' ', cut.Find("#result").TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))));
    }
}
