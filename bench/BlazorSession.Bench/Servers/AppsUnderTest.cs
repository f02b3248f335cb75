using BlazorSession.Tests.Infrastructure;

namespace BlazorSession.Bench.Servers;

/// <summary>What the journey needs to know about an app besides its address.</summary>
/// <param name="Name">Shown in the table: <c>ours</c>, <c>ours@REF</c> or <c>flask</c>.</param>
/// <param name="Server">The running app.</param>
/// <param name="SetPath">The form's route.</param>
internal sealed record AppUnderTest(string Name, LoopbackServer Server, string SetPath)
{
    public const string FlaskName = "flask";

    public bool IsFlask => Name == FlaskName;
}

internal static class AppsUnderTest
{
    private const string Python = "/usr/bin/python3";

    private const string FlaskInstallCommand = "apt-get install -y python3-flask python3-flask-session";

    // The names the app imports, not just the modules: a leftover empty flask_session folder imports as a namespace.
    private const string FlaskImportCheck = "from flask import Flask; from flask_session import Session; print('ok')";

    /// <summary>
    /// Publishes BlazorSession.App in Release from <paramref name="sourceRoot"/> (the working tree, or a git ref
    /// exported to a folder) and runs the publish in Production with its own key directory.
    /// </summary>
    public static async Task<AppUnderTest> StartBlazorAsync(string name, string sourceRoot, RepositoryPaths paths,
        IReadOnlyDictionary<string, string>? settings = null)
    {
        var outputDirectory = Path.Combine(paths.ArtifactsDirectory, name.Replace('@', '-'));
        var publishDirectory = Path.Combine(outputDirectory, "publish");
        var keysDirectory = Path.Combine(outputDirectory, "keys");
        if (Directory.Exists(publishDirectory))
        {
            Directory.Delete(publishDirectory, recursive: true);
        }

        await ChildProcess.RunAsync("dotnet",
            ["publish", Path.Combine(sourceRoot, "BlazorSession.App", "BlazorSession.App.csproj"), "-c", "Release",
                "-o", publishDirectory, "--nologo"],
            sourceRoot);

        var port = LoopbackProcess.FindFreePort();
        var server = await LoopbackServer.StartAsync(port, "set-session", "bash",
            [
                Path.Combine(paths.Root, "deploy", "run-app.sh"), publishDirectory, $"{port}",
                $"DataProtection__KeysPath={keysDirectory}",
                .. (settings ?? new Dictionary<string, string>()).Select(setting => $"{setting.Key}={setting.Value}"),
            ],
            publishDirectory, new Dictionary<string, string>());
        return new AppUnderTest(name, server, "set-session");
    }

    /// <summary>Exports <paramref name="gitRef"/> of the repository into the artifacts folder (no worktree is created).</summary>
    public static async Task<string> ExportRevisionAsync(string gitRef, RepositoryPaths paths)
    {
        var directory = Path.Combine(paths.ArtifactsDirectory, "source-" + string.Concat(gitRef.Select(
            c => char.IsLetterOrDigit(c) ? c : '-')));
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }

        Directory.CreateDirectory(directory);
        var archive = Path.Combine(directory, "source.tar");
        await ChildProcess.RunAsync("git", ["archive", "--format=tar", "-o", archive, gitRef], paths.Root);
        await ChildProcess.RunAsync("tar", ["-xf", archive], directory);
        File.Delete(archive);
        return directory;
    }

    /// <summary>
    /// Makes sure Debian's Flask and Flask-Session can be imported by <c>/usr/bin/python3</c>, installing them as
    /// test.sh installs what the tests need (as root, with apt-get), or fails saying how: called before anything is
    /// published, so a machine without them learns it at once rather than after minutes of work.
    /// </summary>
    public static async Task RequireFlaskAsync(RepositoryPaths paths)
    {
        if (!File.Exists(paths.FlaskApp))
        {
            throw new FileNotFoundException($"The journey's Flask app is missing from the repository: {paths.FlaskApp}.");
        }

        if (!await HasFlaskAsync() && Environment.UserName == "root" && File.Exists("/usr/bin/apt-get"))
        {
            await ChildProcess.RunAsync("apt-get", ["update", "-qq"], paths.Root);
            await ChildProcess.RunAsync("apt-get", ["install", "-y", "-qq", "python3-flask", "python3-flask-session"], paths.Root);
        }

        if (!await HasFlaskAsync())
        {
            throw new InvalidOperationException(
                $"The journey runs the tutorial's Flask app with {Python}, which cannot import flask and flask_session. "
                + $"Install Debian's packages: {FlaskInstallCommand} (or run with --no-journey).");
        }
    }

    private static async Task<bool> HasFlaskAsync() =>
        File.Exists(Python) && await ChildProcess.ReadAsync(Python, ["-c", FlaskImportCheck], "/") == "ok";

    /// <summary>The tutorial's Flask app (<c>bench/flask/session_app.py</c>); see <see cref="RequireFlaskAsync"/>.</summary>
    public static async Task<AppUnderTest> StartFlaskAsync(RepositoryPaths paths)
    {
        var sessionDirectory = Path.Combine(paths.ArtifactsDirectory, "flask", "sessions");
        Directory.CreateDirectory(sessionDirectory);
        var port = LoopbackProcess.FindFreePort();
        var server = await LoopbackServer.StartAsync(port, "set_session", Python,
            [paths.FlaskApp, port.ToString(System.Globalization.CultureInfo.InvariantCulture), sessionDirectory],
            paths.Root, new Dictionary<string, string>());
        return new AppUnderTest(AppUnderTest.FlaskName, server, "set_session");
    }
}
