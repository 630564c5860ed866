using Cleaner.Core.Knowledge;
using Cleaner.Core.Metadata;
using Xunit;

namespace Cleaner.Core.Tests.Knowledge;

/// <summary>The byline and credit parsers' allocation-free paths against the plain rules they replaced, on random
/// short texts built from markers, labels, separators and other scripts (fixed seed).</summary>
public class ParserFastPathTests
{
    private static readonly string[] Pieces =
    [
        "By", "by", "Von", "Autor", "Autorin", "Text", "Fotos", "&", "written", "Par", "Auteur", "기자", "記者", "Автор",
        " :", ":", "：", " ", " ", "  ", "\t", "|", "-", "/", "·", "•", "(", ")", "Ana", "Ruiz", "é", "b", "y", "\u00A0",
        "Photo", "Foto", "Credit", "©", "Reuters", "AP", "写真", "=", "／", ".", "Fot.", "图/", "a caption about the harbour",
    ];

    private static IEnumerable<string> Texts(int seed, int rounds, int maxPieces)
    {
        yield return "";
        yield return ":";
        yield return "By:";
        yield return "Auteur :";
        var random = new Random(seed);
        for (int round = 0; round < rounds; round++)
        {
            var text = new System.Text.StringBuilder();
            for (int k = random.Next(1, maxPieces); k > 0; k--) text.Append(Pieces[random.Next(Pieces.Length)]);
            yield return text.ToString();
        }
    }

    [Fact]
    public void IsBareMarkerAgreesWithThePlainRule()
    {
        var book = PhraseBook.Default;
        var parser = new BylineParser(book);
        var markers = book.All("byline-marker").Select(a => TextFold.Fold(a.Phrase).Replace(" :", ":")).ToHashSet(StringComparer.Ordinal);
        char[] trim = [' ', '|', '-', '/', '·', '•', '('];
        bool Plain(string text)
        {
            if (text.Length > 30) return false;
            var folded = TextFold.Fold(text).Replace(" :", ":").Trim(trim);
            return folded.Length > 0 && (markers.Contains(folded) || folded[^1] == ':' && markers.Contains(folded[..^1].TrimEnd()));
        }
        int bare = 0;
        foreach (var text in Texts(23, 20000, 5))
        {
            bool expected = Plain(text);
            Assert.True(expected == parser.IsBareMarker(text), $"\"{text}\"");
            if (expected) bare++;
        }
        Assert.True(bare > 50);
    }

    [Fact]
    public void CreditSplitIsTheSameWithTheBlocksFold()
    {
        var parser = new CreditParser(PhraseBook.Default);
        foreach (var text in Texts(29, 20000, 12))
        {
            bool a = parser.TrySplit(text, out var plain);
            bool b = parser.TrySplit(text, out var withFold, TextFold.Fold(text));
            Assert.True(a == b && plain == withFold, $"\"{text}\"");
        }
    }
}
