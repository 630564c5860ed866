using Cleaner.Core.Knowledge;

namespace Cleaner.Core;

public sealed class CleanerOptions
{
    /// <summary>Phrase knowledge; the built-in data unless a rules file was layered on.</summary>
    public PhraseBook Phrases { get; init; } = PhraseBook.Default;

    /// <summary>--language: skip detection.</summary>
    public string? Language { get; init; }

    /// <summary>Largest document accepted, after decompression (bytes).</summary>
    public long MaxBytes { get; init; } = 50L * 1024 * 1024;

    /// <summary>Record milliseconds per stage in <see cref="Model.CleanStats.StageMs"/> (profiling; off by default).</summary>
    public bool TimeStages { get; init; }

    /// <summary>Nesting and tag-count limits applied to HTML before it is parsed.</summary>
    public Segmentation.HtmlLimits HtmlLimits { get; init; } = Segmentation.HtmlLimits.Default;
}
