using Microsoft.Playwright;

namespace BlazorSession.Tests.Infrastructure;

/// <summary>
/// Launches the system's Chromium through Playwright. Playwright's own browser download cannot reach its servers
/// from the machines this runs on, so the browser comes from the OS (Debian's <c>chromium</c> package).
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

    public static Task<IBrowser> LaunchAsync(IPlaywright playwright) =>
        playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = FindExecutable(),
            Args = Arguments,
            Headless = true,
        });

    public static string FindExecutable()
    {
        var configured = Environment.GetEnvironmentVariable(PathVariable);
        if (!string.IsNullOrEmpty(configured))
        {
            return File.Exists(configured)
                ? configured
                : throw new FileNotFoundException($"{PathVariable} points to {configured}, which does not exist.");
        }

        return UsualPaths.FirstOrDefault(File.Exists)
            ?? throw new FileNotFoundException(
                "No Chromium found. On Debian or Ubuntu run: sudo apt-get install -y chromium. Elsewhere install "
                + $"Chrome or Chromium and set {PathVariable} to its path.");
    }
}
