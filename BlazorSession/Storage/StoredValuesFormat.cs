using System.Buffers;
using System.Text.Json;

namespace BlazorSession.Storage;

/// <summary>
/// The one JSON document a session is stored as: <c>{"v":1,"values":{"key":value,…}}</c>. One document rather than
/// one entry per key: the circuit reads it in one round trip, its size can be bounded as a whole, and clearing it is
/// one delete. The version lets a later format tell what it reads.
/// </summary>
internal static class StoredValuesFormat
{
    public const int Version = 1;

    /// <summary>The document for <paramref name="values"/>, and its size in bytes as the browser will be sent it.</summary>
    public static (JsonElement Document, int Bytes) Write(IReadOnlyDictionary<string, JsonElement> values)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteNumber("v", Version);
            writer.WriteStartObject("values");
            foreach (var (key, value) in values)
            {
                writer.WritePropertyName(key);
                value.WriteTo(writer);
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        using var document = JsonDocument.Parse(buffer.WrittenMemory);
        return (document.RootElement.Clone(), buffer.WrittenCount);
    }

    /// <summary>The values in <paramref name="document"/>, or <c>null</c> when it is not a document this version wrote.</summary>
    public static Dictionary<string, JsonElement>? Read(JsonElement document)
    {
        if (document.ValueKind != JsonValueKind.Object
            || !document.TryGetProperty("v", out var version) || version.ValueKind != JsonValueKind.Number
            || !version.TryGetInt32(out var number) || number != Version
            || !document.TryGetProperty("values", out var values) || values.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var read = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var property in values.EnumerateObject())
        {
            read[property.Name] = property.Value.Clone();
        }

        return read;
    }
}
