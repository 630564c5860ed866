using Cleaner.Core.Knowledge;
using Cleaner.Core.Metadata;
using Xunit;

namespace Cleaner.Core.Tests.Languages;

/// <summary>The word-by-word stopword scan must report exactly the matcher's hits, in its order: the language
/// votes are sums of weights, and a different order could change their last bits.</summary>
public class WordPhraseScannerTests
{
    private struct Recorder : PhraseMatcher.IHitSink
    {
        public List<(int End, int Phrase)> Hits;

        public bool Hit(int end, int phrase)
        {
            (Hits ??= []).Add((end, phrase));
            return true;
        }
    }

    private static IEnumerable<string> Texts()
    {
        foreach (var s in LanguageSample.All)
            yield return string.Join("\n", s.Consent, s.Appeal, s.Byline, s.Caption, s.Paragraph);
        yield return "l'homme d'État, l’amour d' l' 'l d'l'x L'Été dd' ld'l";  // the phrases that are not one word
        yield return "東京の天気は晴れです and the 서울 de la ภาษาไทย から、です。ます";
        yield return "the";
        yield return "";
        yield return "  -the- the's 2the the2 thé the…the";
        foreach (var file in Directory.EnumerateFiles(Path.Combine(TestPaths.Samples, "textdump"), "*.txt"))
            yield return File.ReadAllText(file);
        // Random text over words, stopwords, apostrophes, CJK and punctuation, in runs longer and shorter than 16.
        var pieces = new[] { "the", "de", "la", "l'", "d'", "a", "und", "xyz", "の", "は", "です", "東京", " ", " ", " ", ",", "'", "’", "-",
            "é", "Straße", "и", "в", "αλ", "2024", "\n", "theory", "d", "l" };
        var random = new Random(11);
        for (int round = 0; round < 3000; round++)
        {
            var text = new System.Text.StringBuilder();
            for (int k = random.Next(0, 40); k > 0; k--) text.Append(pieces[random.Next(pieces.Length)]);
            yield return text.ToString();
        }
    }

    [Fact]
    public void ReportsTheMatchersHitsInItsOrder()
    {
        var book = PhraseBook.Default;
        var matcher = book.Matcher("stopwords");
        var scanner = new WordPhraseScanner(book, "stopwords");
        int texts = 0, hits = 0;
        foreach (var text in Texts())
        {
            var folded = TextFold.Fold(text);
            var expected = new Recorder();
            matcher.Scan(folded, ref expected);
            var actual = new Recorder();
            scanner.Scan(folded, ref actual);
            Assert.Equal(expected.Hits ?? [], actual.Hits ?? []);
            texts++;
            hits += expected.Hits?.Count ?? 0;
        }
        Assert.True(texts > 3000 && hits > 10000);
    }
}
