using Cleaner.Core.Classification;
using Cleaner.Core.Classification.Detectors;
using Cleaner.Core.Knowledge;
using Cleaner.Core.Metadata;
using Cleaner.Core.Model;

namespace Cleaner.Core.Tests.Languages;

/// <summary>The 25 languages of the phrase data: each one's consent banner, appeal, byline and photo credit are
/// recognised, and its language is detected.</summary>
public class LanguageTests
{
    public static readonly string[] Languages =
        ["en", "fr", "de", "es", "it", "pt", "nl", "pl", "cs", "sk", "ro", "hu", "sv", "da", "no", "fi", "el", "tr", "ru", "uk", "ar", "he", "zh", "ja", "ko"];

    public static readonly string[] Categories =
    [
        "cookie-consent", "cookie-table-header", "duration-unit", "donation-appeal", "subscription", "newsletter", "share",
        "related", "comments", "legal-notice", "navigation", "site-promo", "advertisement", "byline-marker", "byline-joiner",
        "role-editing", "role-translation", "role-additional-reporting", "role-photography", "credit-marker",
        "file-photo-marker", "months", "stopwords",
    ];

    [Fact]
    public void EveryLanguageFileFillsEveryCategory()
    {
        var book = PhraseBook.Default;
        var empty = (from lang in Languages from cat in Categories where book.Get(cat, lang).Count == 0 select $"{lang}:{cat}").ToList();
        Assert.Empty(empty);
    }

    [Fact]
    public void EveryLanguageHasASample() =>
        Assert.Equal(Languages.Order(), LanguageSample.All.Select(s => s.Lang).Order());

    [Theory]
    [MemberData(nameof(LanguageSample.Cases), MemberType = typeof(LanguageSample))]
    public void ConsentBannerIsRecognised(LanguageSample s) =>
        Assert.Equal(BlockKind.CookieConsent, Classify(s.Consent, new CookieConsentDetector()));

    [Theory]
    [MemberData(nameof(LanguageSample.Cases), MemberType = typeof(LanguageSample))]
    public void AppealIsRecognised(LanguageSample s) =>
        Assert.Equal(BlockKind.DonationAppeal, Classify(s.Appeal, new DonationAppealDetector()));

    [Theory]
    [MemberData(nameof(LanguageSample.Cases), MemberType = typeof(LanguageSample))]
    public void BylineIsRecognised(LanguageSample s)
    {
        var parser = new BylineParser(PhraseBook.Default);
        Assert.True(parser.LooksLikeByline(s.Byline, out _), s.Byline);
        Assert.Equal([s.Author], parser.Parse(s.Byline).Authors);
    }

    [Theory]
    [MemberData(nameof(LanguageSample.Cases), MemberType = typeof(LanguageSample))]
    public void PhotoCreditIsRecognised(LanguageSample s)
    {
        Assert.True(new CreditParser(PhraseBook.Default).TrySplit(s.Caption, out var split), s.Caption);
        Assert.Equal(s.Credit, split.Credit);
        Assert.NotEmpty(split.Caption);
    }

    [Theory]
    [MemberData(nameof(LanguageSample.Cases), MemberType = typeof(LanguageSample))]
    public void LanguageIsDetected(LanguageSample s) =>
        Assert.Equal(s.Lang, new LanguageDetector(PhraseBook.Default).Detect(s.Paragraph));

    [Theory]
    [MemberData(nameof(LanguageSample.Cases), MemberType = typeof(LanguageSample))]
    public void ArticleParagraphIsNotTakenForBoilerplate(LanguageSample s)
    {
        foreach (var detector in CleanerPipeline.DefaultDetectors().OfType<PhraseDetector>())
            Assert.Equal(BlockKind.Unknown, Classify(s.Paragraph, detector));
        Assert.False(new BylineParser(PhraseBook.Default).LooksLikeByline(s.Paragraph, out _));
    }

    // Runs of 16 ASCII characters are counted as a mask, the rest one by one: ties go to the script seen first.
    [Theory]
    [InlineData("abcdefghijklmnop абвгдежзийклмнопр", "Cyrl")]
    [InlineData("abcdefghijklmnop абвгдежзийклмноп", "Latn")]    // a tie: Latin came first
    [InlineData("абвгдежзийклмноп abcdefghijklmnop", "Cyrl")]    // a tie: Cyrillic came first
    [InlineData("1234567890123456 ... абв, abcd", "Latn")]
    [InlineData("................................ αβγ", "Grek")]
    [InlineData("", "Latn")]
    [InlineData("東京 the", "Hani")]                           // three letters a CJK character
    public void DominantScriptCountsLettersAndBreaksTiesByFirstAppearance(string text, string script) =>
        Assert.Equal(script, LanguageDetector.DominantScript(text));

    private static BlockKind Classify(string text, IBlockDetector detector)
    {
        var page = new PageContext([new Block(0, text)], InputFormat.TextDump, PhraseBook.Default);
        detector.Detect(page);
        return page.Blocks[0].Kind;
    }
}
