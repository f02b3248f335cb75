using System.Buffers;
using System.Text.Json;

namespace BlazorSession.Storage;

/// <summary>
/// The one JSON document a session is stored as: <c>{"v":1,"values":{"key":value,…}}</c>, and for a permanent session
/// also <c>"expires"</c>, the instant (by the server's clock) after which it reads as ended. One document rather than
/// one entry per key: the circuit reads it in one round trip, its size can be bounded as a whole, and clearing it is
/// one delete. The version lets a later format tell what it reads; the expiry is inside the protected payload, so
/// the browser cannot extend it.
/// </summary>
internal static class StoredValuesFormat
{
    public const int Version = 1;

    /// <summary>The document for <paramref name="values"/>, and its size in bytes as the browser will be sent it.</summary>
    public static (JsonElement Document, int Bytes) Write(IReadOnlyDictionary<string, JsonElement> values,
        DateTimeOffset? expires = null)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteNumber("v", Version);
            if (expires is { } instant)
            {
                writer.WriteString("expires", instant);
            }

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

    /// <summary>
    /// The values and expiry in <paramref name="document"/>, or <c>null</c> when it is not a document this version
    /// wrote.
    /// </summary>
    public static StoredValues? Read(JsonElement document)
    {
        if (document.ValueKind != JsonValueKind.Object
            || !document.TryGetProperty("v", out var version) || version.ValueKind != JsonValueKind.Number
            || !version.TryGetInt32(out var number) || number != Version
            || !document.TryGetProperty("values", out var values) || values.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        DateTimeOffset? expires = null;
        if (document.TryGetProperty("expires", out var expiry))
        {
            if (expiry.ValueKind != JsonValueKind.String || !expiry.TryGetDateTimeOffset(out var instant))
            {
                return null;
            }

            expires = instant;
        }

        var read = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var property in values.EnumerateObject())
        {
            read[property.Name] = property.Value.Clone();
        }

        return new StoredValues(read, expires);
    }
}

/// <summary>What a stored document holds: its values, and for a permanent session when it ends.</summary>
internal sealed record StoredValues(Dictionary<string, JsonElement> Values, DateTimeOffset? Expires);
