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
        var environment = new Dictionary<string, string>(settings ?? new Dictionary<string, string>())
        {
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["DataProtection__KeysPath"] = keysDirectory,
        };
        var server = await LoopbackServer.StartAsync(port, "set-session", "dotnet",
            [Path.Combine(publishDirectory, "BlazorSession.App.dll")], publishDirectory, environment);
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

    /// <summary>The tutorial's Flask app, with Debian's python3-flask and python3-flask-session (installed when missing).</summary>
    public static async Task<AppUnderTest> StartFlaskAsync(RepositoryPaths paths)
    {
        const string Python = "/usr/bin/python3";
        if (!File.Exists(paths.FlaskApp))
        {
            throw new FileNotFoundException($"The Flask anchor app is expected at {paths.FlaskApp}.");
        }

        if (!await HasFlaskAsync(Python))
        {
            await ChildProcess.RunAsync("apt-get", ["update", "-qq"], paths.Root);
            await ChildProcess.RunAsync("apt-get", ["install", "-y", "-qq", "python3-flask", "python3-flask-session"],
                paths.Root);
        }

        var sessionDirectory = Path.Combine(paths.ArtifactsDirectory, "flask", "sessions");
        Directory.CreateDirectory(sessionDirectory);
        var port = LoopbackProcess.FindFreePort();
        var server = await LoopbackServer.StartAsync(port, "set_session", Python,
            [paths.FlaskApp, port.ToString(System.Globalization.CultureInfo.InvariantCulture), sessionDirectory],
            paths.Root, new Dictionary<string, string>());
        return new AppUnderTest(AppUnderTest.FlaskName, server, "set_session");
    }

    private static async Task<bool> HasFlaskAsync(string python) =>
        await ChildProcess.ReadAsync(python, ["-c", "import flask, flask_session; print('ok')"], "/") == "ok";
}
