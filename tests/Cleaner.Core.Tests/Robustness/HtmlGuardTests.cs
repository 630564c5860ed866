using AngleSharp.Dom;
using Cleaner.Core.Input;
using Cleaner.Core.Segmentation;

namespace Cleaner.Core.Tests.Robustness;

public class HtmlGuardTests
{
    private static string Nest(string tag, int n, string inner = "deep text") =>
        "<html><body>" + string.Concat(Enumerable.Repeat($"<{tag}>", n)) + inner + string.Concat(Enumerable.Repeat($"</{tag}>", n)) + "</body></html>";

    /// <summary>Depth of the parsed tree, walked with an explicit stack.</summary>
    internal static int TreeDepth(INode root)
    {
        int max = 0;
        var stack = new Stack<(INode, int)>();
        stack.Push((root, 0));
        while (stack.Count > 0)
        {
            var (n, d) = stack.Pop();
            if (d > max) max = d;
            foreach (var c in n.ChildNodes) if (c is IElement) stack.Push((c, d + 1));
        }
        return max;
    }

    [Theory]
    [InlineData("div", 100_000)]
    [InlineData("b", 50_000)]
    [InlineData("span", 3_000)]
    public void DeepNestingIsFlattenedToTheLimitAndKeepsItsText(string tag, int depth)
    {
        var bounded = HtmlGuard.Bound(Nest(tag, depth));
        Assert.Equal(depth, bounded.MaxDepth);
        Assert.True(bounded.Flattened);
        var doc = HtmlSegmenter.Parse(bounded.Html);
        Assert.InRange(TreeDepth(doc), 1, HtmlLimits.Default.MaxDepth + 3);
        Assert.Contains("deep text", doc.Body!.TextContent);
    }

    [Fact]
    public void FlattenedBlockTagsDoNotGlueWords()
    {
        var html = "<html><body>" + string.Concat(Enumerable.Repeat("<div>word", 400)) + string.Concat(Enumerable.Repeat("</div>", 400)) + "</body></html>";
        var flattened = HtmlGuard.Bound(html).Html;
        Assert.Contains("word word", flattened);
        Assert.DoesNotContain("wordword", flattened);
    }

    [Theory]
    [InlineData("<p>para")]
    [InlineData("<li>item")]
    [InlineData("<tr><td>cell<td>cell")]
    [InlineData("<option>choice")]
    [InlineData("<dt>term<dd>definition")]
    [InlineData("<a href=x>link")]
    [InlineData("<h2>heading")]
    [InlineData("<img src=x><br><hr><input>")]
    [InlineData("<!-- <div><div><div> -->")]
    [InlineData("<script>if (a<b) document.write('<div><div>')</script>")]
    [InlineData("<div title='>'></div>")]
    [InlineData("<svg/><span>x</span>")]
    public void ImpliedEndTagsVoidsCommentsAndScriptsAreNotNesting(string unit)
    {
        var html = "<html><body><table><tbody><ul><select><dl>" + string.Concat(Enumerable.Repeat(unit, 5_000)) + "</dl></select></ul></tbody></table></body></html>";
        var bounded = HtmlGuard.Bound(html);
        Assert.False(bounded.Flattened);
        Assert.InRange(bounded.MaxDepth, 1, 12);
        Assert.Same(html, bounded.Html);
    }

    [Fact]
    public void SelfClosingSyntaxOnlyClosesForeignElements()
    {
        // In HTML "<div/>" opens a div: 1,000 of them nest 1,000 deep. In SVG, "<g/>" is closed.
        Assert.Equal(1_000, HtmlGuard.Bound(string.Concat(Enumerable.Repeat("<div/>", 1_000))).MaxDepth);
        Assert.InRange(HtmlGuard.Bound("<svg>" + string.Concat(Enumerable.Repeat("<g/>", 1_000)) + "</svg>").MaxDepth, 1, 2);
    }

    [Theory]
    [InlineData("<header><div><span><a href=x>")]
    [InlineData("<b><div></b>")]
    public void AdoptionAgencyKeepsNestingDeep(string unit)
    {
        // A second <a>, or </b>, with a block element in between re-parents instead of closing: the tree keeps growing.
        var bounded = HtmlGuard.Bound(string.Concat(Enumerable.Repeat(unit, 2_000)));
        Assert.True(bounded.MaxDepth >= 2_000, bounded.MaxDepth.ToString());
        Assert.True(bounded.Flattened);
    }

    [Fact]
    public void TooManyTagsIsRefusedWithAClearError()
    {
        var html = string.Concat(Enumerable.Repeat("<p>x</p>", 1_001));
        var e = Assert.Throws<InputTooComplexException>(() => HtmlGuard.Bound(html, new HtmlLimits { MaxTags = 1_000 }));
        Assert.Equal("too-complex", e.Kind);
        Assert.Contains("1000 tags", e.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("<")]
    [InlineData("<div")]
    [InlineData("<div class=\"unterminated")]
    [InlineData("<!--")]
    [InlineData("</")]
    [InlineData("<script>never closed")]
    [InlineData("<plaintext><div><div>")]
    [InlineData("<<<<>>>></></></>")]
    public void TruncatedMarkupIsHarmless(string html)
    {
        var bounded = HtmlGuard.Bound(html);
        Assert.False(bounded.Flattened);
    }

    /// <summary>On real pages the guard changes nothing and its modelled depth tracks the parser's.</summary>
    [Fact]
    public void RealPagesAreUntouched()
    {
        if (TestPaths.Corpus is not { } corpus) return;
        foreach (var file in Directory.EnumerateFiles(Path.Combine(corpus, "trafilatura-a", "html")).Order().Take(60))
        {
            var bytes = Gzip.Decompress(File.ReadAllBytes(file), long.MaxValue);
            var html = TextDecoder.Decode(bytes).Text;
            var bounded = HtmlGuard.Bound(html);
            Assert.False(bounded.Flattened, file);
            Assert.Same(html, bounded.Html);
        }
    }

    private const string JsonLd = """{"@type":"NewsArticle","headline":"Deep page","author":{"@type":"Person","name":"Ana Ruiz"}}""";

    private static Model.CleanResult Clean(string html) =>
        new CleanerPipeline().Clean(new InputDocument { Id = "t", Text = html, Format = Model.InputFormat.Html });

    /// <summary>JSON-LD comes from the pre-scan of the raw page, so a script below the flattening depth, and one
    /// after it, are still read, and the page cleans without an exception.</summary>
    [Fact]
    public void JsonLdInsideAndAfterFlattenedNestingIsRead()
    {
        const int depth = 20_000;
        var html = "<html><body>" + string.Concat(Enumerable.Repeat("<div>", depth)) +
                   $"""<script type="application/ld+json">{JsonLd}</script><p>Deep text at the bottom of the page.</p>""" +
                   string.Concat(Enumerable.Repeat("</div>", depth)) +
                   """<script type="application/ld+json">{"@type":"WebPage","name":"After"}</script></body></html>""";
        var bounded = HtmlGuard.Bound(html);
        Assert.True(bounded.Flattened);
        Assert.Equal(2, bounded.JsonLd.Count);
        Assert.Equal(JsonLd, bounded.JsonLd[0]);
        var r = Clean(html);
        Assert.Equal(["Ana Ruiz"], r.Article.Authors);
        Assert.Contains(r.Warnings, w => w.Contains("flattened"));
    }

    /// <summary>A page cut off inside or right after a JSON-LD script: the script runs to the end of the text
    /// (as in the parser), unparsable JSON is ignored, and nothing throws.</summary>
    [Theory]
    [InlineData("<p>Text.</p><script type=\"application/ld+json\">" + "{\"@type\":\"NewsArticle\",\"author\":{\"@type\":\"Person\",\"name\":\"Ana Ruiz\"}}", "Ana Ruiz")]
    [InlineData("<p>Text.</p><script type=\"application/ld+json\">" + "{\"@type\":\"NewsArticle\",\"author\":{\"@type\":\"Person\",\"name\":\"Ana Ruiz\"}}</script", "Ana Ruiz")]
    [InlineData("<p>Text.</p><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"author\":{\"@type\":\"Pers", null)]
    [InlineData("<p>Text.</p><script type=\"application/ld+json\"", null)]
    [InlineData("<p>Text.</p><script type=\"application/ld+json", null)]
    [InlineData("<p>Text.</p><script type=\"application/ld+json\">", null)]
    [InlineData("<p>Text.</p><script type=\"application/ld+json\"></scr", null)]
    [InlineData("<p>Text.</p><script type=\"application/ld+json\">[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[</script>", null)]
    public void TruncatedOrBrokenJsonLdScriptsAreHandled(string body, string? author)
    {
        var html = "<html><body>" + body;
        var r = Clean(html);
        Assert.Equal(author == null ? [] : [author], r.Article.Authors);
    }
}
