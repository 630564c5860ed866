using Cleaner.Core.Model;

namespace Cleaner.Core.Tests.Detectors;

/// <summary>The article region: menus before and after are out, short pieces between paragraphs are in.</summary>
public class MainContentSelectorTests
{
    [Fact]
    public void GermanListItemsBetweenParagraphsStay()
    {
        var p = DumpPage.Paragraphs("de");
        var page = DumpPage.Classify("Titel | Blog", "Startseite", "Blog", "Archiv", "Kontakt", p[0],
            "Was an der ganzen Umstellung auf SSL am aufwändigsten war:",
            "Die Anpassung der entsprechenden .htaccess-Rules um HTTPS zu erzwingen",
            "Eintragung der notwendigen Domains in die SearchConsole bei Google", p[1],
            "Impressum", "Datenschutz");
        Assert.Equal(BlockKind.Content, page.Find("Eintragung der notwendigen Domains in die SearchConsole bei Google").Kind);
        Assert.False(page.Find("Archiv").Kind.IsArticle());
        Assert.False(page.Find("Datenschutz").Kind.IsArticle());
    }

    [Fact]
    public void EnglishTypedBulletListIsPartOfTheArticle()
    {
        var p = DumpPage.Paragraphs("en");
        var page = DumpPage.Classify("Minecraft 1.8 - The Bountiful Update", "Minecraft News", "Minecraft 1.8 - The Bountiful Update",
            "+ Added Granite, Andesite, and Diorite stone blocks", "+ Added Slime Block", "+ Added Iron Trapdoor", p[0], p[1]);
        Assert.Equal(BlockKind.Content, page.Find("+ Added Slime Block").Kind);
    }

    [Fact]
    public void UrlLinesDoNotCountAsText()
    {
        var p = DumpPage.Paragraphs("de");
        var page = DumpPage.Classify("Titel", p[0], p[1], "Quelle:",
            "https://www.ultiumcell.com/newsroom/News/2022/12/02/Ultium-Cells-LLC-Announces-Plans-to-Produce-Additional-Capacity-in-Tennessee",
            "https://battery-news.de/wp-content/uploads/2021/01/Battery-News-Logo-1.-tansparentpsd-1030x1030.png");
        Assert.False(page.Find("https://battery-news.de/wp-content/uploads/2021/01/Battery-News-Logo-1.-tansparentpsd-1030x1030.png").Kind.IsArticle());
    }

    [Fact]
    public void ShortArticleAfterTheHeadlineBeatsALongerFooter()
    {
        var page = DumpPage.Classify("Plejaden, M45", "Startseite", "Astro-Bilder", "Plejaden, M45",
            "Nun nicht im Staub, sondern mit ausgeprägten Sternstrahlen (Optik abgeblendet auf Blende 5.6) und intensiv blauen Nebelgebieten.",
            "Detailangaben", "Kategorie:", "Erste Versuche", "Optik: Teleobjektiv", "Kameramodell: Canon EOS 60 Da", "Filter: -", "ISO-Zahl: 640",
            "Kontakt", "Impressum", "Über uns",
            "Abenteuer Astronomie war eine Zeitschrift für Hobby-Astronomen, die von 2015 bis 2019 alle zwei Monate erschien und sich an Einsteiger richtete.");
        Assert.Equal(BlockKind.Content, page.Find("Nun nicht im Staub, sondern mit ausgeprägten Sternstrahlen (Optik abgeblendet auf Blende 5.6) und intensiv blauen Nebelgebieten.").Kind);
    }
}
