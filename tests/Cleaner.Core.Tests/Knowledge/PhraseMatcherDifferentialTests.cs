using Cleaner.Core.Knowledge;
using Cleaner.Core.Segmentation;
using Xunit;

namespace Cleaner.Core.Tests.Knowledge;

/// <summary>The matcher's fast paths (16-character masks, node handles, the walk from the start only) against the
/// plain rule, phrase by phrase and place by place, on random text mixing ASCII runs longer and shorter than 16
/// with accented letters, CJK, RTL, surrogate pairs, combining marks and control characters (fixed seed).</summary>
public class PhraseMatcherDifferentialTests
{
    private static readonly string[] Pieces =
    [
        "by", "By ", "photo", "Photo:", "Foto :", "von", "par", "credit", "de", "la", "the", "and", "und", "l'", "d’",
        "記者", "기자", "写真：", "图／", "東京", "의", "の", "자", "ดย", "بقلم", "כתב", "Автор:", "Фото:", "é", "ß", "\u0301",
        "\U0001D400", "\uD83D\uDE00", "\uD800", "\r", "\t", "\u0000", "\u00A0", "\u2014", "-", "'", ":", "/", "=", ".", " ", " ", " ",
        "abcdefghijklmnopq", "2024", "\n", "x", "Reporting by", "Additional reporting", "Text & Fotos:",
    ];

    private static IEnumerable<string> Texts(int seed, int rounds)
    {
        yield return "";
        yield return " ";
        yield return "by";
        yield return new string('a', 40) + " by " + new string('b', 33);
        var random = new Random(seed);
        for (int round = 0; round < rounds; round++)
        {
            var text = new System.Text.StringBuilder();
            for (int k = random.Next(0, 30); k > 0; k--) text.Append(Pieces[random.Next(Pieces.Length)]);
            yield return text.ToString();
        }
    }

    /// <summary>Every hit by the plain rule: the folded phrase at a place, a phrase starting (ending) with a word
    /// character of a spaced script not run on from (into) one; by end, then start, then phrase number.</summary>
    private static List<PhraseHit> Reference(PhraseMatcher matcher, string text)
    {
        var folded = TextFold.Fold(text);
        static bool Word(char c) => TextMetrics.IsSpacedWordChar(c);
        var hits = new List<(int End, int Start, int Index)>();
        for (int p = 0; p < matcher.Phrases.Count; p++)
        {
            var phrase = matcher.Phrases[p].Phrase;
            for (int at = folded.IndexOf(phrase, StringComparison.Ordinal); at >= 0;
                 at = at + 1 < folded.Length ? folded.IndexOf(phrase, at + 1, StringComparison.Ordinal) : -1)
            {
                int end = at + phrase.Length - 1;
                if (Word(phrase[0]) && at > 0 && Word(folded[at - 1])) continue;
                if (Word(phrase[^1]) && end + 1 < folded.Length && Word(folded[end + 1])) continue;
                hits.Add((end, at, p));
            }
        }
        return hits.OrderBy(h => h.End).ThenBy(h => h.Start).ThenBy(h => h.Index)
            .Select(h => new PhraseHit(h.Start, h.End - h.Start + 1, matcher.Phrases[h.Index].Phrase, matcher.Phrases[h.Index].Language))
            .ToList();
    }

    private static string Show(string text) => string.Concat(text.Select(c => c < 0x20 || c > 0x7E ? $"\\u{(int)c:X4}" : c.ToString()));

    [Theory]
    [InlineData("byline-marker")]
    [InlineData("credit-marker")]
    [InlineData("byline-joiner")]
    [InlineData("file-photo-marker")]
    [InlineData("stopwords", 300)]                                        // large: dense rows near the root
    [InlineData("cookie-consent|navigation|share|related|comments", 300)] // several categories in one trie
    public void ScanFindsThePlainRulesHitsInOrder(string categories, int rounds = 1500)
    {
        var matcher = categories.Contains('|') ? PhraseBook.Default.Matcher(categories.Split('|')) : PhraseBook.Default.Matcher(categories);
        foreach (var text in Texts(17, rounds))
        {
            var expected = Reference(matcher, text).Select(h => (h.Start, h.Length, h.Phrase)).ToList();
            var actual = matcher.FindAll(text).Select(h => (h.Start, h.Length, h.Phrase)).ToList();
            Assert.True(expected.SequenceEqual(actual), $"FindAll \"{Show(text)}\"");
            var matches = matcher.Matches(text).ToArray().Select(h => (h.Start, h.Length, h.Phrase)).ToList();
            Assert.True(expected.SequenceEqual(matches), $"Matches \"{Show(text)}\"");
            var atStart = matcher.FindAllAtStart(text).ToArray().Select(h => (h.Start, h.Length, h.Phrase)).ToList();
            Assert.True(expected.Where(h => h.Start == 0).SequenceEqual(atStart), $"FindAllAtStart \"{Show(text)}\"");
        }
    }
}
