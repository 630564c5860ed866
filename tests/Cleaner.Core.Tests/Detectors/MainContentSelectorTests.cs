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

    [Fact]
    public void CodeListingAndQueryOutputDoNotSplitATechnicalArticle()
    {
        var p = DumpPage.Paragraphs("en");
        // As the dump of a real post prints them (toc-missing in the dev corpus): a query, its box-drawn output.
        string[] listing = ["SELECT", "avg (n ) FROM unnest (array [2 , 3 , 5 , 2 , 3 , 12 ]) AS n ; avg",
            "────────────────────", "4.3333333333333333", "SELECT", "stddev (n ) FROM unnest (array [2 , 3 , 5 ]) AS n ; stddev",
            "────────────────────", "400 │ 2020-08-01 17:59:00+00 │ 12 │ 7.44 │ t", "500 │ 2020-08-01 11:22:00+00 │ 1022 │ 7.68 │ t",
            "404 │ 2020-08-01 07:18:00+00 │ 15 │ 7.57 │ t"];
        var page = DumpPage.Classify(["Simple Anomaly Detection | Blog", "Home", "About", p[0], .. listing, p[1], "Privacy Policy"]);
        Assert.Equal(BlockKind.Content, page.Find(p[0]).Kind);
        Assert.Equal(BlockKind.Content, page.Find(p[1]).Kind);
        Assert.False(page.Find("About").Kind.IsArticle());
    }
}
