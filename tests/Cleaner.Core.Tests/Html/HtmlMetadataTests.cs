using Cleaner.Core.Input;
using Cleaner.Core.Model;

namespace Cleaner.Core.Tests.Html;

public class HtmlMetadataTests
{
    private static Article Clean(string html) =>
        new CleanerPipeline().Clean(new InputDocument { Id = "t", Text = html, Format = InputFormat.Html }).Article;

    private const string Body = "<div class='content'><p>The council voted on Tuesday to rebuild the old bridge, a project that has been discussed for a decade, and work will start next spring.</p><p>Engineers said the new design keeps the stone arches, adds a cycle lane, and should last a hundred years with modest maintenance.</p></div>";

    [Fact]
    public void TitleIsTheH1ThatAgreesWithTheTitleTag()
    {
        var a = Clean($"<html><head><title>Bridge to be rebuilt | Example News</title></head><body><h1>Example News</h1><h1>Bridge to be rebuilt</h1>{Body}</body></html>");
        Assert.Equal("Bridge to be rebuilt", a.Title);
    }

    [Fact]
    public void KickerBeforeTheAgreedHeadlineIsDropped()
    {
        var a = Clean($"<html><head><title>Bridge to be rebuilt - Example</title><meta property='og:title' content='Bridge to be rebuilt'></head><body><h1>Local news Bridge to be rebuilt</h1>{Body}</body></html>");
        Assert.Equal("Bridge to be rebuilt", a.Title);
    }

    [Theory]
    [InlineData("<h1><span class='overline'>Abstandsregeln und Fieberkontrollen </span><span>: </span><span>Wie Firmen ihre Beschäftigten schützen</span></h1>", "Wie Firmen ihre Beschäftigten schützen")]
    [InlineData("<h1><span class='supertitle'><time datetime='2022-02-01'>1. Februar 2022</time></span> <span>Bundesministerin Raab: Mit Ländern Rahmenbedingungen gestalten</span></h1>", "Bundesministerin Raab: Mit Ländern Rahmenbedingungen gestalten")]
    [InlineData("<h1><div class='topic-label'>100. Geburtstag</div> Holocaust-Überlebende Margot Friedländer wird 100 Jahre</h1>", "Holocaust-Überlebende Margot Friedländer wird 100 Jahre")]
    [InlineData("<h1><span class='kicker'>Politique</span> Le gouvernement présente son budget pour 2024</h1>", "Le gouvernement présente son budget pour 2024")]
    public void KickerElementLeadingTheH1IsDropped(string h1, string expected)
    {
        var a = Clean($"<html><head><title>{expected} - Example</title></head><body>{h1}{Body}</body></html>");
        Assert.Equal(expected, a.Title);
    }

    [Theory]
    [InlineData("Silicon Exposed", "Open Verilog flow for Silego GreenPak4 programmable logic devices")]
    [InlineData("Blog de Cocina", "Cómo hacer una tortilla de patatas perfecta")]
    public void BlogNameH1BeforeAColonInTheTitleTagIsNotTheHeadline(string blog, string post)
    {
        var a = Clean($"<html><head><title>{blog}: {post}</title><meta property='og:title' content='{post}'></head><body><h1>{blog}</h1>{Body}</body></html>");
        Assert.Equal(post, a.Title);
    }

    [Fact]
    public void H1LeadingTheTitleTagBeforeADashIsTheHeadline()
    {
        var a = Clean($"<html><head><title>Faire Lieferketten - Evangelisches Jugendwerk in Württemberg</title></head><body><h1>Faire Lieferketten</h1>{Body}</body></html>");
        Assert.Equal("Faire Lieferketten", a.Title);
    }

    [Theory]
    [InlineData("<h1><a href='/x'>Bridge</a> to be rebuilt next spring</h1>", "Bridge to be rebuilt next spring")]
    [InlineData("<h1><span>Un puente nuevo para la ciudad</span> hoy</h1>", "Un puente nuevo para la ciudad hoy")]
    public void H1WithoutAKickerElementStaysWhole(string h1, string expected)
    {
        var a = Clean($"<html><head><title>{expected}</title></head><body>{h1}{Body}</body></html>");
        Assert.Equal(expected, a.Title);
    }

    [Fact]
    public void TitleTagLosesItsSiteNameWhenNoHeadingAgrees()
    {
        var a = Clean($"<html><head><title>Example News » Local » Bridge to be rebuilt</title></head><body>{Body}</body></html>");
        Assert.Equal("Bridge to be rebuilt", a.Title);
    }

    [Theory]
    [InlineData("<div class='author'>Von Tobias Kuske am 3. Mai 2020</div>", "Tobias Kuske")]
    [InlineData("<div class='byline'>Posted on September 21, 2020 by Adi Tzlil</div>", "Adi Tzlil")]
    [InlineData("<div class='author'>Verónica De Vita</div>", "Verónica De Vita")]
    [InlineData("<a rel='author' href='/a'>T. V. Raman</a>", "T. V. Raman")]
    [InlineData("<a rel='author' href='/a'>Richard (R.J.) Eskow</a>", "Richard (R.J.) Eskow")]
    [InlineData("<div class='author'>Anna Schmidt (Text)</div>", "Anna Schmidt")]
    public void AuthorsFromBylineContainersAreCleaned(string byline, string expected)
    {
        var a = Clean($"<html><body><h1>Bridge to be rebuilt</h1>{byline}{Body}</body></html>");
        Assert.Equal([expected], a.Authors);
    }

    [Fact]
    public void RoleParenthesisInAnAuthorElementGivesContributors()
    {
        var a = Clean($"<html><body><h1>Bridge to be rebuilt</h1><p>Par <span itemprop='author'><a href='/j/mu'>Martin Untersinger</a> (avec Damien Leloup et Morgane Tual)</span></p>{Body}</body></html>");
        Assert.Equal(["Martin Untersinger"], a.Authors);
        Assert.Equal([new Contributor("Damien Leloup", ContributorRole.AdditionalReporting), new Contributor("Morgane Tual", ContributorRole.AdditionalReporting)], a.Contributors);
    }

    [Fact]
    public void ContributorLineStaysInTheBody()
    {
        var a = Clean($"<html><body><h1>Bridge to be rebuilt</h1>{Body.Replace("</div>", "<p>Heba Habib contributed to this report.</p></div>")}</body></html>");
        Assert.Equal([new Contributor("Heba Habib", ContributorRole.AdditionalReporting)], a.Contributors);
        Assert.Contains("Heba Habib contributed to this report.", a.Paragraphs);
    }

    [Theory]
    [InlineData("<div class='author'>Focus-Online-Experte Robin Tschöpe</div>", "Robin Tschöpe")]
    public void JobTitleInAnAuthorElementIsDropped(string byline, string expected)
    {
        var a = Clean($"<html><body><h1>Bridge to be rebuilt</h1>{byline}{Body}</body></html>");
        Assert.Equal([expected], a.Authors);
    }

    [Theory]
    [InlineData("Doris Schuppe", "Doris Schuppe")]
    [InlineData("admin", null)]
    public void JsonLdAuthorGivenByReferenceIsResolvedInTheGraph(string personName, string? expected)
    {
        var json = """{"@context":"https://schema.org","@graph":[{"@type":"BlogPosting","headline":"Bridge","author":{"@id":"https://example.org/author/admin/#author"}},{"@type":"Person","@id":"https://example.org/author/admin/#author","name":"NAME"}]}""".Replace("NAME", personName);
        var a = Clean($"<html><head><script type='application/ld+json'>{json}</script></head><body><h1>Bridge to be rebuilt</h1>{Body}</body></html>");
        Assert.Equal(expected == null ? [] : [expected], a.Authors);
    }

    [Fact]
    public void CommentsClassOnTheBodyDoesNotHideTheByline()
    {
        var a = Clean($"<html><body class='single-post showing-comments'><h1>Bridge to be rebuilt</h1><ul class='post-meta'><li class='post-author'><span>Post author</span> By <a href='/author/h/'>Helge Fahrnberger</a></li></ul>{Body}</body></html>");
        Assert.Equal(["Helge Fahrnberger"], a.Authors);
    }

    [Fact]
    public void DomainInMetaAuthorIsNoAuthor()
    {
        var a = Clean($"<html><head><meta name='author' content='kath.net'></head><body><h1>Bridge to be rebuilt</h1>{Body}</body></html>");
        Assert.Empty(a.Authors);
    }

    [Theory]
    [InlineData("Italien: Reise- und Sicherheitshinweise - Auswärtiges Amt", "Auswärtiges Amt", "Auswärtiges Amt", null)]
    [InlineData("Krach vor der VW-Betriebsversammlung", "Automobilwoche.de", "Automobilwoche", null)]
    [InlineData("BDZV: Olafur Eliasson gestaltet Titelseite", "BDZV", "BDZV", null)]
    [InlineData("Simple Anomaly Detection Using Plain SQL | Haki Benita", null, "Haki Benita", "Haki Benita")]
    public void PublisherNamedAsMetaAuthorIsNoAuthor(string title, string? siteName, string metaAuthor, string? expected)
    {
        var og = siteName == null ? "" : $"<meta property='og:site_name' content='{siteName}'>";
        var a = Clean($"<html><head><title>{title}</title>{og}<meta name='author' content='{metaAuthor}'></head><body><h1>Bridge to be rebuilt</h1>{Body}</body></html>");
        Assert.Equal(expected == null ? [] : [expected], a.Authors);
    }

    [Fact]
    public void JsonLdOrganisationThatIsTheSiteIsNoAuthor()
    {
        var a = Clean($$$"""<html><head><title>Coronavirus: New York deaths rise - BBC News</title><meta property="og:site_name" content="BBC News"><script type="application/ld+json">{"@type":"NewsArticle","author":{"@type":"Organization","name":"BBC News"}}</script></head><body>{{{Body}}}</body></html>""");
        Assert.Empty(a.Authors);
    }

    [Fact]
    public void BylineContainerWinsOverANameNextToADate()
    {
        var a = Clean($"<html><body><h1>Bridge to be rebuilt</h1><div class='byline'>By Rob Picheta, CNN</div><p>Updated 2010 GMT March 14, 2021</p><h3>JUST WATCHED</h3>{Body}</body></html>");
        Assert.Equal(["Rob Picheta"], a.Authors);
    }

    [Fact]
    public void JsonLdPersonsWinOverMetaAuthor()
    {
        var a = Clean($$"""<html><head><meta name="author" content="Site Owner"><script type="application/ld+json">{"@type":"NewsArticle","author":[{"@type":"Person","name":"Ann Author"},{"@type":"Person","name":"Bo Writer"}]}</script></head><body>{{Body}}</body></html>""");
        Assert.Equal(["Ann Author", "Bo Writer"], a.Authors);
    }

    [Fact]
    public void CommentersAreNotAuthors()
    {
        var a = Clean($"<html><body>{Body}<div id='comments'><span class='comment-author'>Jordan Smith</span> said: nice.</div></body></html>");
        Assert.Empty(a.Authors);
    }

    [Fact]
    public void FigureCaptionAndCreditAreSplitAndDatelineRead()
    {
        var a = Clean("""
            <html lang="de"><body><article><h1>Hafen meldet Rekord</h1>
            <figure><img src="a.jpg"><figcaption>Ein Schiff am Kai. <span class="credit">Foto: Max Muster/dpa/Archivbild</span></figcaption></figure>
            <p>Hamburg (dpa/lno) – Der Hafen hat im vergangenen Jahr so viele Container umgeschlagen wie nie zuvor, teilte die Behörde mit.</p>
            <p>Vor allem der Handel mit Asien habe zugelegt, hieß es am Dienstag, und neue Verbindungen seien hinzugekommen.</p></article></body></html>
            """);
        Assert.Equal([new ImageInfo("Ein Schiff am Kai.", "Max Muster/dpa")], a.Images);
        Assert.Equal("Hamburg", a.Dateline);
        Assert.Equal("dpa", a.Agency);
        Assert.Equal("de", a.Language);
    }

    [Theory]
    [InlineData("ByAlex Bozarjian", "Alex Bozarjian")]
    [InlineData("VonMaria Schmidt", "Maria Schmidt")]
    [InlineData("Byron Pitts", "Byron Pitts")]
    public void MarkerGluedToANameByMarkupIsDropped(string raw, string expected) =>
        Assert.Equal(expected, new Cleaner.Core.Metadata.HtmlMetadata(Cleaner.Core.Knowledge.PhraseBook.Default).CleanName(raw));
}
