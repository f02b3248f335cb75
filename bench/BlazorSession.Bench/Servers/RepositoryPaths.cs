namespace BlazorSession.Bench.Servers;

/// <summary>Where things are, found from the repository root (the folder holding <c>BlazorSession.sln</c>).</summary>
internal sealed class RepositoryPaths
{
    private RepositoryPaths(string root) => Root = root;

    public string Root { get; }

    public string BenchDirectory => Path.Combine(Root, "bench");

    /// <summary>Published apps, data-protection keys and BenchmarkDotNet output: never committed.</summary>
    public string ArtifactsDirectory => Path.Combine(BenchDirectory, "artifacts");

    /// <summary>The tutorial's Flask app, written for this repository (<c>bench/flask/session_app.py</c>).</summary>
    public string FlaskApp => Path.Combine(BenchDirectory, "flask", "session_app.py");

    public static RepositoryPaths Find()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "BlazorSession.sln")))
                {
                    return new RepositoryPaths(directory.FullName);
                }
            }
        }

        throw new InvalidOperationException("Run the benchmark from inside the repository: BlazorSession.sln was not found.");
    }
}
