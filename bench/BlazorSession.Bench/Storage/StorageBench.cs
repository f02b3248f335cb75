using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using BlazorSession.Bench.FirstRender;
using BlazorSession.Bench.Reporting;
using BlazorSession.Bench.Servers;
using Spectre.Console;

namespace BlazorSession.Bench.Storage;

/// <summary>Runs <see cref="StorageBenchmarks"/> and <see cref="FirstRenderBenchmarks"/> in this process (no generated project to build) and keeps mean and allocations.</summary>
internal static class StorageBench
{
    public static IReadOnlyList<StorageResult> Run(RepositoryPaths paths)
    {
        var artifacts = Path.Combine(paths.ArtifactsDirectory, "benchmarkdotnet");
        Directory.CreateDirectory(artifacts);
        var logPath = Path.Combine(artifacts, "run.log");
        using var log = new StreamLogger(logPath, append: false);
        var config = ManualConfig.CreateEmpty()
            .AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithWarmupCount(3).WithIterationCount(15))
            .AddDiagnoser(MemoryDiagnoser.Default)
            .AddColumnProvider(DefaultColumnProviders.Instance)
            .AddLogger(log)
            .WithArtifactsPath(artifacts);

        var summaries = AnsiConsole.Status().Start(
            $"BenchmarkDotNet: save and read through the storage path, a static page's request (log: {logPath})",
            _ => BenchmarkRunner.Run([typeof(StorageBenchmarks), typeof(FirstRenderBenchmarks)], config));
        return [.. summaries.SelectMany(summary => summary.Reports).Select(report => new StorageResult(
            report.BenchmarkCase.Descriptor.WorkloadMethod.Name,
            report.ResultStatistics?.Mean ?? double.NaN,
            report.ResultStatistics?.Median ?? double.NaN,
            report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase)))];
    }
}
