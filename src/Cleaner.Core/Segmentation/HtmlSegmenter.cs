using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Cleaner.Core.Classification;
using Cleaner.Core.Model;

namespace Cleaner.Core.Segmentation;

/// <summary>Turns an HTML page into blocks: one per block-level element that holds text, with the features
/// the detectors need (tag path, class/id tokens, link density, headings, visibility, semantic containers).
/// The walk is iterative (an explicit stack), so nesting depth never grows the call stack.</summary>
public sealed class HtmlSegmenter
{
    private static readonly HashSet<string> Skip = new(StringComparer.OrdinalIgnoreCase)
        { "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed", "canvas", "head", "select", "option", "button", "input", "textarea", "video", "audio", "map" };

    private static readonly HashSet<string> BlockTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "section", "article", "main", "aside", "header", "footer", "nav", "h1", "h2", "h3", "h4", "h5", "h6",
        "li", "ul", "ol", "dl", "dt", "dd", "table", "tr", "td", "th", "tbody", "thead", "tfoot", "caption", "figure", "figcaption",
        "blockquote", "pre", "form", "fieldset", "address", "hr", "br", "body", "html", "center", "details", "summary", "legend", "menu",
    };

    public static IHtmlDocument Parse(string html)
    {
        var parser = new HtmlParser(new HtmlParserOptions { IsScripting = false, IsKeepingSourceReferences = false });
        return parser.ParseDocument(html);
    }

    public List<Block> Segment(IHtmlDocument doc, PageHints hints)
    {
        CollectHints(doc, hints);
        var blocks = new List<Block>();
        var root = doc.Body ?? doc.DocumentElement;
        if (root == null) return blocks;

        var text = new System.Text.StringBuilder();
        int linkChars = 0;
        IElement? owner = null;
        int groupCounter = 0;
        var groupOf = new Dictionary<IElement, int>();

        void Flush()
        {
            if (owner == null || text.Length == 0) { text.Clear(); linkChars = 0; return; }
            var t = TextMetrics.NormalizeSpace(text.ToString());
            if (t.Length > 0)
            {
                var b = new Block(blocks.Count, t) { Tag = owner.LocalName };
                Describe(owner, b, groupOf, ref groupCounter);
                b.LinkDensity = t.Length == 0 ? 0 : Math.Min(1, (double)linkChars / t.Length);
                blocks.Add(b);
            }
            text.Clear();
            linkChars = 0;
        }

        // Explicit stack of (node, entering?) pairs.
        var stack = new Stack<(INode Node, bool Exit, IElement? Owner)>();
        stack.Push((root, false, root));
        int linkDepth = 0;
        while (stack.Count > 0)
        {
            var (node, exit, ownerAtEntry) = stack.Pop();
            if (node is IElement el)
            {
                bool isBlock = BlockTags.Contains(el.LocalName);
                if (exit)
                {
                    if (el.LocalName == "a") linkDepth--;
                    if (isBlock) { Flush(); owner = ownerAtEntry; }
                    continue;
                }
                if (Skip.Contains(el.LocalName)) continue;
                if (el.LocalName == "br") { text.Append(' '); continue; }
                if (isBlock) { Flush(); }
                var previousOwner = owner;
                if (isBlock) owner = el;
                if (el.LocalName == "a") linkDepth++;
                stack.Push((el, true, previousOwner));
                var children = el.ChildNodes;
                for (int i = children.Length - 1; i >= 0; i--) stack.Push((children[i], false, null));
            }
            else if (node.NodeType == NodeType.Text)
            {
                var data = node.TextContent;
                text.Append(data);
                if (linkDepth > 0) linkChars += data.Trim().Length;
            }
        }
        Flush();
        return blocks;
    }

    private static void Describe(IElement el, Block b, Dictionary<IElement, int> groupOf, ref int groupCounter)
    {
        var path = new List<string>();
        var tokens = new System.Text.StringBuilder();
        int depth = 0;
        for (var e = el; e != null && depth < 40; e = e.ParentElement, depth++)
        {
            path.Add(e.LocalName);
            var cls = e.GetAttribute("class");
            var id = e.GetAttribute("id");
            if (cls != null) tokens.Append(cls.ToLowerInvariant()).Append(' ');
            if (id != null) tokens.Append(id.ToLowerInvariant()).Append(' ');
            if (e.LocalName is "article" or "main" || e.GetAttribute("itemprop") == "articleBody") b.InArticleContainer = true;
            if (e.LocalName is "figure" or "figcaption") b.InFigure = true;
            if (e.HasAttribute("hidden") || e.GetAttribute("aria-hidden") == "true" ||
                (e.GetAttribute("style") is { } st && st.Replace(" ", "").Contains("display:none", StringComparison.OrdinalIgnoreCase)))
                b.Hidden = true;
            if (e.LocalName is "table" or "ul" or "ol" or "form" or "nav" && b.GroupId < 0)
            {
                if (!groupOf.TryGetValue(e, out var g)) groupOf[e] = g = ++groupCounter;
                b.GroupId = g;
            }
        }
        path.Reverse();
        b.TagPath = string.Join('>', path);
        b.ClassTokens = tokens.ToString().Trim();
        if (el.LocalName.Length == 2 && el.LocalName[0] == 'h' && char.IsDigit(el.LocalName[1])) b.HeadingLevel = el.LocalName[1] - '0';
        b.IsListItem = el.LocalName == "li";
    }

    private static void CollectHints(IHtmlDocument doc, PageHints hints)
    {
        var title = doc.Title;
        if (!string.IsNullOrWhiteSpace(title)) hints.TitleTag = TextMetrics.NormalizeSpace(title);
        foreach (var meta in doc.QuerySelectorAll("meta"))
        {
            var key = (meta.GetAttribute("property") ?? meta.GetAttribute("name") ?? meta.GetAttribute("itemprop") ?? "").ToLowerInvariant();
            var content = meta.GetAttribute("content");
            if (string.IsNullOrWhiteSpace(content)) continue;
            content = TextMetrics.NormalizeSpace(content);
            switch (key)
            {
                case "og:title" or "twitter:title" or "headline":
                    hints.TitleCandidates.Add(content);
                    break;
                case "author" or "article:author" or "dc.creator" or "byl" or "sailthru.author" or "parsely-author":
                    if (!content.StartsWith("http", StringComparison.OrdinalIgnoreCase) && !hints.Authors.Contains(content)) hints.Authors.Add(content);
                    break;
                case "article:published_time" or "datepublished" or "date" or "dc.date" or "pubdate" or "publish-date" or "og:published_time":
                    hints.Date ??= content;
                    break;
                case "og:site_name":
                    hints.SiteName ??= content;
                    break;
                case "content-language" or "language" or "og:locale":
                    hints.DeclaredLanguage ??= content;
                    break;
            }
            if ((meta.GetAttribute("http-equiv") ?? "").Equals("content-language", StringComparison.OrdinalIgnoreCase))
                hints.DeclaredLanguage ??= content;
        }
        var lang = doc.DocumentElement?.GetAttribute("lang");
        if (!string.IsNullOrWhiteSpace(lang)) hints.DeclaredLanguage = lang;
    }
}
