using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;

namespace BlazorSession.Tests.Fakes;

/// <summary>The framework's own meter factory, for code that counts; a test reads it with MetricCollector.</summary>
internal static class TestMeters
{
    public static IMeterFactory CreateFactory() =>
        new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<IMeterFactory>();
}
