using Microsoft.Playwright;

namespace BlazorSession.Tests.Infrastructure;

/// <summary>
/// Launches Chromium through Playwright, preferring the system's: Playwright's own browser download cannot reach its
/// servers from the machines CI runs on, so there the browser comes from the OS (Debian's <c>chromium</c> package).
/// </summary>
public static class Chromium
{
    public const string PathVariable = "BLAZORSESSION_CHROMIUM";

    private static readonly string[] UsualPaths =
    [
        "/usr/bin/chromium",
        "/usr/bin/chromium-browser",
        "/usr/bin/google-chrome",
        "/usr/bin/google-chrome-stable",
    ];

    // No sandbox because CI runs as root; the rest keeps Chromium from reaching for Google's services, which a
    // closed network refuses (slowly, and many times over).
    private static readonly string[] Arguments =
    [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
    ];

    /// <summary>
    /// Playwright's own switches that make the browser work unlike the one people use. Without the back-forward cache
    /// Chromium keeps a cross-site navigation in the page's browsing context group, so that a page sending
    /// Cross-Origin-Opener-Policy is committed in a second new process, started only once its response is in
    /// (bench/README.md, "What moved what").
    /// </summary>
    private static readonly string[] AutomationOnlyDefaults = ["--disable-back-forward-cache"];

    /// <summary>
    /// Launches the browser <see cref="FindSystemExecutable"/> finds or, when there is none, the one Playwright's
    /// own installer downloads (where it can reach its servers), with the usual switches and any
    /// <paramref name="extraArguments"/>. Tests keep Playwright's defaults; a benchmark of what people wait for asks
    /// for the browser <paramref name="asPeopleHaveIt"/>.
    /// </summary>
    public static async Task<IBrowser> LaunchAsync(IPlaywright playwright, IEnumerable<string>? extraArguments = null,
        bool asPeopleHaveIt = false)
    {
        var executable = FindSystemExecutable();
        try
        {
            return await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = executable,
                Args = [.. Arguments, .. extraArguments ?? []],
                IgnoreDefaultArgs = asPeopleHaveIt ? AutomationOnlyDefaults : null,
                Headless = true,
            });
        }
        catch (PlaywrightException exception) when (executable is null)
        {
            throw new InvalidOperationException(
                "No Chromium found. On Debian or Ubuntu run: sudo apt-get install -y chromium. Elsewhere run "
                + "pwsh BlazorSession.Tests/bin/Release/net10.0/playwright.ps1 install chromium, or install Chrome or "
                + $"Chromium and set {PathVariable} to its path.", exception);
        }
    }

    /// <summary>The browser named by <see cref="PathVariable"/>, else the first of the usual paths, else <c>null</c>.</summary>
    public static string? FindSystemExecutable()
    {
        var configured = Environment.GetEnvironmentVariable(PathVariable);
        if (!string.IsNullOrEmpty(configured))
        {
            return File.Exists(configured)
                ? configured
                : throw new FileNotFoundException($"{PathVariable} points to {configured}, which does not exist.");
        }

        return UsualPaths.FirstOrDefault(File.Exists);
    }
}
