using Cleaner.Core.Segmentation;
using Cleaner.Core.Knowledge;
namespace Cleaner.Core.Tests.Detectors;

/// <summary>Joining the fragments that inline markup split over lines (real lines from the dev dumps).</summary>
public class TextDumpSegmenterTests
{
    private static string[] Texts(params string[] lines) => DumpPage.Segment(lines).Select(b => b.Text).ToArray();

    [Fact]
    public void TitleLineOfADumpStaysAlone() =>
        Assert.Equal(["Große Aufgaben für die neue Regierung", "Über uns"],
            new TextDumpSegmenter(PhraseBook.Default).Segment("Große Aufgaben für die neue Regierung\nÜber uns", firstLineIsTitle: true).Select(b => b.Text));

    [Fact]
    public void TitleLineWrappedInTheSourceGoesOn() =>
        Assert.Equal(["The sharing economy is a lie: Uber, Ayn Rand and the truth about tech and libertarians - Salon.com", "Salon"],
            new TextDumpSegmenter(PhraseBook.Default).Segment("The sharing economy is a lie: Uber, Ayn Rand and the truth about tech\n            and libertarians - Salon.com\nSalon", firstLineIsTitle: true).Select(b => b.Text));

    [Fact]
    public void GermanLinkedPhraseInsideASentenceIsJoined() =>
        Assert.Equal(["habe ich die Gunst eines recht arbeitsfreien Wochenendes genutzt und das „Tutorial“ im Wiki für alle meine Websites durchgespielt."],
            Texts("habe ich die Gunst eines recht arbeitsfreien Wochenendes genutzt und das", "„Tutorial“ im Wiki", "für alle meine Websites durchgespielt."));

    [Fact]
    public void GermanPrepositionAloneContinues() =>
        Assert.Equal(["Am Sonntag wurde der Kantonspolizei Bern auf der A6 bei Studen ein schwerer Verkehrsunfall gemeldet."],
            Texts("Am Sonntag wurde der", "Kantonspolizei Bern", "auf der", "A6", "bei", "Studen", "ein schwerer", "Verkehrsunfall", "gemeldet."));

    [Fact]
    public void EnglishArticleAtLineEndContinues() =>
        Assert.Equal(["The Fetch API intends to fix most of these problems."],
            Texts("The", "Fetch API", "intends", "to fix most of these problems."));

    [Fact]
    public void SpanishClauseEndingInACommaContinues() =>
        Assert.Equal(["El presidente de Chile, Gabriel Boric, viajará este miércoles a su región natal de Magallanes."],
            Texts("El presidente de Chile,", "Gabriel Boric", ", viajará este miércoles a su región natal de Magallanes."));

    [Fact]
    public void FrenchBracketsAndClosingPunctuationJoin() =>
        Assert.Equal(["Les députés ont adopté le projet de loi (438 contre 86), sans surprise."],
            Texts("Les députés ont adopté le projet de loi (", "438 contre 86", "), sans surprise."));

    [Fact]
    public void HyphenatedCompoundSplitByMarkupIsOneWord() =>
        Assert.Equal(["richtet sich an alle, die sich über die Radon-Situation informieren wollen."],
            Texts("richtet sich an alle, die sich über die", "Radon", "-Situation informieren wollen."));

    [Fact]
    public void BylineMarkerIsNotTheHeadlinesLastWord() =>
        Assert.Equal(["US-Sport in Zeiten von Corona", "von Andreas Kürten"],
            Texts("US-Sport in Zeiten von Corona", "von Andreas Kürten"));

    [Fact]
    public void MenuItemsStaySeparate() =>
        Assert.Equal(["Startseite", "Blog", "Archiv", "Kategorien"], Texts("Startseite", "Blog", "Archiv", "Kategorien"));

    [Fact]
    public void SyntaxHighlightedCodeIsOneBlock()
    {
        var texts = Texts("SELECT", "avg", "(", "n", ")", "FROM unnest", "(", "array", "[", "2", ",", "3", ",", "5", "]", ")", "n;");
        Assert.True(texts.Length <= 3, string.Join(" | ", texts));
    }

    [Fact]
    public void NumberedStepJoinsItsText() =>
        Assert.Equal(["1. Em uma vasilha grande coloque os ingredientes secos peneirados.", "2. Misture rapidamente e junte o ovo."],
            Texts("1.", "Em uma vasilha grande coloque os ingredientes secos peneirados.", "2.", "Misture rapidamente e junte o ovo."));

    [Fact]
    public void TextIsNfcNormalised() =>
        Assert.Equal("Ce\u0301sar".Normalize(), Texts("Ce\u0301sar")[0]);
}
