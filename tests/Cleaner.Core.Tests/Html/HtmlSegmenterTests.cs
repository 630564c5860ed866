using Cleaner.Core.Classification;
using Cleaner.Core.Segmentation;

namespace Cleaner.Core.Tests.Html;

public class HtmlSegmenterTests
{
    private static (List<Model.Block> Blocks, PageHints Hints) Segment(string html)
    {
        var hints = new PageHints();
        var page = HtmlGuard.Bound(html);
        var blocks = new HtmlSegmenter().Segment(HtmlSegmenter.Parse(page.Html), page, hints);
        return (blocks, hints);
    }

    [Fact]
    public void DeepNestingDoesNotOverflowTheStack()
    {
        const int depth = 5_000;
        var html = string.Concat(Enumerable.Repeat("<div>", depth)) + "<p>Deep text at the bottom of the page.</p>" + string.Concat(Enumerable.Repeat("</div>", depth));
        var (blocks, hints) = Segment(html);
        Assert.Contains(blocks, b => b.Text == "Deep text at the bottom of the page.");
        Assert.True(hints.Html!.MaxDepth > 100, $"depth {hints.Html!.MaxDepth}");
    }

    [Fact]
    public void BlocksCarryPathClassTokensLinkDensityAndVisibility()
    {
        var (blocks, _) = Segment("""
            <body><article class="story"><p id="lead">Plain words and <a href="/x">a link</a>.</p></article>
            <div style="display: none"><p>Hidden text</p></div><div aria-hidden="true"><p>Also hidden</p></div>
            <figure><figcaption>A caption</figcaption></figure></body>
            """);
        var lead = blocks.Single(b => b.Text.StartsWith("Plain"));
        Assert.EndsWith("article>p", lead.TagPath);
        Assert.Contains("story", lead.ClassTokens);
        Assert.Contains("lead", lead.ClassTokens);
        Assert.True(lead.InArticleContainer);
        Assert.InRange(lead.LinkDensity, 0.2, 0.4);
        Assert.True(blocks.Single(b => b.Text == "Hidden text").Hidden);
        Assert.True(blocks.Single(b => b.Text == "Also hidden").Hidden);
        Assert.True(blocks.Single(b => b.Text == "A caption").InFigure);
    }

    [Fact]
    public void DialogBoxesMarkedModalAreHidden()
    {
        var (blocks, _) = Segment("""
            <body><p>Article text.</p><div class="col-12 modal fade"><div class="modal-body"><p>Your account is not approved yet.</p></div></div>
            <div class="modal-link-list"><p>A modal-like class name is not a dialog.</p></div></body>
            """);
        Assert.True(blocks.Single(b => b.Text.StartsWith("Your account")).Hidden);
        Assert.False(blocks.Single(b => b.Text.StartsWith("A modal-like")).Hidden);
        Assert.False(blocks.Single(b => b.Text == "Article text.").Hidden);
    }

    [Fact]
    public void ContainersAggregateTextLinksAndBlockRanges()
    {
        var (blocks, hints) = Segment("<body><div id='nav'><a href='/'>Home</a> <a href='/b'>Blog</a></div><div id='main'><p>One, two, three.</p><p>Four.</p></div></body>");
        var layout = hints.Html!;
        var nav = layout.Containers.Single(c => c.Tokens == "nav");
        var main = layout.Containers.Single(c => c.Tokens == "main");
        Assert.Equal(1.0, nav.LinkDensity);
        Assert.Equal(0, main.LinkChars);
        Assert.Equal(2, main.Commas);
        Assert.Equal(2, main.EndBlock - main.FirstBlock);
        Assert.Equal("One, two, three.", blocks[main.FirstBlock].Text);
        Assert.All(Enumerable.Range(main.FirstBlock, 2), i => Assert.Equal("p", layout.Containers[layout.BlockContainer[i]].Tag));
    }

    [Fact]
    public void ReadsJsonLdAuthorsArraysAndNestedPersonsOrganisations()
    {
        var (_, hints) = Segment("""
            <html><head><script type="application/ld+json">
            {"@context":"https://schema.org","@graph":[{"@type":"WebPage","name":"x"},
             {"@type":["NewsArticle"],"headline":"The headline","datePublished":"2020-01-02",
              "author":[{"@type":"Person","name":"Ann Author"},{"@type":"Person","name":["Bo Writer"]},{"@type":"Organization","name":"Wire"}],
              "articleBody":"Body text."}]}
            </script><script type="application/ld+json">{ not json </script></head><body><p>x</p></body></html>
            """);
        Assert.Equal(["Ann Author", "Bo Writer"], hints.Html!.JsonLdAuthors);
        Assert.Equal(["The headline"], hints.Html.JsonLdHeadlines);
        Assert.Equal("2020-01-02", hints.Date);
        Assert.Equal("Body text.", hints.ArticleBody);
    }

    [Fact]
    public void OrganisationAuthorIsUsedWhenNoPersonIsNamed()
    {
        var (_, hints) = Segment("""<script type="application/ld+json">{"@type":"Article","author":{"@type":"Organization","name":"Agencia EFE"}}</script><p>x</p>""");
        Assert.Equal(["Agencia EFE"], hints.Html!.JsonLdAuthors);
    }

    /// <summary>The page itself is no dialog box: a "modal" class on html or body (a page state) hides nothing.</summary>
    [Theory]
    [InlineData("<html class=\"modal\"><body><p>Article text.</p></body></html>")]
    [InlineData("<html><body class=\"page modal\"><p>Article text.</p></body></html>")]
    public void AModalClassOnThePageItselfHidesNothing(string html)
    {
        var (blocks, _) = Segment(html);
        Assert.False(blocks.Single(b => b.Text == "Article text.").Hidden);
    }

    [Theory]
    [InlineData("application/ld+json")]
    [InlineData("application/ld&#x2B;json")]
    [InlineData("APPLICATION/LD+JSON")]
    [InlineData("application/ld&#043;json")]
    [InlineData("application/ld&#X002b;json")]
    [InlineData("application/ld&#43json")]
    [InlineData("application/ld&plus;json")]
    public void JsonLdComesFromThePreScanHoweverItsTypeIsSpelled(string type)
    {
        var (_, hints) = Segment($"""<html><head><script type="{type}">""" + """{"@type":"NewsArticle","author":{"@type":"Person","name":"Ana Ruiz"}}</script></head><body><p>x</p></body></html>""");
        Assert.Equal(["Ana Ruiz"], hints.Html!.JsonLdAuthors);
    }

    /// <summary>xmp (an obsolete pre) is raw text to the parser, like style, but shown: its text stays.</summary>
    [Fact]
    public void TheTextOfAnXmpListingIsKept()
    {
        var (blocks, _) = Segment("<body><style>p { color: red }</style><div><XMP>if a <b> b then c</XMP></div><p>After.</p></body>");
        Assert.Equal(["if a <b> b then c", "After."], blocks.Select(b => b.Text));
    }

    [Fact]
    public void ScriptStyleAndCommentTextNeverBecomeBlocks()
    {
        var (blocks, _) = Segment("<body><style>p { color: red }</style><script>var a = '<p>not text</p>';</script><!-- note --><p>Only this.</p></body>");
        Assert.Equal(["Only this."], blocks.Select(b => b.Text));
    }

    [Fact]
    public void CollectsMetaRelAuthorBylineContainersTimeAndLanguage()
    {
        var (_, hints) = Segment("""
            <html lang="de-DE"><head><title>T | Site</title><meta name="author" content="Meta Name"><meta property="og:title" content="OG title"></head>
            <body><div class="byline">Von <a rel="author" href="/a">Rel Name</a></div><span itemprop="author"><span itemprop="name">Item Name</span></span>
            <time datetime="2021-05-06T10:00">6. Mai</time>
            <div id="comments"><span class="comment-author">Commenter</span></div><h1>Heading</h1></body></html>
            """);
        var layout = hints.Html!;
        Assert.Equal(["Meta Name"], layout.MetaAuthors);
        Assert.Contains(layout.AuthorHints, h => h.Source == "rel-author" && h.Text == "Rel Name");
        Assert.Contains(layout.AuthorHints, h => h.Source == "itemprop-author" && h.Text == "Item Name");
        Assert.Contains(layout.AuthorHints, h => h.Source == "byline-class" && h.Text == "Von Rel Name");
        Assert.Contains(layout.AuthorHints, h => h.Text == "Commenter" && h.InComments);
        Assert.Equal("2021-05-06T10:00", hints.Date);
        Assert.Equal("de-DE", hints.DeclaredLanguage);
        Assert.Equal("OG title", layout.OgTitle);
        Assert.Equal("Heading", layout.H1.Single().Text);
    }

    [Fact]
    public void CreditElementsInsideCaptionsBecomeTheirOwnBlocks()
    {
        var (blocks, _) = Segment("<figure><img src='a.jpg'><figcaption>Boats in the harbour.<span class='credit'>Photo: Jane Doe/AFP</span></figcaption></figure>");
        Assert.Contains(blocks, b => b.Text == "Boats in the harbour.");
        Assert.Contains(blocks, b => b.Text == "Photo: Jane Doe/AFP");
    }

    [Fact]
    public void VisibleMathIsTextAndHiddenMathIsNot()
    {
        var (blocks, _) = Segment("""
            <body><p>When <math><mi>a</mi><mo>≠</mo><mn>0</mn></math>, there are two solutions.</p>
            <p>Matrix <span style="display: none"><math><semantics><mi>A</mi><annotation>{\displaystyle A}</annotation></semantics></math></span> is square.</p></body>
            """);
        Assert.Contains(blocks, b => b.Text == "When a ≠ 0 , there are two solutions.");
        Assert.DoesNotContain(blocks, b => b.Text.Contains("displaystyle"));
    }

    /// <summary>Class tokens and tag paths are pooled per thread across pages, as they repeat; a long one (a class
    /// attribute of megabytes) must not be: a stream of such pages would otherwise keep them all alive.</summary>
    [Fact]
    public void LongClassStringsAreNotKeptAliveAfterThePage()
    {
        var tokens = SegmentAndForget(new string('x', 100_000));
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        Assert.False(tokens.IsAlive);
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static WeakReference SegmentAndForget(string cls)
    {
        var (blocks, _) = Segment($"""<body><div class="{cls}"><p>Some text.</p></div></body>""");
        var tokens = blocks.Single().ClassTokens!;
        Assert.StartsWith("xxx", tokens);
        return new WeakReference(tokens);
    }
}
