using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Cleaner.Core.Model;

namespace Cleaner.Core.Output;

public enum OutputFormat { Text, Json, Jsonl, Markdown }

/// <summary>Renders a cleaned document as text, JSON/JSONL or Markdown.</summary>
public static class Writers
{
    private static readonly JsonSerializerOptions Compact = new(CleanerJsonContext.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // keep é, 中 readable; still valid JSON
    };
    private static readonly JsonSerializerOptions Indented = new(Compact) { WriteIndented = true };
    private static readonly CleanerJsonContext CompactContext = new(Compact);
    private static readonly CleanerJsonContext IndentedContext = new(Indented);

    public static string Json(ArticleRecord record, bool indented = false) =>
        JsonSerializer.Serialize(record, (indented ? IndentedContext : CompactContext).ArticleRecord);

    // One buffer and writer per worker thread: a record is serialised straight to UTF-8 (no UTF-16 string to encode
    // again on the writing thread), and the only allocation is the finished line.
    [ThreadStatic] private static ArrayBufferWriter<byte>? t_buffer;
    [ThreadStatic] private static Utf8JsonWriter? t_compact, t_indented;

    /// <summary>The record as one UTF-8 JSON text ending with '\n': the same bytes as <see cref="Json"/> plus a newline.</summary>
    public static byte[] JsonLine(ArticleRecord record, bool indented = false)
    {
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(1 << 16);
        buffer.ResetWrittenCount();
        var writer = indented
            ? t_indented ??= new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = Indented.Encoder, Indented = true })
            : t_compact ??= new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = Compact.Encoder });
        writer.Reset(buffer);
        JsonSerializer.Serialize(writer, record, (indented ? IndentedContext : CompactContext).ArticleRecord);
        writer.Flush();
        buffer.Write("\n"u8);
        var line = buffer.WrittenSpan.ToArray();
        if (buffer.Capacity > 1 << 22) t_buffer = null; // do not keep a huge buffer for the small records after a big one
        return line;
    }

    public static ArticleRecord? ParseJson(string json) => JsonSerializer.Deserialize(json, CompactContext.ArticleRecord);

    /// <summary>Title, blank line, paragraphs separated by blank lines.</summary>
    public static string Text(Article a)
    {
        var sb = new StringBuilder();
        if (!string.IsNullOrEmpty(a.Title)) sb.Append(a.Title).Append("\n\n");
        sb.Append(string.Join("\n\n", a.Paragraphs));
        if (sb.Length > 0) sb.Append('\n');
        return sb.ToString();
    }

    public static string Markdown(Article a)
    {
        var sb = new StringBuilder();
        if (!string.IsNullOrEmpty(a.Title)) sb.Append("# ").Append(EscapeMd(a.Title)).Append("\n\n");
        var meta = new List<string>();
        if (a.Authors.Count > 0) meta.Add("By " + string.Join(", ", a.Authors));
        foreach (var c in a.Contributors) meta.Add($"{c.Role.Name()}: {c.Name}");
        if (a.Date != null) meta.Add(a.Date);
        if (meta.Count > 0) sb.Append('*').Append(EscapeMd(string.Join(" · ", meta))).Append("*\n\n");
        foreach (var img in a.Images)
        {
            var parts = new[] { img.Caption, img.Credit == null ? null : "(" + img.Credit + ")" }.Where(p => p != null);
            sb.Append("> ").Append(EscapeMd(string.Join(" ", parts))).Append("\n\n");
        }
        foreach (var p in a.Paragraphs) sb.Append(EscapeMd(p)).Append("\n\n");
        return sb.ToString().TrimEnd() + "\n";
    }

    /// <summary>One line per input block: label, rule and reason (the --explain view).</summary>
    public static string Explain(CleanResult r)
    {
        var sb = new StringBuilder();
        foreach (var b in r.Blocks)
        {
            var text = b.Text.Length > 100 ? b.Text[..100] + "…" : b.Text;
            sb.Append($"{b.Index,4} {b.Kind.Name(),-16} {b.Rule ?? "-",-16} {text}");
            if (b.Reason != null) sb.Append("  ⟵ ").Append(b.Reason);
            sb.Append('\n');
        }
        return sb.ToString();
    }

    public static List<ExplainRecord> ExplainRecords(CleanResult r) =>
        r.Blocks.Select(b => new ExplainRecord(b.Index, b.Kind.Name(), b.Rule ?? "", b.Reason, Math.Round(b.Score, 3), b.Text)).ToList();

    public static string ExplainJson(CleanResult r) =>
        JsonSerializer.Serialize(ExplainRecords(r), CompactContext.ListExplainRecord);

    /// <summary>The --explain output: one JSON array line of full blocks, or the text view.</summary>
    public static string RenderExplain(CleanResult r, bool asJson) => asJson ? ExplainJson(r) + "\n" : Explain(r);

    private static string EscapeMd(string s)
    {
        // Only what would change the meaning at the start of a line or inline emphasis.
        var sb = new StringBuilder(s.Length);
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            if (c is '*' or '_' or '`' or '[' or ']' or '\\' or '<') sb.Append('\\');
            else if (i == 0 && c is '#' or '>' or '-' or '+') sb.Append('\\');
            sb.Append(c);
        }
        return sb.ToString();
    }
}
