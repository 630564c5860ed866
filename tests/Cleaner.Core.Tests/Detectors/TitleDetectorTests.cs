using Cleaner.Core.Classification.Detectors;

namespace Cleaner.Core.Tests.Detectors;

/// <summary>The headline line that agrees with the dump's first line (the page's &lt;title&gt;).</summary>
public class TitleDetectorTests
{
    [Theory]
    [InlineData("Nach Unfall auf Intensivstation: Bernal kämpft um Karriere dpa", "Nach Unfall auf Intensivstation: Bernal kämpft um Karriere", "Nach Unfall auf Intensivstation: Bernal kämpft um Karriere")]
    [InlineData("20. Juni 2019 creditshelf kooperiert mit finleap und plant Akquisition der Valendo GmbH", "creditshelf kooperiert mit finleap und plant Akquisition der Valendo GmbH", "creditshelf kooperiert mit finleap und plant Akquisition der Valendo GmbH")]
    [InlineData("Biggest money laundering scheme in history uncovered in Ukraine October 19, 2019", "Biggest money laundering scheme in history uncovered in Ukraine – Investment Watch", "Biggest money laundering scheme in history uncovered in Ukraine")]
    [InlineData("West Ham hrozí gigantům, okouzlil i Linekera. Součka je snadné přehlédnout Aleš Vávra před 2 hodinami", "West Ham hrozí gigantům, okouzlil i Linekera. Součka je snadné přehlédnout", "West Ham hrozí gigantům, okouzlil i Linekera. Součka je snadné přehlédnout")]
    public void HeadlineJoinedWithADateOrCreditLineIsCutToTheTitleLine(string block, string titleLine, string expected) =>
        Assert.Equal(expected, TitleDetector.HeadlineWithin(block, titleLine));

    [Theory]
    // The <title> shortens the headline: the rest is part of it.
    [InlineData("Auto leasen, finanzieren oder kaufen – was ist günstiger?", "Auto leasen, finanzieren oder kaufen | Vergleich")]
    // Only a leading segment of the <title> matches: no cut.
    [InlineData("What we do What is Creative Commons?", "What we do - Creative Commons")]
    // The block is the headline as it stands.
    [InlineData("Le gouvernement présente son budget", "Le gouvernement présente son budget - Le Monde")]
    public void HeadlineIsKeptWholeWhenTheRestBelongsToIt(string block, string titleLine) =>
        Assert.Null(TitleDetector.HeadlineWithin(block, titleLine));

    [Fact]
    public void GermanHeadlineWordedDifferentlyFromTheTitleTag()
    {
        var p = DumpPage.Paragraphs("de");
        var a = DumpPage.Clean("6 schöne Wellnessoasen im Thermen- & Vulkanland – 2023 | 1000things", "Startseite", "Reisen",
            "6 Wellnessoasen für eure Auszeit im Thermen- & Vulkanland", p[0], p[1]);
        Assert.Equal("6 Wellnessoasen für eure Auszeit im Thermen- & Vulkanland", a.Title);
    }

    [Fact]
    public void EnglishBreadcrumbRepeatIsNotPreferredOverTheHeadline()
    {
        var p = DumpPage.Paragraphs("en");
        var a = DumpPage.Clean("Brookhaven Village closed due to gas leak - Reporter Newspapers", "News",
            "Brookhaven Village closed due to gas leak", p[0], p[1]);
        Assert.Equal("Brookhaven Village closed due to gas leak", a.Title);
        Assert.DoesNotContain(a.Paragraphs, x => x == a.Title);
    }

    [Fact]
    public void FrenchHeadlineRepeatedInsideTheArticleIsDroppedFromTheBody()
    {
        var p = DumpPage.Paragraphs("fr");
        var a = DumpPage.Clean("Pour le néolibéralisme, la retraite est un archaïsme - AOC media", "Accueil",
            "Pour le néolibéralisme, la retraite est un archaïsme", p[0], "Pour le néolibéralisme, la retraite est un archaïsme", p[1]);
        Assert.Equal("Pour le néolibéralisme, la retraite est un archaïsme", a.Title);
        Assert.Equal(2, a.Paragraphs.Count);
    }

    [Fact]
    public void WithoutAHeadlineLineTheTitleTagLosesItsSiteName()
    {
        var p = DumpPage.Paragraphs("es");
        var a = DumpPage.Clean("Ucrania interrumpe paso de gas ruso a Europa | Últimas Noticias", "Inicio", p[0], p[1]);
        Assert.Equal("Ucrania interrumpe paso de gas ruso a Europa", a.Title);
    }

    [Fact]
    public void SimilarityPrefersTheBlocksOwnWordsBeingInTheTitle()
    {
        var title = TitleDetector.Tokens("Polska z najniższym bezrobociem w całej UE - Forsal.pl");
        Assert.True(TitleDetector.Similarity(TitleDetector.Tokens("Polska z najniższym bezrobociem w całej UE"), title) > 0.8);
        Assert.Equal(0, TitleDetector.Similarity(TitleDetector.Tokens(
            "Stopa bezrobocia w Polsce wyniosła 3,1 proc. w marcu i nadal jest najniższa w UE – podał Eurostat."), title));
    }
}
