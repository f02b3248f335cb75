using System.Collections.Concurrent;
using System.Diagnostics;

namespace BlazorSession.Bench.Servers;

/// <summary>Runs a command to completion, or starts a server and stops exactly that process (and its children) by id.</summary>
internal static class ChildProcess
{
    public static async Task RunAsync(string fileName, IEnumerable<string> arguments, string workingDirectory,
        CancellationToken cancellationToken = default)
    {
        using var process = Start(fileName, arguments, workingDirectory, new Dictionary<string, string>(), out var output);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"'{fileName} {string.Join(' ', process.StartInfo.ArgumentList)}' exited with {process.ExitCode}:"
                + $"{Environment.NewLine}{string.Join(Environment.NewLine, output.TakeLast(40))}");
        }
    }

    public static async Task<string> ReadAsync(string fileName, IEnumerable<string> arguments, string workingDirectory)
    {
        using var process = Start(fileName, arguments, workingDirectory, new Dictionary<string, string>(), out var output);
        await process.WaitForExitAsync();
        return process.ExitCode == 0 ? string.Join('\n', output).Trim() : "";
    }

    public static Process Start(string fileName, IEnumerable<string> arguments, string workingDirectory,
        IReadOnlyDictionary<string, string> environment, out ConcurrentQueue<string> output)
    {
        var startInfo = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            startInfo.Environment[name] = value;
        }

        var lines = new ConcurrentQueue<string>();
        var process = new Process { StartInfo = startInfo };
        // Servers log every request; the pipes must be drained or the server blocks on a full pipe.
        process.OutputDataReceived += (_, e) => Keep(lines, e.Data);
        process.ErrorDataReceived += (_, e) => Keep(lines, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        output = lines;
        return process;
    }

    private static void Keep(ConcurrentQueue<string> lines, string? line)
    {
        if (line is null)
        {
            return;
        }

        lines.Enqueue(line);
        while (lines.Count > 200)
        {
            lines.TryDequeue(out _);
        }
    }
}
