namespace BlazorSession.Tests.Http;

/// <summary>
/// Tests that read process-wide counters (the collector's): they run with no other test beside them, since any
/// test's allocations can start a collection the counter would then show.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class WholeProcessGroup
{
    public const string Name = "Whole process";
}
