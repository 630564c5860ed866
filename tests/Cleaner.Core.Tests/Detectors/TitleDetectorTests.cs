using Cleaner.Core.Classification.Detectors;

namespace Cleaner.Core.Tests.Detectors;

/// <summary>The headline line that agrees with the dump's first line (the page's &lt;title&gt;).</summary>
public class TitleDetectorTests
{
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
