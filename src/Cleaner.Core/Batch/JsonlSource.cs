using System.Text.Json;
using Cleaner.Core.Input;
using Cleaner.Core.Model;

namespace Cleaner.Core.Batch;

/// <summary>Which fields of a JSONL record hold the page, its id and its URL.</summary>
public sealed record JsonlFields(string Html = "html", string Text = "text", string Id = "id", string Url = "url");

/// <summary>Reads a JSONL corpus: one record a line with the page in a field (HTML in <c>html</c> or a text
/// dump in <c>text</c>); every other field passes through to the output record. A line that is not a JSON
/// object, or has no page field, becomes an error item, not a stop.</summary>
public static class JsonlSource
{
    /// <summary>Output fields that an input field of the same name would collide with; such input fields pass
    /// through as <c>input_NAME</c>.</summary>
    private static readonly HashSet<string> OutputFields = new(StringComparer.Ordinal)
    {
        "id", "source", "url", "title", "authors", "contributors", "byline", "dateline", "agency", "date",
        "language", "images", "text", "paragraphs", "removed", "stats", "error",
    };

    /// <param name="sourceName">the file's path, or "stdin".</param>
    public static IEnumerable<BatchItem> Read(Stream stream, string sourceName, JsonlFields fields, long maxBytes)
    {
        bool isStream = sourceName == "stdin";
        var reader = new ByteLineReader(stream);
        long lineNo = 0;
        // A line carries the page JSON-escaped: allow for the escaping before calling it too large.
        long maxLine = maxBytes > long.MaxValue / 4 ? long.MaxValue : maxBytes * 2 + 4096;
        while (true)
        {
            long before = reader.Position;
            if (!reader.TryReadLine(maxLine, out var line, out bool tooLong)) yield break;
            lineNo++;
            // Records from a stream (stdin) have no stable position: a mapper sees one split of the corpus, so
            // "stdin:N" would differ from a single run's; their source is their URL.
            string? source = isStream ? null : $"{sourceName}:{lineNo}";
            var fallbackId = $"{Path.GetFileName(sourceName)}:{lineNo}";
            long bytes = reader.Position - before;
            if (tooLong)
            {
                yield return BatchItem.Failed(fallbackId, source,
                    new InputTooLargeException($"record is over {maxLine} bytes (--max-bytes {maxBytes})"), bytes);
                continue;
            }
            if (IsBlank(line)) { lineNo--; continue; }   // blank lines are not records (and do not count)
            yield return Parse(line, source, fallbackId, fields, bytes);
        }
    }

    private static bool IsBlank(ReadOnlyMemory<byte> line) => line.Span.TrimStart(" \t\r"u8).IsEmpty;

    public static BatchItem Parse(ReadOnlyMemory<byte> line, string? source, string fallbackId, JsonlFields fields, long bytes)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(line);
        }
        catch (JsonException e)
        {
            return BatchItem.Failed(fallbackId, source, new BatchInputException("invalid-json", "not a JSON record: " + e.Message), bytes);
        }
        using (doc)
        {
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
                return BatchItem.Failed(fallbackId, source, new BatchInputException("invalid-json", "the line is not a JSON object"), bytes);
            string id = fallbackId;
            string? url = null, html = null, text = null;
            var extra = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
            try
            {
                foreach (var p in doc.RootElement.EnumerateObject())
                {
                    if (p.Name == fields.Id && p.Value.ValueKind is JsonValueKind.String or JsonValueKind.Number)
                        id = p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : p.Value.GetRawText();
                    else if (p.Name == fields.Url && p.Value.ValueKind == JsonValueKind.String)
                        url = p.Value.GetString();
                    else if (p.Name == fields.Html && p.Value.ValueKind == JsonValueKind.String)
                        html = p.Value.GetString();
                    else if (p.Name == fields.Text && p.Value.ValueKind == JsonValueKind.String)
                        text = p.Value.GetString();
                    else
                        extra[OutputFields.Contains(p.Name) ? "input_" + p.Name : p.Name] = p.Value.Clone();
                }
            }
            catch (InvalidOperationException e)
            {
                // Valid JSON whose string holds an unpaired surrogate escape ("\ud800"): no string can be made of it,
                // and the exception would end the whole run.
                return BatchItem.Failed(fallbackId, source, new BatchInputException("invalid-json", "not a JSON record: " + e.Message), bytes);
            }
            var extraOrNull = extra.Count > 0 ? extra : null;
            source ??= url;
            if (html == null && text == null)
                return new BatchItem
                {
                    Id = id, Source = source, Url = url, Extra = extraOrNull, Bytes = bytes,
                    Load = () => throw new BatchInputException("missing-field", $"the record has no \"{fields.Html}\" or \"{fields.Text}\" string field"),
                };
            var input = new InputDocument
            {
                Id = id, Source = source, Url = url, Text = html ?? text,
                Format = html != null ? InputFormat.Html : InputFormat.TextDump,
            };
            return new BatchItem { Id = id, Source = source, Url = url, Extra = extraOrNull, Bytes = bytes, Load = () => input };
        }
    }
}

/// <summary>A record of a corpus that cannot be cleaned (bad JSON, a missing field, a malformed WARC record).</summary>
public sealed class BatchInputException(string kind, string message) : UnreadableInputException(message)
{
    public override string Kind => kind;
}
