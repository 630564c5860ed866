namespace Cleaner.Core.Model;

public enum InputFormat { Html, TextDump }

public sealed class CleanStats
{
    public long InputBytes { get; set; }
    public int InputChars { get; set; }
    public int OutputChars { get; set; }
    public int Blocks { get; set; }
    public int ContentBlocks { get; set; }
    public int RemovedBlocks { get; set; }
    public double ElapsedMs { get; set; }
    /// <summary>Milliseconds per stage, only when <see cref="CleanerOptions.TimeStages"/> is on.</summary>
    public Dictionary<string, double>? StageMs { get; set; }
    /// <summary>Bytes allocated per stage, recorded with <see cref="StageMs"/>.</summary>
    public Dictionary<string, long>? StageBytes { get; set; }
    /// <summary>Characters removed per boilerplate kind.</summary>
    public Dictionary<string, int> RemovedCharsByKind { get; } = new();
}

/// <summary>Everything the pipeline produced for one document: the article, the labelled blocks
/// (for --explain) and the facts about the input.</summary>
public sealed class CleanResult
{
    public required string Id { get; init; }
    public string? Source { get; init; }
    public required Article Article { get; init; }
    public required IReadOnlyList<Block> Blocks { get; init; }
    public InputFormat Format { get; init; }
    public string? Encoding { get; init; }
    public CleanStats Stats { get; init; } = new();
    public List<string> Warnings { get; } = new();
}
