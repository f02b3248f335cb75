namespace BlazorSession.Tests.Cluster;

/// <summary>
/// Cluster tests run on their own, after the others: recovery times measured while other browser tests load the
/// same two cores would measure those tests.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ClusterGroup
{
    public const string Name = "Cluster";
}
