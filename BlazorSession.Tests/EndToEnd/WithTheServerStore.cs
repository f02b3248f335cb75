using BlazorSession.Tests.Infrastructure;

namespace BlazorSession.Tests.EndToEnd;

// The journey, the cart, the sign-in, Keep me signed in and the first response, each test run again with the sessions in
// the server-side store: same pages, same behaviour, the browser holding only ids.

public sealed class JourneyTestsWithTheServerStore(BrowserAppFixture fixture, ServerStoreAppFixture app)
    : JourneyTests(fixture), IClassFixture<ServerStoreAppFixture>
{
    protected override AppServer Server => app.Server;
}

public sealed class CartTestsWithTheServerStore(BrowserAppFixture fixture, ServerStoreAppFixture app)
    : CartTests(fixture), IClassFixture<ServerStoreAppFixture>
{
    protected override AppServer Server => app.Server;
}

public sealed class SignInTestsWithTheServerStore(BrowserAppFixture fixture, ServerStoreAppFixture app)
    : SignInTests(fixture), IClassFixture<ServerStoreAppFixture>
{
    protected override AppServer Server => app.Server;
}

public sealed class KeepSignedInTestsWithTheServerStore(BrowserAppFixture fixture, ServerStoreAppFixture app)
    : KeepSignedInTests(fixture), IClassFixture<ServerStoreAppFixture>
{
    protected override AppServer Server => app.Server;
}

public sealed class FirstResponseTestsWithTheServerStore(BrowserAppFixture fixture, ServerStoreAppFixture app)
    : FirstResponseTests(fixture), IClassFixture<ServerStoreAppFixture>
{
    protected override AppServer Server => app.Server;
}
