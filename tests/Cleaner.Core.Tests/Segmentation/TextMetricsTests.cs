using Cleaner.Core.Segmentation;
using Xunit;

namespace Cleaner.Core.Tests.Segmentation;

public class TextMetricsTests
{
    [Theory]
    [InlineData("a b", "a b")]
    [InlineData("a  b", "a b")]
    [InlineData("é  b", "é b")]
    [InlineData("é b  c", "é b c")]
    [InlineData("a b  é", "a b é")]
    [InlineData("x\u00A0 y", "x y")]
    [InlineData("a\tb", "a b")]
    [InlineData("ab\u00ADc", "abc")]
    [InlineData(" a", "a")]
    [InlineData("a\u0001b", "a b")]
    public void NormalizeSpaceCollapsesWhitespaceAndKeepsNormalLines(string line, string expected)
    {
        var normal = TextMetrics.NormalizeSpace(line);
        Assert.Equal(expected, normal);
        if (line == expected) Assert.Same(line, normal); // a line that is already normal is not copied
    }

    [Theory]
    [InlineData("", 0)]
    [InlineData("one two  three", 3)]
    [InlineData("don't stop", 2)]          // an apostrophe inside a word does not end it
    [InlineData("well-known - fact", 2)]   // nor does a hyphen; a lone dash is no word
    [InlineData("it’s 2024, ok", 3)]
    [InlineData("' - a", 1)]               // apostrophe and dash before any word start none
    [InlineData("東京 in 2024", 4)]         // a CJK character is a word
    [InlineData("ab東c", 3)]               // and it ends the word before it
    public void WordCountCountsWords(string text, int words) => Assert.Equal(words, TextMetrics.WordCount(text));

    [Fact]
    public void MeasureLineAgreesWithWordCountAndNormalizeSpace()
    {
        // Random lines over characters that take every path of the measure (ASCII runs read 16 at a time, the
        // scalar rest): words, apostrophes and hyphens, spaces, controls, non-ASCII letters, CJK, invisible ones.
        const string alphabet = "aZ09 '-.,\t\r\n\u007f\u00e9\u2019\u00a0\u00ad\u6771\u3042 ";
        var random = new Random(5);
        for (int round = 0; round < 20000; round++)
        {
            var chars = new char[random.Next(0, 70)];
            // Mostly ASCII letters and spaces, so that 16-character ASCII runs occur.
            for (int i = 0; i < chars.Length; i++)
                chars[i] = random.Next(4) == 0 ? alphabet[random.Next(alphabet.Length)] : random.Next(6) == 0 ? ' ' : (char)('a' + random.Next(26));
            var text = new string(chars);
            int newline = text.IndexOf('\n');
            var line = newline < 0 ? text : text[..newline];
            int length = TextMetrics.MeasureLine(text, out int words, out bool normal);
            Assert.Equal(line.Length, length);
            Assert.Equal(TextMetrics.WordCount(line), words);
            Assert.Equal(ReferenceEquals(TextMetrics.NormalizeSpace(line), line) || line.Length == 0, normal);
        }
    }

    [Fact]
    public void NormalizationStableCharactersAreNormalStarters()
    {
        for (int c = 0; c <= char.MaxValue; c++)
        {
            if (!TextMetrics.IsNormalizationStable((char)c) || char.IsSurrogate((char)c)) continue;
            var one = ((char)c).ToString();
            // Normal alone (not a singleton or an exclusion) and not a mark: the marks (and the Hangul vowel and
            // final jamo, far above these ranges) are the only characters that compose with one before them.
            Assert.True(one.IsNormalized(System.Text.NormalizationForm.FormC), $"U+{c:X4}");
            Assert.DoesNotContain(char.GetUnicodeCategory((char)c), new[] { System.Globalization.UnicodeCategory.NonSpacingMark,
                System.Globalization.UnicodeCategory.SpacingCombiningMark, System.Globalization.UnicodeCategory.EnclosingMark });
        }
    }

    [Theory]
    [InlineData("plain ASCII text")]
    [InlineData("caf\u00e9 \u2019quoted\u2019 \u2014 dash")]
    [InlineData("cafe\u0301")]               // e + combining acute: not NFC
    [InlineData("\u212B ngstr\u00f6m")]     // the Angstrom sign decomposes
    [InlineData("\u0410\u0306 and more text after it")]
    [InlineData("\uD55C\uAD6D\uC5B4")]
    public void IsNormalizedFormCAgreesWithIcu(string text) =>
        Assert.Equal(text.IsNormalized(System.Text.NormalizationForm.FormC), TextMetrics.IsNormalizedFormC(text));

    [Fact]
    public void IsProseCountsWordsAndLowerCaseStarts()
    {
        // The rule by char.IsLetter and char.IsLower, as IsProse read it before its table.
        static bool Reference(string text)
        {
            int words = 0, lower = 0;
            bool inWord = false;
            foreach (var c in text)
            {
                if (char.IsLetter(c))
                {
                    if (!inWord) { words++; if (char.IsLower(c)) lower++; }
                    inWord = true;
                }
                else if (c != '\'' && c != '’' && c != '-') inWord = false;
            }
            return words >= 5 && lower >= 2 && lower * 10 >= words * 3;
        }
        const string alphabet = "aZé É東ß'’-1 ,.ǅ";
        var random = new Random(7);
        for (int round = 0; round < 20000; round++)
        {
            var chars = new char[random.Next(0, 40)];
            for (int i = 0; i < chars.Length; i++) chars[i] = alphabet[random.Next(alphabet.Length)];
            var text = new string(chars);
            Assert.Equal(Reference(text), TextMetrics.IsProse(text));
        }
        Assert.True(TextMetrics.IsProse("Villagers will harvest crops and plant new ones"));
    }

    [Fact]
    public void ProseLengthSkipsLinkTargets()
    {
        Assert.Equal(6, TextMetrics.ProseLength("see https://example.com/a now"));
        Assert.Equal(4 + 2 + 2 * 3, TextMetrics.ProseLength("mail jane.doe@example.com or 東京")); // a CJK character weighs 3
    }
}
