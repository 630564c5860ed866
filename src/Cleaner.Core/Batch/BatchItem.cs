using System.Text.Json;
using Cleaner.Core.Input;

namespace Cleaner.Core.Batch;

/// <summary>One document of a batch, in input order. Loading is deferred to a worker (<see cref="Load"/>),
/// so reading files happens in parallel and only a bounded number of documents sit in memory.</summary>
public sealed class BatchItem
{
    public required string Id { get; init; }
    /// <summary>Where it came from: a path, "path#line", a URL.</summary>
    public string? Source { get; init; }
    public string? Url { get; init; }
    /// <summary>Produces the document; throws <see cref="UnreadableInputException"/> when it cannot.</summary>
    public required Func<InputDocument> Load { get => _load ?? throw new InvalidOperationException("the document was taken already"); init => _load = value; }
    private Func<InputDocument>? _load;
    /// <summary>Fields of an input JSONL record passed through to the output record.</summary>
    public Dictionary<string, JsonElement>? Extra { get; init; }
    /// <summary>Output path relative to an output folder, without extension, '/'-separated (mirrors the input tree).</summary>
    public string RelativePath { get; set; } = "";
    /// <summary>The file this document's output goes to, when each document has its own (-o DIR).</summary>
    public string? OutputPath { get; set; }
    /// <summary>Input bytes this item accounts for (progress).</summary>
    public long Bytes { get; init; }
    /// <summary>Already done in an earlier run (--resume): nothing is cleaned or written.</summary>
    public bool Skip { get; set; }

    /// <summary>Produces the document and lets go of it: an item waits in the ordered queue until the documents
    /// before it are written, and must not keep its page (often a large-object-heap string) alive meanwhile.</summary>
    public InputDocument TakeDocument()
    {
        var load = Load;
        _load = null;
        return load();
    }

    public static BatchItem Failed(string id, string? source, UnreadableInputException error, long bytes = 0) =>
        new() { Id = id, Source = source, Load = () => throw error, Bytes = bytes };
}

/// <summary>What a worker made of one item: the facts the summary counts and the document rendered for output
/// (rendering is parallel too), or an error (kind and message) that becomes an error record. Not the whole
/// <see cref="Model.CleanResult"/>: an outcome waits for the documents before it to be written, and its blocks
/// would survive collections (and be promoted) meanwhile.</summary>
public sealed record BatchOutcome(string? ErrorKind = null, string? ErrorMessage = null)
{
    public bool IsError => ErrorKind != null;
    /// <summary>The document rendered for output, UTF-8.</summary>
    public byte[]? Output { get; init; }
    public bool Found { get; init; }
    public string? Language { get; init; }
    public int OutputChars { get; init; }
    public IReadOnlyDictionary<string, int>? RemovedCharsByKind { get; init; }

    public static BatchOutcome Cleaned(Model.CleanResult r, byte[] output) => new()
    {
        Output = output, Found = r.Article.Found, Language = r.Article.Language,
        OutputChars = r.Stats.OutputChars, RemovedCharsByKind = r.Stats.RemovedCharsByKind,
    };
    public static BatchOutcome Error(string kind, string message) => new(kind, message);
    public static readonly BatchOutcome Skipped = new();
}
