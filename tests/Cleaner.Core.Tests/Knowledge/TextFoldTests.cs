using Cleaner.Core.Knowledge;
using Xunit;

namespace Cleaner.Core.Tests.Knowledge;

public class TextFoldTests
{
    [Fact]
    public void TheTablesLowerCaseEveryCharacterAsCharToLowerInvariantDoes()
    {
        // The table is built by lower-casing whole spans; it must agree with the per-character mapping.
        char[] unified = ['\'', '-', ' ', ':', '/', '=', '\u0219', '\u021B', '\u0627', '\u064A'];
        Span<char> tabled = stackalloc char[1];
        for (int c = 0; c <= char.MaxValue; c++)
        {
            char lower = char.ToLowerInvariant((char)c), folded = TextFold.Fold((char)c);
            TextFold.ToLowerInvariant([(char)c], tabled);
            Assert.Equal(lower, tabled[0]);
            Assert.True(folded == lower || Array.IndexOf(unified, folded) >= 0, $"U+{c:X4}: {(int)folded:X4} vs {(int)lower:X4}");
        }
    }

    [Fact]
    public void FoldUnifiesApostrophesDashesAndLetterVariants()
    {
        Assert.Equal("l'été - \u0219i", TextFold.Fold("L’Été — Şi"));
        Assert.Equal("写真:共同", TextFold.Fold("写真：共同"));
    }
}
