using System.Text.Json;

namespace BlazorSession.Plot;

/// <summary>The part of the load generator's report this tool draws (field names as the generator writes them).</summary>
internal sealed record TimelineFile(IReadOnlyList<TimelineFile.Entry> Entries)
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    public static async Task<TimelineFile> ReadAsync(string path)
    {
        await using var file = File.OpenRead(path);
        var report = await JsonSerializer.DeserializeAsync<Report>(file, JsonOptions)
            ?? throw new InvalidDataException($"{path} is not a load report.");
        return new TimelineFile(report.Timeline ?? []);
    }

    internal sealed record Entry(
        double Seconds,
        string Phase,
        long? ManagedBytesAfterCollection,
        long? RssBytes,
        long? CircuitsOpen,
        IReadOnlyDictionary<string, double> P99);

    private sealed record Report(IReadOnlyList<Entry>? Timeline);
}
