using System.Diagnostics;
using Cleaner.Core.Assembly;
using Cleaner.Core.Classification;
using Cleaner.Core.Classification.Detectors;
using Cleaner.Core.Input;
using Cleaner.Core.Metadata;
using Cleaner.Core.Model;
using Cleaner.Core.Segmentation;

namespace Cleaner.Core;

/// <summary>The whole pipeline: load → decode → segment → classify → metadata → assemble.
/// Thread-safe: one instance can clean documents in parallel.</summary>
public sealed class CleanerPipeline(CleanerOptions? options = null)
{
    public CleanerOptions Options { get; } = options ?? new CleanerOptions();

    /// <summary>The classification stage, in order. Sure boilerplate first (bylines early: "By X, author of the
    /// … newsletter" is a byline, not a newsletter box), then structure (captions), then the main-content region,
    /// then the title (which needs the region), then unmarked bylines (which need both).</summary>
    public static IReadOnlyList<IBlockDetector> DefaultDetectors() =>
    [
        new HtmlRegionPrefilter(),
        new CookieTableDetector(),
        new CookieConsentDetector(),
        new BylineDetector(),
        new DonationAppealDetector(),
        new SubscriptionDetector(),
        new NewsletterDetector(),
        new LegalNoticeDetector(),
        new SitePromoDetector(),
        new AdvertisementDetector(),
        new ShareDetector(),
        new RelatedDetector(),
        new CommentsDetector(),
        new NavigationDetector(),
        new CaptionCreditDetector(),
        new HtmlContentScorer(),
        new MainContentSelector(),
        new TitleDetector(),
        new NameNearDateBylineDetector(),
    ];

    private IReadOnlyList<string>? _phraseCategories;

    /// <summary>The phrase detectors' categories, scanned in one pass per block (profiling: one scan per
    /// detector was most of the text-dump time).</summary>
    private IReadOnlyList<string> PhraseCategories(IReadOnlyList<IBlockDetector> detectors) =>
        _phraseCategories ??= detectors.OfType<PhraseDetector>().Select(d => d.Category).Distinct().ToArray();

    public CleanResult Clean(InputDocument input)
    {
        var sw = Stopwatch.StartNew();
        var timer = Options.TimeStages ? new StageTimer() : null;
        var (text, encoding) = Decode(input);
        text = TextDecoder.ReplaceInvalidUnicode(text);
        timer?.Lap("decode");
        var format = input.Format ?? FormatSniffer.Sniff(text);
        timer?.Lap("sniff");

        List<Block> blocks;
        var hints = new PageHints();
        var warnings = new List<string>();
        if (text.AsSpan().Trim().IsEmpty) warnings.Add("empty document");
        if (format == InputFormat.Html)
        {
            // Bounded before parsing: the parser is quadratic in nesting, the rest linear in tags.
            var bounded = HtmlGuard.Bound(text, Options.HtmlLimits);
            if (bounded.Flattened)
                warnings.Add($"HTML nested {bounded.MaxDepth} deep: elements past depth {Options.HtmlLimits.MaxDepth} flattened");
            var doc = HtmlSegmenter.Parse(bounded.Html);
            timer?.Lap("html-parse");
            blocks = new HtmlSegmenter(Options.Phrases).Segment(doc, bounded, hints);
        }
        else
        {
            blocks = Options.Phrases.Shared(p => new TextDumpSegmenter(p)).Segment(text, firstLineIsTitle: true); // built once: it indexes the stopwords
        }
        timer?.Lap("segment");

        var detectors = DefaultDetectors();
        var page = new PageContext(blocks, format, Options.Phrases)
        {
            ForcedLanguage = Options.Language, Hints = hints,
            ScannedCategories = PhraseCategories(detectors),
        };
        foreach (var detector in detectors)
        {
            detector.Detect(page);
            timer?.Lap(detector.Name);
        }

        var article = new Article();
        new MetadataExtractor().Extract(page, article);
        timer?.Lap("metadata");
        var stats = new CleanStats { InputBytes = input.Length, InputChars = text.Length };
        new ArticleAssembler().Assemble(page, article, stats);
        timer?.Lap("assemble");
        stats.ElapsedMs = sw.Elapsed.TotalMilliseconds;
        stats.StageMs = timer?.Laps;
        stats.StageBytes = timer?.Allocated;

        var result = new CleanResult
        {
            Id = input.Id, Source = input.Source ?? input.Url, Article = article, Blocks = blocks,
            Format = format, Encoding = encoding, Stats = stats,
        };
        result.Warnings.AddRange(warnings);
        if (!article.Found) result.Warnings.Add("no article found");
        return result;
    }

    private (string Text, string? Encoding) Decode(InputDocument input)
    {
        if (input.Text != null)
        {
            if (input.Text.Length > Options.MaxBytes)
                throw new InputTooLargeException($"document is {input.Text.Length} characters, over the limit of {Options.MaxBytes}");
            if (BinarySniffer.LooksBinary(input.Text))
                throw new BinaryInputException("input looks binary (control characters throughout), not a page or a text dump");
            return (input.Text, null);
        }
        var bytes = input.Bytes ?? [];
        if (Gzip.IsGzip(bytes)) bytes = Gzip.Decompress(bytes, Options.MaxBytes);
        if (bytes.LongLength > Options.MaxBytes)
            throw new InputTooLargeException($"document is {bytes.LongLength} bytes, over the limit of {Options.MaxBytes}");
        var decoded = TextDecoder.Decode(bytes, input.DeclaredCharset);
        if (BinarySniffer.LooksBinary(decoded.Text))
            throw new BinaryInputException("input looks binary (control characters throughout), not a page or a text dump");
        return (decoded.Text, decoded.EncodingName);
    }
}

/// <summary>Milliseconds and allocated bytes per pipeline stage (CleanerOptions.TimeStages): the profile
/// `cleaner bench --stages` prints. Allocation matters as much as time: with several workers, GC pauses stop all.</summary>
internal sealed class StageTimer
{
    private long _last = Stopwatch.GetTimestamp();
    private long _lastBytes = GC.GetAllocatedBytesForCurrentThread();
    public Dictionary<string, double> Laps { get; } = new();
    public Dictionary<string, long> Allocated { get; } = new();

    public void Lap(string stage)
    {
        var now = Stopwatch.GetTimestamp();
        var bytes = GC.GetAllocatedBytesForCurrentThread();
        Laps[stage] = Laps.GetValueOrDefault(stage) + Stopwatch.GetElapsedTime(_last, now).TotalMilliseconds;
        Allocated[stage] = Allocated.GetValueOrDefault(stage) + bytes - _lastBytes;
        _last = now;
        _lastBytes = bytes;
    }
}
