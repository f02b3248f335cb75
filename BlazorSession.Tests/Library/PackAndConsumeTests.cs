using System.Collections.Concurrent;
using System.Diagnostics;
using BlazorSession.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BlazorSession.Tests.Library;

/// <summary>
/// What a developer does with the package: pack it into a folder, create a Blazor Server app from the SDK's template,
/// add the package from that folder, add the one line and a page that stores a typed value, publish, run, and use
/// the page in Chromium. Nothing of this repository but the packages reaches the app.
/// </summary>
[Trait("Category", "E2E")]
public sealed class PackAndConsumeTests : IAsyncLifetime
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(5);

    // A version no earlier run packed, so the restore cannot take a stale copy from the machine's package cache.
    private readonly string _version = $"0.1.0-test.{DateTime.UtcNow:yyyyMMddHHmmssfff}";
    // Outside the repository, so none of its build props or central package versions reach the app.
    private readonly string _root = Directory.CreateTempSubdirectory("blazorsession-consumer-").FullName;
    private readonly ConcurrentQueue<string> _appOutput = new();
    private Process? _app;

    private const string Page = """
        @page "/visits"
        @rendermode InteractiveServer
        @inject BrowserSession Session
        @implements IDisposable

        <h1>Visits</h1>
        @if (Session.Get<Visit>("visit") is { } visit)
        {
            <p id="count">Visits: @visit.Count</p>
        }
        else
        {
            <p id="count">@(Session.IsLoaded ? "No visits" : "Loading…")</p>
        }
        <button type="button" disabled="@(!Session.IsLoaded)" @onclick="CountAsync">Count</button>
        <button type="button" disabled="@(!Session.IsLoaded)" @onclick="() => Session.SetPermanentAsync(true)">Keep</button>
        <p id="permanent">@(Session.IsPermanent ? "Kept" : "This tab only")</p>
        <a href="other">Other page</a>

        @code {
            public sealed record Visit(int Count, DateTimeOffset Last);

            protected override void OnInitialized() => Session.Changed += OnChanged;

            protected override Task OnAfterRenderAsync(bool firstRender) => firstRender ? Session.LoadAsync() : Task.CompletedTask;

            private Task CountAsync() =>
                Session.UpdateAsync<Visit>("visit", visit => new Visit((visit?.Count ?? 0) + 1, DateTimeOffset.UtcNow));

            private void OnChanged() => InvokeAsync(StateHasChanged);

            public void Dispose() => Session.Changed -= OnChanged;
        }
        """;

    private const string OtherPage = """
        @page "/other"
        @rendermode InteractiveServer
        <h1>Other</h1>
        <a href="visits">Back to visits</a>
        """;

    public Task InitializeAsync() => Task.CompletedTask;

    [Fact]
    public async Task APackedSession_InANewTemplateApp_KeepsATypedValue_AcrossNavigationAndReload()
    {
        var feed = Path.Combine(_root, "feed");
        var repository = AppServer.FindRepositoryRoot();
        foreach (var project in new[] { "BlazorSession", "BlazorSession.Testing" })
        {
            await RunAsync(_root, "dotnet", "pack", Path.Combine(repository, project), "-c", "Release", "-o", feed,
                $"-p:PackageVersion={_version}");
        }

        using (var package = System.IO.Compression.ZipFile.OpenRead(Path.Combine(feed, $"BlazorSession.{_version}.nupkg")))
        {
            // Its README, XML docs and the assembly whose nullable annotations the compiler reads.
            var entries = package.Entries.Select(entry => entry.FullName).ToHashSet();
            Assert.Contains("README.md", entries);
            Assert.Contains("lib/net10.0/BlazorSession.xml", entries);
            Assert.Contains("lib/net10.0/BlazorSession.dll", entries);
            Assert.Contains("staticwebassets/blazor-session.js", entries);
        }

        Assert.True(File.Exists(Path.Combine(feed, $"BlazorSession.Testing.{_version}.nupkg")));
        var app = Path.Combine(_root, "ConsumerApp");
        await RunAsync(_root, "dotnet", "new", "blazor", "--interactivity", "Server", "--empty", "-o", app, "-n", "ConsumerApp");
        await File.WriteAllTextAsync(Path.Combine(app, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="local" value="{feed}" />
              </packageSources>
            </configuration>
            """);
        await RunAsync(app, "dotnet", "add", "package", "BlazorSession", "--version", _version);
        await AddTheOneLineAsync(Path.Combine(app, "Program.cs"));
        await File.AppendAllTextAsync(Path.Combine(app, "Components", "_Imports.razor"), "@using BlazorSession\n");
        await File.WriteAllTextAsync(Path.Combine(app, "Components", "Pages", "Visits.razor"), Page);
        await File.WriteAllTextAsync(Path.Combine(app, "Components", "Pages", "Other.razor"), OtherPage);
        var published = Path.Combine(_root, "published");
        await RunAsync(app, "dotnet", "publish", "-c", "Release", "-o", published);
        var url = StartPublishedApp(published);
        await LoopbackProcess.WaitUntilAnsweringAsync(new Uri(url, "visits"), _app!, () => _appOutput, CommandTimeout);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(url, "visits").ToString());
        var count = page.Locator("#count");
        var button = page.GetByRole(AriaRole.Button, new() { Name = "Count" });
        await Expect(count).ToHaveTextAsync("No visits");
        await button.ClickAsync();
        await button.ClickAsync();
        await Expect(count).ToHaveTextAsync("Visits: 2");

        await page.GetByRole(AriaRole.Link, new() { Name = "Other page" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Back to visits" }).ClickAsync();
        await Expect(count).ToHaveTextAsync("Visits: 2");

        await page.ReloadAsync();
        await Expect(count).ToHaveTextAsync("Visits: 2");
        await Expect(button).ToBeEnabledAsync();
        // One entry, protected: base64url ciphertext, not the JSON of the value.
        var stored = await page.EvaluateAsync<string>("() => JSON.stringify(Object.values(sessionStorage))");
        Assert.Matches("^\\[\"[A-Za-z0-9_-]+\"\\]$", stored);

        // Made permanent, the session is shared by a new tab of the browser, and an open tab follows its changes.
        await page.GetByRole(AriaRole.Button, new() { Name = "Keep" }).ClickAsync();
        await Expect(page.Locator("#permanent")).ToHaveTextAsync("Kept");
        var other = await context.NewPageAsync();
        await other.GotoAsync(new Uri(url, "visits").ToString());
        await Expect(other.Locator("#count")).ToHaveTextAsync("Visits: 2");
        await other.GetByRole(AriaRole.Button, new() { Name = "Count" }).ClickAsync();
        await Expect(other.Locator("#count")).ToHaveTextAsync("Visits: 3");
        await page.BringToFrontAsync();
        await Expect(count).ToHaveTextAsync("Visits: 3");
    }

    private static async Task AddTheOneLineAsync(string programFile)
    {
        const string anchor = ".AddInteractiveServerComponents();";
        var program = await File.ReadAllTextAsync(programFile);
        Assert.Contains(anchor, program);
        await File.WriteAllTextAsync(programFile,
            program.Replace(anchor, anchor + "\nbuilder.Services.AddBrowserSession();", StringComparison.Ordinal));
    }

    private Uri StartPublishedApp(string published)
    {
        var url = new Uri($"http://127.0.0.1:{LoopbackProcess.FindFreePort()}/");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = published,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(published, "ConsumerApp.dll"));
        start.Environment["ASPNETCORE_URLS"] = url.ToString().TrimEnd('/');
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        _app = Process.Start(start)!;
        _app.OutputDataReceived += (_, line) => Record(line.Data);
        _app.ErrorDataReceived += (_, line) => Record(line.Data);
        _app.BeginOutputReadLine();
        _app.BeginErrorReadLine();
        return url;
    }

    private void Record(string? line)
    {
        if (line is not null)
        {
            _appOutput.Enqueue(line);
        }
    }

    private static async Task RunAsync(string directory, string fileName, params string[] arguments)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(CommandTimeout);
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0,
            $"{fileName} {string.Join(' ', arguments)} exited with {process.ExitCode}:\n{await output}\n{await errors}");
    }

    public Task DisposeAsync()
    {
        if (_app is { HasExited: false })
        {
            _app.Kill(entireProcessTree: true);
            _app.WaitForExit();
        }

        _app?.Dispose();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A temp directory left behind is harmless; failing the run over it is not.
        }

        return Task.CompletedTask;
    }
}
