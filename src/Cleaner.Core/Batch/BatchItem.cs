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
    public required Func<InputDocument> Load { get; init; }
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

    public static BatchItem Failed(string id, string? source, UnreadableInputException error, long bytes = 0) =>
        new() { Id = id, Source = source, Load = () => throw error, Bytes = bytes };
}

/// <summary>What a worker made of one item: a result, or an error (kind and message) that becomes an error record.</summary>
public sealed record BatchOutcome(Model.CleanResult? Result, string? ErrorKind = null, string? ErrorMessage = null)
{
    public bool IsError => ErrorKind != null;
    /// <summary>The document rendered for output, when the worker renders it (rendering is parallel too).</summary>
    public string? Output { get; init; }
    public static BatchOutcome Error(string kind, string message) => new(null, kind, message);
    public static readonly BatchOutcome Skipped = new((Model.CleanResult?)null);
}
