using System.Text.Json.Serialization;
using Cleaner.Core.Model;

namespace Cleaner.Core.Output;

/// <summary>The JSON contract: one object per document (README "JSON contract").</summary>
public sealed class ArticleRecord
{
    public string Id { get; set; } = "";
    public string? Source { get; set; }
    public string? Url { get; set; }
    public string? Title { get; set; }
    public List<string> Authors { get; set; } = new();
    public List<ContributorRecord> Contributors { get; set; } = new();
    public string? Byline { get; set; }
    public string? Dateline { get; set; }
    public string? Agency { get; set; }
    public string? Date { get; set; }
    public string? Language { get; set; }
    public List<ImageRecord> Images { get; set; } = new();
    public string Text { get; set; } = "";
    public List<string> Paragraphs { get; set; } = new();
    public List<RemovedRecord> Removed { get; set; } = new();
    public StatsRecord? Stats { get; set; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ErrorRecord? Error { get; set; }
    /// <summary>Fields of an input JSONL record passed through unchanged.</summary>
    [JsonExtensionData]
    public Dictionary<string, System.Text.Json.JsonElement>? Extra { get; set; }

    public static ArticleRecord From(CleanResult r, bool includeRemoved = true)
    {
        var a = r.Article;
        return new ArticleRecord
        {
            Id = r.Id,
            Source = r.Source,
            Title = a.Title,
            Authors = [.. a.Authors],
            Contributors = a.Contributors.Select(c => new ContributorRecord(c.Name, c.Role.Name())).ToList(),
            Byline = a.Byline,
            Dateline = a.Dateline,
            Agency = a.Agency,
            Date = a.Date,
            Language = a.Language,
            Images = a.Images.Select(i => new ImageRecord(i.Caption, i.Credit)).ToList(),
            Text = a.Text,
            Paragraphs = [.. a.Paragraphs],
            Removed = includeRemoved ? a.Removed.Select(x => new RemovedRecord(x.Kind.Name(), x.Text, x.Reason)).ToList() : [],
            Stats = new StatsRecord
            {
                Format = r.Format == InputFormat.Html ? "html" : "text",
                Encoding = r.Encoding,
                InputBytes = r.Stats.InputBytes,
                InputChars = r.Stats.InputChars,
                OutputChars = r.Stats.OutputChars,
                Blocks = r.Stats.Blocks,
                ContentBlocks = r.Stats.ContentBlocks,
                RemovedBlocks = r.Stats.RemovedBlocks,
                RemovedCharsByKind = new(r.Stats.RemovedCharsByKind),
                ElapsedMs = Math.Round(r.Stats.ElapsedMs, 2),
            },
        };
    }

    public static ArticleRecord FromError(string id, string? source, string kind, string message) =>
        new() { Id = id, Source = source, Error = new ErrorRecord(kind, message), Stats = null };
}

public sealed record ContributorRecord(string Name, string Role);
public sealed record ImageRecord(string? Caption, string? Credit);
public sealed record RemovedRecord(string Kind, string Text, string Reason);
public sealed record ErrorRecord(string Kind, string Message);

public sealed class StatsRecord
{
    public string Format { get; set; } = "";
    public string? Encoding { get; set; }
    public long InputBytes { get; set; }
    public int InputChars { get; set; }
    public int OutputChars { get; set; }
    public int Blocks { get; set; }
    public int ContentBlocks { get; set; }
    public int RemovedBlocks { get; set; }
    public Dictionary<string, int> RemovedCharsByKind { get; set; } = new();
    public double ElapsedMs { get; set; }
}

public sealed record ExplainRecord(int Index, string Label, string Rule, string? Reason, double Score, string Text);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, WriteIndented = false,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(ArticleRecord))]
[JsonSerializable(typeof(List<ExplainRecord>))]
[JsonSerializable(typeof(Dictionary<string, System.Text.Json.JsonElement>))]
public partial class CleanerJsonContext : JsonSerializerContext;
