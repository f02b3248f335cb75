using BlazorSession.App.Session;
using BlazorSession.Storage;
using BlazorSession.Tests.Fakes;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging;

namespace BlazorSession.Tests.Session;

/// <summary>The name in the session object: saved with its rules, cleared, counted and logged without the name.</summary>
public class UsernameSessionTests
{
    private readonly SessionHarness _browser = new();

    [Fact]
    public async Task Save_StoresTheTrimmedNameForTheTab_AndRaisesChanged()
    {
        var tab = await _browser.OpenLoadedTabAsync();
        var notifications = 0;
        tab.Session.Changed += () => notifications++;

        await tab.Name.SaveAsync("  Ada Lovelace ");

        Assert.Equal("Ada Lovelace", tab.Name.Username);
        Assert.Equal("Ada Lovelace", (await _browser.OpenLoadedTabAsync()).Name.Username);
        Assert.Equal(1, notifications);
    }

    [Fact]
    public async Task Save_WaitsForThePendingRead_SoTheOldNameCannotComeBack()
    {
        await (await _browser.OpenLoadedTabAsync()).Name.SaveAsync("Old");
        _browser.Tab.HoldReads();
        var tab = _browser.OpenTab();
        var load = tab.Session.LoadAsync();

        var save = tab.Name.SaveAsync("New");
        _browser.Tab.ReleaseReads();
        await Task.WhenAll(load, save);

        Assert.Equal("New", tab.Name.Username);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("tab\there")]
    [InlineData("65 characters xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx")]
    public async Task Save_RejectsANameTheRulesRefuse_AndKeepsTheStoredOne(string? input)
    {
        var tab = await _browser.OpenLoadedTabAsync();
        await tab.Name.SaveAsync("Ada");
        var writes = _browser.Tab.WriteCount;

        await Assert.ThrowsAsync<ArgumentException>(() => tab.Name.SaveAsync(input));

        Assert.Equal("Ada", tab.Name.Username);
        Assert.Equal(writes, _browser.Tab.WriteCount);
    }

    [Fact]
    public async Task Save_WhenTheBrowserCannotBeReached_Throws_AndKeepsThePreviousName()
    {
        var tab = await _browser.OpenLoadedTabAsync();
        await tab.Name.SaveAsync("Ada");
        _browser.Tab.Unavailable = true;

        await Assert.ThrowsAsync<BrowserStorageUnavailableException>(() => tab.Name.SaveAsync("Grace"));

        Assert.Equal("Ada", tab.Name.Username);
    }

    [Fact]
    public async Task Clear_RemovesTheName_FromTheTabAndTheBrowser_AndRaisesChanged()
    {
        var tab = await _browser.OpenLoadedTabAsync();
        await tab.Name.SaveAsync("Ada");
        var notifications = 0;
        tab.Session.Changed += () => notifications++;

        await tab.Name.ClearAsync();

        Assert.Null(tab.Name.Username);
        Assert.True(tab.Session.IsLoaded);
        Assert.DoesNotContain(BrowserSession.StorageKey, _browser.Tab.StoredKeys);
        Assert.Equal(1, notifications);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  padded  ")]
    [InlineData("bell\a")]
    [InlineData(42)]
    public async Task AStoredValueTheRulesWouldNotHaveSaved_ReadsAsNoName(object stored)
    {
        var writer = await _browser.OpenLoadedTabAsync();
        await writer.Session.SetAsync(UsernameSession.Key.Name, stored);

        var tab = await _browser.OpenLoadedTabAsync();

        Assert.True(tab.Session.IsLoaded);
        Assert.Null(tab.Name.Username);
    }

    [Fact]
    public async Task AnUnreadableSession_ReadsAsNoName_IsDeleted_AndLoggedOnceWithTheCircuit_ButNotTheName()
    {
        await (await _browser.OpenLoadedTabAsync()).Name.SaveAsync("Secret Sam");
        _browser.Tab.PutUnreadable(BrowserSession.StorageKey);
        var tab = _browser.OpenTab();
        tab.Session.AttachToCircuit("circuit-42");

        await tab.Session.LoadAsync();

        Assert.Null(tab.Name.Username);
        Assert.DoesNotContain(BrowserSession.StorageKey, _browser.Tab.StoredKeys);
        var entry = Assert.Single(_browser.Logger.Collector.GetSnapshot());
        Assert.Equal(LogLevel.Warning, entry.Level);
        Assert.Equal(1, entry.Id.Id);
        Assert.Contains("circuit-42", entry.Message);
        Assert.DoesNotContain("Secret", entry.Message);
    }

    [Fact]
    public async Task AFailedSave_IsLoggedOnceWithTheCircuit_ButNotTheName_AndIsNotCounted()
    {
        using var saved = Collect("blazorsession.session.names_saved");
        var tab = await _browser.OpenLoadedTabAsync();
        tab.Session.AttachToCircuit("circuit-7");
        _browser.Tab.Unavailable = true;

        await Assert.ThrowsAsync<BrowserStorageUnavailableException>(() => tab.Name.SaveAsync("Secret Sam"));

        var entry = Assert.Single(_browser.Logger.Collector.GetSnapshot());
        Assert.Equal(2, entry.Id.Id);
        Assert.Contains("circuit-7", entry.Message);
        Assert.DoesNotContain("Secret", entry.Message);
        Assert.Empty(saved.GetMeasurementSnapshot());
    }

    [Fact]
    public async Task SavesAndClears_AreCounted_WithoutTheName()
    {
        using var saved = Collect("blazorsession.session.names_saved");
        using var cleared = Collect("blazorsession.session.cleared");
        var tab = await _browser.OpenLoadedTabAsync();

        await tab.Name.SaveAsync("Ada");
        await tab.Name.SaveAsync("Grace");
        await tab.Name.ClearAsync();

        Assert.Equal(2, saved.GetMeasurementSnapshot().Sum(measurement => measurement.Value));
        Assert.Equal(1, cleared.GetMeasurementSnapshot().Sum(measurement => measurement.Value));
        Assert.All(saved.GetMeasurementSnapshot(), measurement => Assert.Empty(measurement.Tags));
    }

    [Fact]
    public async Task AnUnreadableSession_IsCountedByItsCauseAndPlace()
    {
        using var unreadable = Collect("blazorsession.session.stored_value_unreadable");
        _browser.Browser.PutUnreadable(BrowserSession.StorageKey);

        await _browser.OpenLoadedTabAsync();

        var measurement = Assert.Single(unreadable.GetMeasurementSnapshot());
        Assert.Equal(1, measurement.Value);
        Assert.True(measurement.Tags.ContainsKey("cause"));
        Assert.Equal("browser", measurement.Tags["store"]);
    }

    private MetricCollector<long> Collect(string instrument) => new(_browser.Meters, SessionMetrics.MeterName, instrument);
}
