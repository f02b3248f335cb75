using System.Runtime.CompilerServices;

namespace BlazorSession.Tests;

/// <summary>
/// bUnit's WaitFor* and event triggers block a thread-pool thread while the renderer's dispatcher runs on another;
/// with test classes running in parallel on a 2-core machine (and CPU burners beside it in CI) the pool grows too
/// slowly, and a wait can time out before its check ever ran (bUnit says so in that failure). Raised once, here.
/// </summary>
internal static class ThreadPoolSetup
{
    [ModuleInitializer]
    internal static void RaiseMinThreads()
    {
        ThreadPool.GetMinThreads(out var workers, out var completionPorts);
        ThreadPool.SetMinThreads(Math.Max(workers, Environment.ProcessorCount * 8), completionPorts);
    }
}
