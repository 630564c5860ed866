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

    /// <summary>The classification stage, in order. Sure boilerplate first, then structure (captions,
    /// bylines), then the main-content region, then the title (which needs the region).</summary>
    public static IReadOnlyList<IBlockDetector> DefaultDetectors() =>
    [
        new HtmlRegionPrefilter(),
        new CookieTableDetector(),
        new CookieConsentDetector(),
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
        new BylineDetector(),
        new HtmlContentScorer(),
        new MainContentSelector(),
        new TitleDetector(),
    ];

    public CleanResult Clean(InputDocument input)
    {
        var sw = Stopwatch.StartNew();
        var (text, encoding) = Decode(input);
        var format = input.Format ?? FormatSniffer.Sniff(text);

        List<Block> blocks;
        var hints = new PageHints();
        if (format == InputFormat.Html)
        {
            var doc = HtmlSegmenter.Parse(text);
            blocks = new HtmlSegmenter(Options.Phrases).Segment(doc, hints);
        }
        else
        {
            blocks = new TextDumpSegmenter().Segment(text);
        }

        var page = new PageContext(blocks, format, Options.Phrases) { ForcedLanguage = Options.Language, Hints = hints };
        foreach (var detector in DefaultDetectors()) detector.Detect(page);

        var article = new Article();
        new MetadataExtractor().Extract(page, article);
        var stats = new CleanStats { InputBytes = input.Length, InputChars = text.Length };
        new ArticleAssembler().Assemble(page, article, stats);
        stats.ElapsedMs = sw.Elapsed.TotalMilliseconds;

        var result = new CleanResult
        {
            Id = input.Id, Source = input.Source ?? input.Url, Article = article, Blocks = blocks,
            Format = format, Encoding = encoding, Stats = stats,
        };
        if (!article.Found) result.Warnings.Add("no article found");
        return result;
    }

    private (string Text, string? Encoding) Decode(InputDocument input)
    {
        if (input.Text != null)
        {
            if (input.Text.Length > Options.MaxBytes)
                throw new InputTooLargeException($"document is {input.Text.Length} characters, over the limit of {Options.MaxBytes}");
            return (input.Text, null);
        }
        var bytes = input.Bytes ?? [];
        if (Gzip.IsGzip(bytes)) bytes = Gzip.Decompress(bytes, Options.MaxBytes);
        if (bytes.LongLength > Options.MaxBytes)
            throw new InputTooLargeException($"document is {bytes.LongLength} bytes, over the limit of {Options.MaxBytes}");
        var decoded = TextDecoder.Decode(bytes, input.DeclaredCharset);
        return (decoded.Text, decoded.EncodingName);
    }
}
