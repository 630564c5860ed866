namespace Cleaner.Core.Input;

/// <summary>One document as loaded: raw bytes (or already-decoded text), its id and source.</summary>
public sealed class InputDocument
{
    public required string Id { get; init; }
    /// <summary>Where it came from: a path, a URL, "stdin".</summary>
    public string? Source { get; init; }
    public string? Url { get; init; }
    public byte[]? Bytes { get; init; }
    /// <summary>Set when the text is already decoded (e.g. a JSONL field).</summary>
    public string? Text { get; init; }
    /// <summary>Charset from outside the document (an HTTP header); wins over detection, not over a BOM.</summary>
    public string? DeclaredCharset { get; init; }
    /// <summary>Forces the format instead of sniffing it.</summary>
    public Cleaner.Core.Model.InputFormat? Format { get; init; }

    public long Length => Bytes?.LongLength ?? (Text?.Length ?? 0);

    /// <summary>Extensions dropped from a file name to make its id ("page.html.gz" -> "page").</summary>
    public static readonly string[] KnownExtensions = [".html.gz", ".htm.gz", ".txt.gz", ".html", ".htm", ".txt", ".gz", ".xhtml"];

    /// <summary>A file's id: its name without the known extensions.</summary>
    public static string IdFromPath(string path)
    {
        var name = Path.GetFileName(path);
        foreach (var ext in KnownExtensions)
            if (name.EndsWith(ext, StringComparison.OrdinalIgnoreCase) && name.Length > ext.Length)
                return name[..^ext.Length];
        return name;
    }

    public static InputDocument FromText(string id, string text, string? source = null) =>
        new() { Id = id, Text = text, Source = source };

    public static InputDocument FromBytes(string id, byte[] bytes, string? source = null) =>
        new() { Id = id, Bytes = bytes, Source = source };
}
