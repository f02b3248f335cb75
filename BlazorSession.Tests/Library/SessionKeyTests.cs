using Microsoft.Extensions.DependencyInjection;

namespace BlazorSession.Tests.Library;

public class SessionKeyTests
{
    private static readonly SessionKey<int> Visits = new("visits");

    [Fact]
    public async Task ATypedKey_ReadsAndWritesTheSameValueAsItsName()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddInMemoryBrowserSession();
        await using var provider = services.BuildServiceProvider();
        var session = provider.GetRequiredService<BrowserSession>();

        await session.SetAsync(Visits, 2);
        await session.UpdateAsync(Visits, visits => visits + 1);

        Assert.Equal(3, session.Get(Visits));
        Assert.Equal(3, session.Get<int>("visits"));
        Assert.True(session.TryGet(Visits, out var read) && read == 3);
        Assert.True(session.ContainsKey(Visits));
        Assert.True(await session.RemoveAsync(Visits));
        Assert.False(session.ContainsKey(Visits));
    }

    [Theory]
    [InlineData("")]
    [InlineData("bad\tkey")]
    public void ATypedKey_FollowsTheKeyRules(string name) =>
        Assert.ThrowsAny<ArgumentException>(() => new SessionKey<string>(name));
}
