using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Cleaner.Core.Classification;
using Cleaner.Core.Knowledge;
using Cleaner.Core.Metadata;
using Cleaner.Core.Model;
using Cleaner.Core.Segmentation.Html;

namespace Cleaner.Core.Segmentation;

/// <summary>Turns an HTML page into blocks: one per block-level element that holds text, with the features
/// the detectors need (tag path, class/id tokens, link density, headings, visibility, semantic containers),
/// and an <see cref="HtmlLayout"/> with per-element aggregates and Readability-style content scores.
/// One iterative walk (explicit stack) over ChildNodes: nesting depth never grows the call stack, and every
/// node is visited once (no per-node TextContent, no re-serialisation).</summary>
public sealed class HtmlSegmenter(PhraseBook? phrases = null)
{
    private readonly PhraseBook _phrases = phrases ?? PhraseBook.Default;

    private static readonly HashSet<string> Skip = new(StringComparer.Ordinal)
        { "script", "style", "noscript", "template", "svg", "annotation", "annotation-xml", "iframe", "object", "embed", "canvas", "head", "select", "option", "button", "input", "textarea", "video", "audio", "map", "link", "meta", "title", "dialog" };

    private static readonly HashSet<string> BlockTags = new(StringComparer.Ordinal)
    {
        "p", "div", "section", "article", "main", "aside", "header", "footer", "nav", "h1", "h2", "h3", "h4", "h5", "h6",
        "li", "ul", "ol", "dl", "dt", "dd", "table", "tr", "td", "th", "tbody", "thead", "tfoot", "caption", "figure", "figcaption",
        "blockquote", "pre", "form", "fieldset", "address", "hr", "br", "body", "html", "center", "details", "summary", "legend", "menu",
    };

    private static readonly HashSet<string> LandmarkRoles = new(StringComparer.Ordinal)
        { "menu", "menubar", "complementary", "navigation", "alert", "alertdialog", "dialog", "banner", "contentinfo", "search" };

    /// <summary>Parses the page for segmentation. Script, style and comment text is skipped, not kept as strings:
    /// nothing reads it (JSON-LD comes from the pre-scan, <see cref="BoundedHtml.JsonLd"/>), and it was 120 KB of a
    /// page's 900 KB of parser allocations (bench --stages). Raw text (style…) is kept only on a page with an xmp
    /// listing, an obsolete pre that the parser reads as raw text too but the browser shows.</summary>
    public static IHtmlDocument Parse(string html) => new HtmlParser(new HtmlParserOptions
    {
        IsScripting = false, IsKeepingSourceReferences = false, SkipScriptText = true, SkipComments = true,
        SkipRawText = !html.Contains("<xmp", StringComparison.OrdinalIgnoreCase),
    }).ParseDocument(html);

    /// <summary>Parses the page as published, script text included, for a readability port that reads it.</summary>
    public static IHtmlDocument ParseComplete(string html) =>
        new HtmlParser(new HtmlParserOptions { IsScripting = false, IsKeepingSourceReferences = false }).ParseDocument(html);

    /// <summary>An open element. Frames are reused once their element is closed (a page opens thousands).</summary>
    private sealed class Frame
    {
        public IElement El = null!;
        public string Name = "";
        public int ContainerId;                 // block elements only, else -1
        public string? Tokens;                  // own "class id", lower case
        public bool Hidden, InArticle, InFigure, Unlikely, InTable, IsLink, InComments, InMath;
        public int GroupId;
        public int TextStart, LinkStart, CommaStart, ParagraphStart;
        public int Depth;
        public byte AuthorKind;                 // 0 none, 1 rel=author, 2 itemprop=author, 3 byline class
        public string? Lead;                    // h1 only: text of its first child element when no text precedes it

        /// <summary>Opens <paramref name="el"/> inside <paramref name="parent"/>, inheriting its context flags.</summary>
        public Frame Open(IElement el, string name, int depth, Frame? parent, int textStart, int linkStart, int commaStart, int paragraphStart)
        {
            El = el; Name = name; Depth = depth;
            ContainerId = -1; Tokens = null; IsLink = false; AuthorKind = 0; Lead = null;
            Hidden = parent?.Hidden ?? false; InArticle = parent?.InArticle ?? false; InFigure = parent?.InFigure ?? false;
            Unlikely = parent?.Unlikely ?? false; InMath = parent?.InMath ?? false; InComments = parent?.InComments ?? false;
            InTable = parent?.InTable ?? false; GroupId = parent?.GroupId ?? -1;
            TextStart = textStart; LinkStart = linkStart; CommaStart = commaStart; ParagraphStart = paragraphStart;
            return this;
        }
    }

    private readonly Stack<Frame> _freeFrames = new();
    private readonly System.Text.StringBuilder _path = new(), _tokens = new();
    private char[] _chars = new char[1024];

    /// <summary>The builder's text as one pooled string (tag paths and class tokens repeat across blocks).</summary>
    private string Pooled(System.Text.StringBuilder sb) => StringPool.Shared.Get(CharsOf(sb));

    /// <summary>The builder's text with white space collapsed, as one new string.</summary>
    private string Normalized(System.Text.StringBuilder sb) => TextMetrics.NormalizeSpace(CharsOf(sb));

    /// <summary>The builder's text in the reused buffer (valid until the next call).</summary>
    private ReadOnlySpan<char> CharsOf(System.Text.StringBuilder sb)
    {
        if (_chars.Length < sb.Length) _chars = new char[Math.Max(sb.Length, _chars.Length * 2)];
        sb.CopyTo(0, _chars, sb.Length);
        return _chars.AsSpan(0, sb.Length);
    }

    /// <summary>An element's own class and id, lower case, trimmed ("class id"): pooled, as class strings repeat.</summary>
    private static string ClassAndId(string? cls, string? id)
    {
        int length = (cls?.Length ?? 0) + 1 + (id?.Length ?? 0);
        char[]? rented = null;
        Span<char> raw = length <= 256 ? stackalloc char[256] : (rented = System.Buffers.ArrayPool<char>.Shared.Rent(length));
        int n = 0;
        if (cls != null) { cls.CopyTo(raw); n = cls.Length; }
        raw[n++] = ' ';
        if (id != null) { id.CopyTo(raw[n..]); n += id.Length; }
        var trimmed = raw[..n].Trim();
        Span<char> lower = length <= 256 ? stackalloc char[256] : new char[length];
        int m = trimmed.ToLowerInvariant(lower);
        var tokens = StringPool.Shared.Get(lower[..m]);
        if (rented != null) System.Buffers.ArrayPool<char>.Shared.Return(rented);
        return tokens;
    }

    /// <param name="page">The page as bounded and pre-scanned (its HTML, for a second opinion, and its JSON-LD).</param>
    public List<Block> Segment(IHtmlDocument doc, BoundedHtml page, PageHints hints)
    {
        var layout = new HtmlLayout { PublishedHtml = page.Html };
        hints.Html = layout;
        CollectHead(doc, hints, layout);
        var blocks = new List<Block>();
        var root = doc.Body ?? doc.DocumentElement;
        if (root == null) return blocks;

        var positive = _phrases.All("html-class-positive").Select(p => p.Phrase).ToArray();
        var negative = _phrases.All("html-class-negative").Select(p => p.Phrase).ToArray();
        var unlikely = _phrases.All("html-class-unlikely").Select(p => p.Phrase).ToArray();
        var maybe = _phrases.All("html-class-maybe").Select(p => p.Phrase).ToArray();
        var bylineClass = _phrases.All("html-class-byline").Select(p => p.Phrase).ToArray();
        var creditClass = _phrases.All("html-class-credit").Select(p => p.Phrase).ToArray();
        var commentsClass = _phrases.All("html-class-comments").Select(p => p.Phrase).ToArray();
        // Class strings repeat across a page: classify each distinct one once.
        var classCache = new Dictionary<string, ClassFlags>(StringComparer.Ordinal);
        ClassFlags Classify(string tokens)
        {
            if (classCache.TryGetValue(tokens, out var flags)) return flags;
            if (ContainsAny(tokens, positive)) flags |= ClassFlags.Positive;
            if (ContainsAny(tokens, negative)) flags |= ClassFlags.Negative;
            if (ContainsAny(tokens, unlikely) && !ContainsAny(tokens, maybe)) flags |= ClassFlags.Unlikely;
            if (ContainsAny(tokens, bylineClass)) flags |= ClassFlags.Byline;
            if (ContainsAny(tokens, creditClass) && !tokens.Contains("copyright-notice")) flags |= ClassFlags.Credit;
            if (ContainsAny(tokens, commentsClass)) flags |= ClassFlags.Comments;
            return classCache[tokens] = flags;
        }

        var text = new System.Text.StringBuilder();
        int blockLinkChars = 0, blockTextChars = 0;
        int totalText = 0, totalLink = 0, totalCommas = 0, totalParagraphs = 0, linkDepth = 0;
        int groupCounter = 0;
        var open = new List<Frame>();            // every open element, outermost first
        var openBlocks = new List<Frame>();      // open block elements (owners), outermost first

        void Flush()
        {
            if (text.Length == 0 || openBlocks.Count == 0) { text.Clear(); blockLinkChars = blockTextChars = 0; return; }
            var t = Normalized(text);
            var owner = openBlocks[^1];
            if (t.Length > 0)
            {
                var b = new Block(blocks.Count, t) { Tag = owner.Name };
                Describe(b, owner, open);
                b.LinkDensity = blockTextChars == 0 ? 0 : Math.Min(1, (double)blockLinkChars / blockTextChars);
                blocks.Add(b);
                layout.BlockContainer.Add(owner.ContainerId);
                layout.BlockUnlikely.Add(owner.Unlikely);
                if (!owner.Hidden && b.LinkDensity < 0.5 && TextMetrics.EffectiveLength(t) >= 25) totalParagraphs++;
            }
            text.Clear();
            blockLinkChars = blockTextChars = 0;
        }

        var stack = new Stack<(INode Node, bool Exit)>();
        stack.Push((root, false));
        while (stack.Count > 0)
        {
            var (node, exit) = stack.Pop();
            if (node is IElement el)
            {
                if (exit)
                {
                    var f = open[^1];
                    if (f.ContainerId >= 0) Flush(); // while the element is still open, so the path ends with it
                    open.RemoveAt(open.Count - 1);
                    if (f.IsLink) linkDepth--;
                    if (f.ContainerId >= 0)
                    {
                        openBlocks.RemoveAt(openBlocks.Count - 1);
                        var c = layout.Containers[f.ContainerId];
                        c.EndBlock = blocks.Count;
                        c.TextChars = totalText - f.TextStart;
                        c.LinkChars = totalLink - f.LinkStart;
                        c.Commas = totalCommas - f.CommaStart;
                        c.Paragraphs = totalParagraphs - f.ParagraphStart;
                        if (f.Name == "h1" && !f.Hidden && c.FirstBlock < c.EndBlock) {
                            layout.H1.Add((string.Join(" ", blocks.Skip(c.FirstBlock).Take(c.EndBlock - c.FirstBlock).Select(x => x.Text)), c.FirstBlock));
                            layout.H1Leads.Add(f.Lead);
                        }
                    }
                    if (f.AuthorKind > 0 && !f.Hidden && totalText - f.TextStart is > 1 and <= 160)
                        AddAuthorHint(f, layout, blocks.Count);
                    f.El = null!;
                    _freeFrames.Push(f);
                    continue;
                }
                var name = el.LocalName;
                if (Skip.Contains(name))
                {
                    if (name == "meta") ReadMeta(el, hints, layout);
                    continue;
                }
                // Formulas are text (MathML tokens); hidden ones are the fallback of a rendered picture.
                if (name == "math" && (open.Count > 0 && open[^1].Hidden || IsHidden(el))) continue;
                if (name == "br")
                {
                    text.Append(' ');
                    continue;
                }
                if (name == "time" && hints.Date == null && el.GetAttribute("datetime") is { Length: > 0 } dt) hints.Date = dt.Trim();

                var parent = open.Count > 0 ? open[^1] : null;
                // A kicker ("overline", "supertitle", a date) is often the h1's first child element, before any text of its own.
                if (parent is { Name: "h1", Lead: null } && totalText == parent.TextStart && name != "a" && !IsHidden(el) &&
                    TextMetrics.NormalizeSpace(el.TextContent).Trim() is { Length: > 0 } lead)
                    parent.Lead = lead;
                var frame = (_freeFrames.Count > 0 ? _freeFrames.Pop() : new Frame())
                    .Open(el, name, open.Count, parent, totalText, totalLink, totalCommas, totalParagraphs);
                var cls = el.GetAttribute("class");
                var id = el.GetAttribute("id");
                if (cls != null || id != null) frame.Tokens = ClassAndId(cls, id);
                var classFlags = frame.Tokens != null ? Classify(frame.Tokens) : ClassFlags.None;
                // A comments class on the page's outer elements ("showing-comments" on body) is a page state, not a comment section.
                if ((classFlags & ClassFlags.Comments) != 0 && name is not ("html" or "body" or "main")) frame.InComments = true;
                if (IsHidden(el)) frame.Hidden = true;
                if (name is "article" or "main" || el.GetAttribute("itemprop") is "articleBody" or "articlebody") frame.InArticle = true;
                if (name is "figure" or "figcaption") frame.InFigure = true;
                if (name == "table") frame.InTable = true;
                if (name == "math") frame.InMath = true;
                if (name is "table" or "ul" or "ol" or "form" or "nav" or "dl" or "menu") frame.GroupId = ++groupCounter;
                if (name == "a") { frame.IsLink = true; linkDepth++; }
                if (!frame.Unlikely && name is not ("body" or "a" or "article" or "main") && !frame.InTable)
                {
                    var role = el.GetAttribute("role");
                    if (role != null && LandmarkRoles.Contains(role) ||
                        (classFlags & ClassFlags.Unlikely) != 0)
                        frame.Unlikely = true;
                }
                if (name == "a" && (el.GetAttribute("rel") ?? "").Contains("author", StringComparison.OrdinalIgnoreCase)) frame.AuthorKind = 1;
                else if (el.GetAttribute("itemprop") is "author" or "creator") frame.AuthorKind = 2;
                else if ((classFlags & ClassFlags.Byline) != 0) frame.AuthorKind = 3;

                bool isBlock = BlockTags.Contains(name) ||
                               (classFlags & ClassFlags.Credit) != 0;
                open.Add(frame);
                if (isBlock)
                {
                    Flush();
                    frame.ContainerId = layout.Containers.Count;
                    var weight = 0.0;
                    if ((classFlags & ClassFlags.Negative) != 0) weight -= 25;
                    if ((classFlags & ClassFlags.Positive) != 0) weight += 25;
                    layout.Containers.Add(new HtmlContainer
                    {
                        Id = frame.ContainerId, ParentId = openBlocks.Count > 0 ? openBlocks[^1].ContainerId : -1, Tag = name,
                        Tokens = frame.Tokens ?? "", ClassName = cls, ClassWeight = weight, Unlikely = frame.Unlikely,
                        Hidden = frame.Hidden, Depth = frame.Depth, FirstBlock = blocks.Count,
                    });
                    openBlocks.Add(frame);
                    if (frame.Depth > layout.MaxDepth) layout.MaxDepth = frame.Depth;
                }
                stack.Push((el, true));
                var children = el.ChildNodes;
                for (int i = children.Length - 1; i >= 0; i--)
                {
                    var child = children[i];
                    if (child.NodeType is NodeType.Element or NodeType.Text) stack.Push((child, false));
                }
            }
            else if (node.NodeType == NodeType.Text)
            {
                var data = node.TextContent;
                var top = open.Count > 0 ? open[^1] : null;
                // MathML tokens (<mi>a</mi><mo>+</mo>…) are separate words.
                if (top is { InMath: true }) text.Append(' ').Append(data).Append(' ');
                else text.Append(data);
                if (top is { Hidden: true }) continue;
                int n = 0, commas = 0;
                foreach (var ch in data)
                {
                    if (char.IsWhiteSpace(ch)) continue;
                    n++;
                    if (ch is ',' or '，' or '、' or '،') commas++;
                }
                totalText += n;
                totalCommas += commas;
                blockTextChars += n;
                if (linkDepth > 0) { totalLink += n; blockLinkChars += n; }
            }
        }
        while (open.Count > 0) open.RemoveAt(open.Count - 1);
        Flush();
        foreach (var json in page.JsonLd) JsonLdReader.Read(json, hints, layout);
        FinishHints(hints, layout);
        AppendArticleBody(hints, layout, blocks);
        return blocks;
    }

    /// <summary>The JSON-LD articleBody as extra blocks after the page's own (tag "json-ld"); the content scorer
    /// uses them only when the visible page holds much less of the article (text rendered by scripts).</summary>
    private static void AppendArticleBody(PageHints hints, HtmlLayout layout, List<Block> blocks)
    {
        var body = hints.ArticleBody;
        if (body == null || body.Length < 200) return;
        layout.JsonLdFirstBlock = blocks.Count;
        foreach (var paragraph in SplitArticleBody(body))
        {
            var b = new Block(blocks.Count, paragraph) { Tag = "json-ld", TagPath = "script[ld+json]>articleBody" };
            blocks.Add(b);
            layout.BlockContainer.Add(-1);
            layout.BlockUnlikely.Add(false);
        }
    }

    /// <summary>Paragraphs of an articleBody value, which may be plain text with line breaks or escaped HTML.</summary>
    public static List<string> SplitArticleBody(string body)
    {
        var paragraphs = new List<string>();
        var current = new System.Text.StringBuilder();
        void End()
        {
            var t = TextMetrics.NormalizeSpace(System.Net.WebUtility.HtmlDecode(current.ToString()));
            if (t.Length > 0) paragraphs.Add(t);
            current.Clear();
        }
        for (int i = 0; i < body.Length; i++)
        {
            char c = body[i];
            if (c == '\n') { End(); continue; }
            if (c == '<')
            {
                int close = body.IndexOf('>', i + 1);
                if (close < 0) { current.Append(c); continue; }
                var tag = body.AsSpan(i + 1, close - i - 1).TrimStart('/');
                int n = 0;
                while (n < tag.Length && char.IsAsciiLetterOrDigit(tag[n])) n++;
                var name = tag[..n].ToString().ToLowerInvariant();
                if (BlockTags.Contains(name)) End();
                i = close;
                continue;
            }
            current.Append(c);
        }
        End();
        return paragraphs;
    }

    [Flags]
    private enum ClassFlags { None = 0, Positive = 1, Negative = 2, Unlikely = 4, Byline = 8, Credit = 16, Comments = 32 }

    private static bool ContainsAny(string tokens, string[] fragments)
    {
        foreach (var f in fragments) if (tokens.Contains(f, StringComparison.Ordinal)) return true;
        return false;
    }

    private static bool IsHidden(IElement el)
    {
        if (el.HasAttribute("hidden")) return true;
        if (el.GetAttribute("aria-hidden") == "true" && el.LocalName is not ("figure" or "img" or "picture")) return true;
        if (el.LocalName is not ("html" or "body") && IsModal(el.GetAttribute("class"))) return true;
        var style = el.GetAttribute("style");
        if (style == null) return false;
        int i = style.IndexOf("display", StringComparison.OrdinalIgnoreCase);
        if (i < 0) return false;
        var rest = style.AsSpan(i + 7).TrimStart().TrimStart(':').TrimStart();
        return rest.StartsWith("none", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>A dialog box (class token "modal", as in Bootstrap and most CSS kits): hidden until a script opens it
    /// (sign-in, newsletter and share prompts), so not part of what the reader sees. Not on html or body: the page
    /// itself is no dialog, such a class there is a page state.</summary>
    private static bool IsModal(string? cls)
    {
        if (cls == null) return false;
        int i = cls.IndexOf("modal", StringComparison.OrdinalIgnoreCase);
        while (i >= 0)
        {
            int end = i + 5;
            if ((i == 0 || char.IsWhiteSpace(cls[i - 1])) && (end == cls.Length || char.IsWhiteSpace(cls[end]))) return true;
            i = cls.IndexOf("modal", end, StringComparison.OrdinalIgnoreCase);
        }
        return false;
    }

    /// <summary>Tag path and class tokens from the nearest open elements (at most 8 levels, so deep pages stay linear).</summary>
    private void Describe(Block b, Frame owner, List<Frame> open)
    {
        var path = _path.Clear();
        var tokens = _tokens.Clear();
        int from = Math.Max(0, open.Count - 8);
        for (int i = from; i < open.Count; i++)
        {
            var f = open[i];
            if (path.Length > 0) path.Append('>');
            path.Append(f.Name);
            if (f.Tokens != null && tokens.Length < 400) { if (tokens.Length > 0) tokens.Append(' '); tokens.Append(f.Tokens); }
            if (ReferenceEquals(f, owner)) break;
        }
        b.TagPath = Pooled(path);
        b.ClassTokens = Pooled(tokens);
        b.InArticleContainer = owner.InArticle;
        b.InFigure = owner.InFigure;
        b.Hidden = owner.Hidden;
        b.GroupId = owner.GroupId;
        var n = owner.Name;
        if (n.Length == 2 && n[0] == 'h' && n[1] is >= '1' and <= '6') b.HeadingLevel = n[1] - '0';
        b.IsListItem = n == "li";
    }

    private static void AddAuthorHint(Frame f, HtmlLayout layout, int position)
    {
        var el = f.El;
        // itemprop=author often wraps itemprop=name; the name alone is cleaner.
        var source = f.AuthorKind switch { 1 => "rel-author", 2 => "itemprop-author", _ => "byline-class" };
        string raw;
        if (f.AuthorKind == 2)
        {
            var metaName = el.GetAttribute("content");
            var nameEl = FindChildWithItemprop(el, "name");
            raw = nameEl?.GetAttribute("content") ?? nameEl?.TextContent ?? metaName ?? el.TextContent;
        }
        else raw = el.TextContent;
        var t = TextMetrics.NormalizeSpace(raw);
        if (t.Length is < 2 or > 160) return;
        // Nested hints (a byline div around an itemprop=author span) report inner ones first; keep both, parsing decides.
        layout.AuthorHints.Add(new HtmlAuthorHint(t, source, f.InComments, position));
    }

    /// <summary>A descendant with the given itemprop, searched breadth-first over at most 50 elements.</summary>
    private static IElement? FindChildWithItemprop(IElement el, string itemprop)
    {
        var queue = new Queue<IElement>();
        foreach (var c in el.Children) queue.Enqueue(c);
        int seen = 0;
        while (queue.Count > 0 && seen++ < 50)
        {
            var e = queue.Dequeue();
            if (e.GetAttribute("itemprop") == itemprop) return e;
            foreach (var c in e.Children) queue.Enqueue(c);
        }
        return null;
    }

    private static void CollectHead(IHtmlDocument doc, PageHints hints, HtmlLayout layout)
    {
        var title = doc.Title;
        if (!string.IsNullOrWhiteSpace(title)) hints.TitleTag = TextMetrics.NormalizeSpace(title);
        var head = doc.Head;
        if (head != null)
        {
            foreach (var el in head.Children)
            {
                if (el.LocalName == "meta") ReadMeta(el, hints, layout);
            }
        }
        var lang = doc.DocumentElement?.GetAttribute("lang");
        if (!string.IsNullOrWhiteSpace(lang)) hints.DeclaredLanguage = lang.Trim();
    }

    /// <summary>JSON-LD scripts in the head are read with the body's (the walk only visits the body).</summary>
    private static void FinishHints(PageHints hints, HtmlLayout layout)
    {
        if (layout.OgTitle != null && !hints.TitleCandidates.Contains(layout.OgTitle)) hints.TitleCandidates.Insert(0, layout.OgTitle);
        foreach (var h in layout.JsonLdHeadlines)
            if (!hints.TitleCandidates.Contains(h)) hints.TitleCandidates.Add(h);
    }

    private static void ReadMeta(IElement meta, PageHints hints, HtmlLayout layout)
    {
        var key = (meta.GetAttribute("property") ?? meta.GetAttribute("name") ?? meta.GetAttribute("itemprop") ?? "").ToLowerInvariant();
        var content = meta.GetAttribute("content");
        if (string.IsNullOrWhiteSpace(content)) return;
        content = TextMetrics.NormalizeSpace(System.Net.WebUtility.HtmlDecode(content));
        switch (key)
        {
            case "og:title":
                layout.OgTitle ??= content;
                break;
            case "twitter:title" or "headline" or "dc.title":
                if (!hints.TitleCandidates.Contains(content)) hints.TitleCandidates.Add(content);
                break;
            case "author" or "article:author" or "dc.creator" or "byl" or "sailthru.author" or "parsely-author" or "dcterms.creator" or "citation_author":
                if (!content.StartsWith("http", StringComparison.OrdinalIgnoreCase) && !layout.MetaAuthors.Contains(content))
                {
                    layout.MetaAuthors.Add(content);
                    if (!hints.Authors.Contains(content)) hints.Authors.Add(content);
                }
                break;
            case "article:published_time" or "datepublished" or "date" or "dc.date" or "pubdate" or "publish-date" or "og:published_time" or "dc.date.issued" or "dcterms.date":
                hints.Date ??= content;
                break;
            case "og:site_name":
                hints.SiteName ??= content;
                break;
            case "content-language" or "language" or "og:locale" or "dc.language":
                hints.DeclaredLanguage ??= content;
                break;
        }
        if ((meta.GetAttribute("http-equiv") ?? "").Equals("content-language", StringComparison.OrdinalIgnoreCase))
            hints.DeclaredLanguage ??= content;
    }
}
