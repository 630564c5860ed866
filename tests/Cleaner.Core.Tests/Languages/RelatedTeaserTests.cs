using Cleaner.Core.Classification;
using Cleaner.Core.Classification.Detectors;
using Cleaner.Core.Knowledge;
using Cleaner.Core.Model;

namespace Cleaner.Core.Tests.Languages;

/// <summary>Teasers led by a related-article phrase and a colon, in several languages; running text that only
/// mentions such a phrase is left alone.</summary>
public class RelatedTeaserTests
{
    [Theory]
    [InlineData("Lire aussi : Les députés adoptent le budget de la Sécurité sociale")]
    [InlineData("Lesen Sie auch: Bahn streicht Verbindungen nach Basel")]
    [InlineData("Lea más: El Banco Central mantiene las tasas de interés")]
    [InlineData("Czytaj także: Sejm przyjął ustawę o płacy minimalnej")]
    [InlineData("Читайте также: В Петербурге открылся новый мост")]
    [InlineData("Read more: Markets rally as inflation cools")]
    public void TeaserIsRelated(string text) => Assert.Equal(BlockKind.Related, Classify(text));

    [Theory]
    [InlineData("Die Ministerin sagte, man solle den Bericht lesen: Sie auch habe ihn gelesen und halte ihn für gut.")]
    [InlineData("Il a conseillé aux électeurs de lire aussi les programmes des autres candidats avant dimanche.")]
    public void RunningTextIsNot(string text) => Assert.Equal(BlockKind.Unknown, Classify(text));

    private static BlockKind Classify(string text)
    {
        var page = new PageContext([new Block(0, text)], InputFormat.TextDump, PhraseBook.Default);
        new RelatedDetector().Detect(page);
        return page.Blocks[0].Kind;
    }
}
