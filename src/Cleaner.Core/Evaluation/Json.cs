using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Cleaner.Core.Evaluation;

/// <summary>Small helpers for the loosely typed JSON of gold files, predictions and reports
/// (Python-dict semantics: a key that is absent, null or of another type reads as null).</summary>
public static class Json
{
    public static string? Str(JsonObject? o, string key) =>
        o != null && o.TryGetPropertyValue(key, out var n) && n is JsonValue v && v.GetValueKind() == JsonValueKind.String
            ? v.GetValue<string>() : null;

    public static JsonArray? Arr(JsonObject? o, string key) =>
        o != null && o.TryGetPropertyValue(key, out var n) ? n as JsonArray : null;

    public static bool Has(JsonObject? o, string key) => o != null && o.ContainsKey(key);

    public static bool IsTrue(JsonObject? o, string key) =>
        o != null && o.TryGetPropertyValue(key, out var n) && n is JsonValue v && v.GetValueKind() switch
        {
            JsonValueKind.True => true,
            JsonValueKind.String => v.GetValue<string>().Length > 0,
            JsonValueKind.Number => v.GetValue<double>() != 0,
            _ => false,
        };

    /// <summary>Python str(x) for a JSON scalar (strings as themselves).</summary>
    public static string PyStr(JsonNode? n) => n switch
    {
        null => "None",
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        JsonValue v when v.GetValueKind() == JsonValueKind.True => "True",
        JsonValue v when v.GetValueKind() == JsonValueKind.False => "False",
        _ => n.ToJsonString(),
    };

    /// <summary>Reads a JSONL file into objects; a line that is not a JSON object is an error with its line number.</summary>
    public static List<JsonObject> ReadLines(string path)
    {
        var rows = new List<JsonObject>();
        int ln = 0;
        foreach (var line in File.ReadLines(path, Encoding.UTF8))
        {
            ln++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            JsonNode? node;
            try { node = JsonNode.Parse(line); }
            catch (JsonException e) { throw new InvalidDataException($"{path}:{ln}: invalid JSON: {e.Message}"); }
            if (node is not JsonObject o) throw new InvalidDataException($"{path}:{ln}: not a JSON object");
            rows.Add(o);
        }
        return rows;
    }

    private static readonly JsonWriterOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonWriterOptions Indented = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = true };

    /// <summary>Serialises a node without reflection (the library is AOT-compatible).</summary>
    public static string Write(JsonNode node, bool indented = false)
    {
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms, indented ? Indented : Compact)) node.WriteTo(w);
        return Encoding.UTF8.GetString(ms.ToArray());
    }

    /// <summary>A number node as double, whether parsed or built from an int/long/double.</summary>
    public static double? Num(JsonNode? n)
    {
        if (n is not JsonValue v || v.GetValueKind() != JsonValueKind.Number) return null;
        if (v.TryGetValue<double>(out var d)) return d;
        if (v.TryGetValue<int>(out var i)) return i;
        if (v.TryGetValue<long>(out var l)) return l;
        return null;
    }

    /// <summary>Follows a dotted path ("by_source.readability.body.f1") through nested objects.</summary>
    public static JsonNode? AtPath(JsonNode? root, string path)
    {
        var node = root;
        foreach (var part in path.Split('.'))
        {
            if (node is not JsonObject o || !o.TryGetPropertyValue(part, out node)) return null;
        }
        return node;
    }
}
