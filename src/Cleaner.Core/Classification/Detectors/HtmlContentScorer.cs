using Cleaner.Core.Model;
using Cleaner.Core.Segmentation;
using Cleaner.Core.Segmentation.Html;

namespace Cleaner.Core.Classification.Detectors;

/// <summary>Main content of an HTML page by Cleaner's own container scoring, in the manner of Readability:
/// paragraphs score their ancestors (see <see cref="HtmlSegmenter"/>), scores are scaled by link density, the best
/// container wins (climbing to a parent that several good candidates share), and siblings that score well or read
/// as paragraphs join it. Inside the chosen containers, link-heavy lists, forms, asides and footers are cleaned out;
/// everything outside is boilerplate. When no container stands out the generic <see cref="MainContentSelector"/>
/// decides instead.</summary>
public sealed class HtmlContentScorer : IBlockDetector
{
    public string Name => "html-content";

    /// <summary>Below this much selected text (effective characters) the choice counts as weak.</summary>
    public const int WeakTextLength = 250;

    public sealed record Selection(List<int> Containers, int TopId, bool StripUnlikely);

    public void Detect(PageContext page)
    {
        var layout = page.Hints.Html;
        if (page.Format != InputFormat.Html || layout == null || page.Blocks.Count == 0) return;
        var blocks = page.Blocks;
        var selection = layout.Selection ?? SelectWithRetry(layout, blocks);
        int contentLength = 0, first = -1, last = -1;
        var plan = selection == null ? null : Plan(page, layout, selection, out contentLength, out first, out last);
        if (plan == null || contentLength < WeakTextLength)
        {
            // Weak choice: ask SmartReader (Readability port) for a second opinion, on such pages only.
            if (SecondOpinion(page, layout, contentLength: plan == null ? 0 : contentLength)) return;
            if (plan == null || contentLength == 0)
            {
                int f = -1, l = -1;
                bool use = UseArticleBody(page, layout, null);
                if (use)
                    foreach (var b in blocks)
                        if (!b.IsDecided && b.Index < layout.JsonLdFirstBlock) b.Label(BlockKind.Boilerplate, Name, "no article container on the page; the JSON-LD articleBody is the text");
                LabelArticleBody(page, layout, use, ref f, ref l);
                if (use) { page.RegionStart = f; page.RegionEnd = l; page.RegionFixed = f >= 0; }
                return; // otherwise the generic selector decides
            }
        }
        bool useJsonLd = UseArticleBody(page, layout, plan);
        for (int i = 0; i < blocks.Count; i++)
        {
            if (blocks[i].IsDecided || plan[i] is not { } l) continue;
            // With the articleBody in use, page blocks it repeats are duplicates.
            if (useJsonLd && l.Kind == BlockKind.Content && i < layout.JsonLdFirstBlock && JsonLdRepeats(blocks, layout, blocks[i]))
                blocks[i].Label(BlockKind.Metadata, Name, "repeated by the JSON-LD articleBody used as the text");
            else blocks[i].Label(l.Kind, l.Rule, l.Reason);
        }
        LabelArticleBody(page, layout, useJsonLd, ref first, ref last);
        page.RegionStart = first;
        page.RegionEnd = last;
        page.RegionFixed = first >= 0;
    }

    /// <summary>The JSON-LD articleBody stands in for the text when the kept content holds clearly less of it
    /// (probed every 200 characters).</summary>
    private static bool UseArticleBody(PageContext page, HtmlLayout layout, PlannedLabel?[]? plan)
    {
        if (layout.JsonLdFirstBlock < 0) return false;
        var kept = new System.Text.StringBuilder();
        for (int i = 0; i < layout.JsonLdFirstBlock; i++)
        {
            var b = page.Blocks[i];
            if (b.Kind == BlockKind.Content || !b.IsDecided && plan?[i] is { Kind: BlockKind.Content }) kept.Append(b.Text).Append(' ');
        }
        var keptText = kept.ToString();
        int probes = 0, found = 0, bodyLength = 0;
        for (int i = layout.JsonLdFirstBlock; i < page.Blocks.Count; i++)
        {
            var t = page.Blocks[i].Text;
            bodyLength += page.Blocks[i].EffectiveLength;
            for (int at = 0; at + 30 <= t.Length; at += 200)
            {
                probes++;
                if (keptText.Contains(t.AsSpan(at, 30), StringComparison.Ordinal)) found++;
            }
        }
        // Used when it holds clearly more than the page shows (a teaser, a paywalled or script-rendered article).
        return bodyLength >= 500 && probes > 0 && found * 5 < probes * 4 && bodyLength * 5 > TextMetrics.EffectiveLength(keptText) * 6;
    }

    private static bool JsonLdRepeats(List<Block> blocks, HtmlLayout layout, Block b)
    {
        for (int i = layout.JsonLdFirstBlock; i < blocks.Count; i++)
            if (blocks[i].Text.Contains(b.Text, StringComparison.Ordinal)) return true;
        return false;
    }

    private void LabelArticleBody(PageContext page, HtmlLayout layout, bool use, ref int first, ref int last)
    {
        if (layout.JsonLdFirstBlock < 0) return;
        for (int i = layout.JsonLdFirstBlock; i < page.Blocks.Count; i++)
        {
            var b = page.Blocks[i];
            if (!use) { if (!b.IsDecided || b.Kind.IsArticle()) b.Label(BlockKind.Metadata, Name, "JSON-LD articleBody (the page shows the article)"); continue; }
            if (b.IsDecided && b.Rule != Name && b.Kind != BlockKind.Content) continue;
            b.Label(BlockKind.Content, Name, "JSON-LD articleBody (the page shows less of the article)");
            if (first < 0) first = i;
            last = i;
        }
    }

    /// <summary>Readability's retry: when too little text is found, page parts marked unlikely may hold the article.</summary>
    public static Selection? SelectWithRetry(HtmlLayout layout, IReadOnlyList<Block> blocks)
    {
        var selection = Select(layout, blocks, stripUnlikely: true);
        if (selection == null || SelectedLength(layout, blocks, selection) < 500)
        {
            var retry = Select(layout, blocks, stripUnlikely: false);
            if (retry != null && (selection == null || SelectedLength(layout, blocks, retry) > SelectedLength(layout, blocks, selection)))
                selection = retry;
        }
        return selection == null ? null : WidenToLandmark(layout, blocks, selection);
    }

    /// <summary>Short text chosen inside a page's &lt;main&gt; or &lt;article&gt; that holds clearly more running text
    /// (a landing page whose sections are lists of features): the landmark is the content, as its author marked it.</summary>
    private static Selection WidenToLandmark(HtmlLayout layout, IReadOnlyList<Block> blocks, Selection selection)
    {
        int length = SelectedLength(layout, blocks, selection);
        if (length >= 500) return selection;
        var cs = layout.Containers;
        for (int p = cs[selection.TopId].ParentId; p >= 0; p = cs[p].ParentId)
        {
            if (cs[p].Tag is not ("main" or "article")) continue;
            if (cs[p].Hidden || cs[p].LinkDensity >= 0.5) break;
            var wider = new Selection([p], p, selection.StripUnlikely);
            return SelectedLength(layout, blocks, wider) >= 2 * Math.Max(length, 1) ? wider : selection;
        }
        return selection;
    }

    private readonly record struct PlannedLabel(BlockKind Kind, string Rule, string Reason);

    /// <summary>The labels the selection gives to undecided blocks, and the length of the content it keeps.</summary>
    private PlannedLabel?[] Plan(PageContext page, HtmlLayout layout, Selection selection, out int contentLength, out int first, out int last)
    {
        var blocks = page.Blocks;
        var plan = new PlannedLabel?[blocks.Count];
        var inside = new bool[blocks.Count];
        foreach (var id in selection.Containers)
        {
            var c = layout.Containers[id];
            for (int i = c.FirstBlock; i < c.EndBlock; i++) inside[i] = true;
        }
        var cleaned = CleanConditionally(layout, selection, inside);
        var relatedSections = RelatedSections(page, layout, selection, inside);
        var where = layout.Containers[selection.TopId].Describe();
        first = -1;
        last = -1;
        contentLength = 0;
        for (int i = 0; i < blocks.Count; i++)
        {
            var b = blocks[i];
            if (inside[i] && first < 0) first = i;
            if (inside[i]) last = i;
            b.Score = inside[i] ? 1 : -1;
            if (b.IsDecided)
            {
                if (inside[i] && b.Kind == BlockKind.Content) contentLength += b.EffectiveLength;
                continue;
            }
            var candidate = page.Candidates[i];
            if (!inside[i])
            {
                plan[i] = candidate is { } c
                    ? new(c.Kind, c.Rule, c.Reason + ", outside the main content")
                    : new(first < 0 ? BlockKind.Navigation : BlockKind.Boilerplate, Name, $"outside the main content ({where})");
                continue;
            }
            if (b.Hidden) { plan[i] = new(BlockKind.Boilerplate, Name, "hidden element"); continue; }
            if (cleaned[i] is { } why) { plan[i] = new(why.Kind, Name, why.Reason); continue; }
            if (relatedSections[i] is { } heading) { plan[i] = new(BlockKind.Related, Name, $"in a section headed \"{Clip(heading)}\" (related links)"); continue; }
            if (selection.StripUnlikely && layout.BlockUnlikely[i]) { plan[i] = new(BlockKind.Boilerplate, Name, "in a page part marked as menu, footer, sidebar or comments"); continue; }
            int len = b.EffectiveLength;
            // Two phrases decide a block of notice size; a page-long block (a whole <pre> document) that quotes
            // its copyright line among its text is the text.
            if (candidate is { } cand && cand.Strength >= 2 && len <= LongestProposedNotice) { plan[i] = new(cand.Kind, cand.Rule, cand.Reason); continue; }
            if (b.LinkDensity >= 0.5 && len < 120 && b.HeadingLevel == 0 && b.Tag is not ("td" or "th" or "dd" or "dt") && !InWordyList(layout, i))
                plan[i] = new(BlockKind.Navigation, Name, $"link inside the main content (link density {b.LinkDensity:0.00})");
            else
            {
                plan[i] = new(BlockKind.Content, Name, $"inside the main content ({where})");
                contentLength += len;
            }
        }
        // Prose between two chosen containers (a lead or paragraph in its own element among share bars and pictures).
        for (int i = first + 1; i < last; i++)
        {
            var b = blocks[i];
            if (inside[i] || b.IsDecided || b.Hidden || page.Candidates[i] != null || b.HeadingLevel > 0) continue;
            int len = b.EffectiveLength;
            if (!IsLead(b, len)) continue;
            plan[i] = new(BlockKind.Content, Name, $"prose between the main content's parts ({where})");
            contentLength += len;
        }
        foreach (var lead in FindLead(page, first))
        {
            plan[lead] = new(BlockKind.Content, Name, LeadReason);
            first = lead;
        }
        return plan;
    }

    /// <summary>Sections inside the article led by a heading the related detector marked ("Most Popular",
    /// "Related stories", "Recommended") and holding links: the teasers under the heading (headline, dek, date)
    /// are the related list, not the article. For each block: the heading's text, or null.</summary>
    private static string?[] RelatedSections(PageContext page, HtmlLayout layout, Selection selection, bool[] inside)
    {
        var cs = layout.Containers;
        var blocks = page.Blocks;
        var result = new string?[blocks.Count];
        var top = cs[selection.TopId];
        int selectedParagraphs = selection.Containers.Sum(id => cs[id].Paragraphs);
        foreach (var c in cs)
        {
            // Inside the chosen containers (a chosen sibling of the article may be the section itself), not the article.
            if (c.EndBlock - c.FirstBlock < 3 || !inside[c.FirstBlock] || !inside[c.EndBlock - 1] ||
                c.FirstBlock <= top.FirstBlock && c.EndBlock >= top.EndBlock) continue;
            if (result[c.FirstBlock] != null) continue; // inside a section already found
            var heading = blocks[c.FirstBlock];
            if (heading.Kind != BlockKind.Related || heading.HeadingLevel == 0) continue;
            if (c.LinkDensity < 0.25 || c.Paragraphs * 2 > selectedParagraphs) continue;
            for (int i = c.FirstBlock; i < c.EndBlock; i++) result[i] = heading.Text;
        }
        return result;
    }

    private static string Clip(string text) => text.Length > 40 ? text[..40] + "…" : text;

    /// <summary>Longest block (effective characters) inside the main content that a proposal of two or more
    /// distinct boilerplate phrases removes.</summary>
    private const int LongestProposedNotice = 1200;

    /// <summary>Above this link density a list inside the article is a link list; below it its items are text
    /// that happens to link (release notes, bug lists), which Readability keeps.</summary>
    private const double ListLinkDensity = 0.75;

    /// <summary>A list item of a list that is kept as text: a linked item there is one of its entries, not a menu link.</summary>
    private static bool InWordyList(HtmlLayout layout, int block)
    {
        int owner = layout.BlockContainer[block];
        if (owner < 0) return false;
        var cs = layout.Containers;
        for (int p = owner, up = 0; p >= 0 && up < 3; p = cs[p].ParentId, up++)
        {
            if (cs[p].Tag is not ("ul" or "ol")) continue;
            if (SubListOfWordyList(cs, cs[p]) is { } outer) p = outer;
            return IsPlainList(cs[p]) && cs[p].LinkDensity <= ListLinkDensity && cs[p].EndBlock - cs[p].FirstBlock >= 3;
        }
        return false;
    }

    /// <summary>The list kept as text that holds this list in one of its items ("In progress:" and the linked bug
    /// titles under it): the sub-items are entries of that list, however many links they are. Null otherwise.</summary>
    private static int? SubListOfWordyList(List<HtmlContainer> cs, HtmlContainer c)
    {
        if (c.Tag is not ("ul" or "ol") || c.ParentId < 0 || cs[c.ParentId].Tag != "li") return null;
        int outer = cs[c.ParentId].ParentId;
        return outer >= 0 && IsPlainList(cs[outer]) && cs[outer].LinkDensity <= ListLinkDensity ? outer : null;
    }

    /// <summary>Readability's list test for a wrapper: lists hold more than 90% of its text (read over at most
    /// 200 descendants, so nested wrappers stay linear).</summary>
    private static bool MostlyLists(List<HtmlContainer> cs, HtmlContainer c)
    {
        int listChars = 0, countedEnd = -1, seen = 0;
        for (int i = c.Id + 1; i < cs.Count && cs[i].FirstBlock < c.EndBlock && seen++ < 200; i++)
        {
            if (cs[i].Tag is not ("ul" or "ol") || cs[i].FirstBlock < countedEnd) continue;
            listChars += cs[i].TextChars;
            countedEnd = cs[i].EndBlock;
        }
        return listChars * 10 > c.TextChars * 9;
    }

    /// <summary>A list whose class does not mark it as comments, menus or the like.</summary>
    private static bool IsPlainList(HtmlContainer c) => c.Tag is "ul" or "ol" && c.ClassWeight >= 0 && !c.Unlikely;

    /// <summary>How far before the chosen containers a lead paragraph is looked for, in blocks.</summary>
    private const int LeadReach = 12;

    /// <summary>The lead (teaser, standfirst) often sits in its own element between the headline and the body
    /// container, among the byline, date, picture and share buttons: prose sentences there are content. The search
    /// walks back from the body over such short or already labelled blocks and stops at a heading or at the first
    /// longer block that is not a lead. Returns the lead blocks, last first.</summary>
    private static List<int> FindLead(PageContext page, int first)
    {
        var blocks = page.Blocks;
        var leads = new List<int>();
        for (int i = first - 1; i >= 0 && i >= first - LeadReach; i--)
        {
            var b = blocks[i];
            if (b.Hidden) continue;
            int len = b.EffectiveLength;
            // A subheading that is a whole sentence is a lead set as a heading, and a one-word label set as a heading
            // ("Advertisement", "Share") is passed over; any other heading ends the search.
            if (b.HeadingLevel > 0 && !(b.HeadingLevel >= 2 && len >= 80 && TextMetrics.EndsSentence(b.Text)))
            {
                if (b.HeadingLevel >= 2 && TextMetrics.WordCount(b.Text) == 1) continue;
                break;
            }
            if (i + 1 < blocks.Count && blocks[i + 1].Kind == BlockKind.Credit) continue; // the picture's caption
            if (b.IsDecided)
            {
                if (b.Kind is BlockKind.Caption or BlockKind.Credit or BlockKind.Byline or BlockKind.Dateline || len < 40) continue;
                break;
            }
            if (page.Candidates[i] == null && IsLead(b, len) && !IsFootnote(b.Text) &&
                !page.Phrases.Matcher("file-photo-marker").IsMatchFolded(page.Folded(b))) // "(Symbolbild)": a caption
            {
                leads.Add(i);
                continue;
            }
            // Dates, bylines, reading times, share and picture links: passed over.
            if (len < 40 || len < 80 && !TextMetrics.IsProse(b.Text) || page.Candidates[i] is { }) continue;
            break;
        }
        return leads;
    }

    private const string LeadReason = "lead paragraph between the headline and the main content";

    /// <summary>Fine print led by a footnote mark ("¹ Effektiver Jahreszins…", "* Preise inkl. MwSt.").</summary>
    private static bool IsFootnote(string text) => text.Length > 0 && text[0] is '*' or '†' or '¹' or '²' or '³';

    /// <summary>Running text outside figures and asides (a picture's caption or a box's blurb is not the lead):
    /// a sentence, or a longer clause (German capitalises nouns, so a short sentence need not read as prose).</summary>
    private static bool IsLead(Block b, int len) =>
        !b.InFigure && !(b.TagPath ?? "").Contains("aside", StringComparison.Ordinal) && b.LinkDensity < 0.25 &&
        (len >= 60 && TextMetrics.IsProse(b.Text) || len >= 40 && TextMetrics.EndsSentence(b.Text) && TextMetrics.WordCount(b.Text) >= 5);

    /// <summary>Runs SmartReader on the parsed page and keeps as content the undecided blocks whose text it
    /// extracted, when it finds clearly more than Cleaner's own choice. True when it decided the page.</summary>
    private bool SecondOpinion(PageContext page, HtmlLayout layout, int contentLength)
    {
        // SmartReader walks the DOM recursively (roughly cubic in depth): only pages within the guard's bounds.
        if (layout.PublishedHtml == null || !ReadabilityGuard.Fits(layout.MaxDepth, page.Blocks.Sum(b => b.Text.Length))) return false;
        // Only worth it when the page holds clearly more running text than was kept.
        int pageText = 0;
        foreach (var b in page.Blocks)
            if (!b.Hidden && b.LinkDensity < 0.5 && b.Text.Length >= 40) pageText += b.EffectiveLength;
        if (pageText < Math.Max(600, contentLength * 3)) return false;
        var html = layout.PublishedHtml;
        layout.PublishedHtml = null;
        // On its own large-stack thread with a time budget (the re-parse included): a recursion cannot overflow, a
        // slow page is given up.
        if (!ReadabilityGuard.TryRun(() =>
            {
                var document = HtmlSegmenter.ParseComplete(html);
                var article = new SmartReader.Reader("https://localhost/", document) { Debug = false }.GetArticle();
                return article.IsReadable ? TextMetrics.NormalizeSpace(article.TextContent ?? "") : "";
            }, out var text, out _) || text == null)
            return false;
        if (TextMetrics.EffectiveLength(text) < Math.Max(WeakTextLength, contentLength * 2)) return false;
        var blocks = page.Blocks;
        var found = new bool[blocks.Count];
        int first = -1, last = -1, keptLength = 0;
        int pageBlocks = layout.JsonLdFirstBlock >= 0 ? layout.JsonLdFirstBlock : blocks.Count;
        for (int i = 0; i < pageBlocks; i++)
        {
            var b = blocks[i];
            if (b.Hidden || b.EffectiveLength < 2) continue;
            if (!text.Contains(b.Text, StringComparison.Ordinal)) continue;
            found[i] = true;
            if (!b.IsDecided && page.Candidates[i] is not { Strength: >= 2 }) keptLength += b.EffectiveLength;
            if (first < 0) first = i;
            last = i;
        }
        // What it would keep must beat Cleaner's own choice: its text can be mostly boilerplate the detectors already
        // removed (a newsletter form beside a short interview), which would leave the page a heading.
        if (first < 0 || keptLength < Math.Max(WeakTextLength, contentLength)) return false;
        for (int i = 0; i < blocks.Count; i++)
        {
            var b = blocks[i];
            b.Score = found[i] ? 1 : -1;
            if (b.IsDecided) continue;
            var candidate = page.Candidates[i];
            if (found[i] && !(candidate is { Strength: >= 2 }))
                b.Label(BlockKind.Content, Name, "extracted by the second opinion (SmartReader)");
            else if (candidate is { } c)
                b.Label(c.Kind, c.Rule, c.Reason + (found[i] ? "" : ", not extracted by the second opinion"));
            else
                b.Label(i < first ? BlockKind.Navigation : BlockKind.Boilerplate, Name, "not extracted by the second opinion (SmartReader)");
        }
        int none = -1;
        LabelArticleBody(page, layout, false, ref none, ref none);
        page.RegionStart = first;
        page.RegionEnd = last;
        page.RegionFixed = true;
        return true;
    }

    /// <summary>Elements whose text is a paragraph for content scoring (Readability's tags to score, plus divs holding text).</summary>
    private static readonly HashSet<string> ScoredTags = new(StringComparer.Ordinal)
        { "p", "pre", "td", "div", "section", "article", "main", "blockquote", "dd", "h2", "h3", "h4", "h5", "h6", "center", "font" };

    /// <summary>Readability's paragraph score: 1 + commas + one point per 100 characters (up to 3), added to the
    /// paragraph's ancestors with falling weight (parent full, grandparent half, then a third per level); each
    /// ancestor starts from its tag and class weight. With <paramref name="stripUnlikely"/> paragraphs in page
    /// parts marked as menus, sidebars, comments… do not count.</summary>
    public static double[] Score(HtmlLayout layout, IReadOnlyList<Block> blocks, bool stripUnlikely, out bool[] scored)
    {
        var cs = layout.Containers;
        var score = new double[cs.Count];
        scored = new bool[cs.Count];
        for (int i = 0; i < blocks.Count; i++)
        {
            var b = blocks[i];
            if (b.Hidden || stripUnlikely && layout.BlockUnlikely[i]) continue;
            var owner = layout.BlockContainer[i];
            if (owner < 0 || !ScoredTags.Contains(cs[owner].Tag)) continue;
            int len = b.EffectiveLength;
            if (len < 25) continue;
            int commas = 0;
            foreach (var ch in b.Text) if (ch is ',' or '，' or '、' or '،') commas++;
            double value = 1 + commas + Math.Min(len / 100, 3);
            int level = 0;
            for (int p = cs[owner].ParentId; p >= 0 && level < 5; p = cs[p].ParentId, level++)
            {
                if (!scored[p])
                {
                    scored[p] = true;
                    score[p] = TagBase(cs[p].Tag) + cs[p].ClassWeight;
                }
                score[p] += value / (level == 0 ? 1 : level == 1 ? 2 : level * 3);
            }
        }
        return score;
    }

    private static double TagBase(string tag) => tag switch
    {
        "div" or "article" or "main" or "section" => 5,
        "pre" or "td" or "blockquote" => 3,
        "address" or "ol" or "ul" or "dl" or "dd" or "dt" or "li" or "form" => -3,
        "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "th" => -5,
        _ => 0,
    };

    /// <summary>Picks the article containers, or null when no element was scored.</summary>
    public static Selection? Select(HtmlLayout layout, IReadOnlyList<Block> blocks, bool stripUnlikely)
    {
        var cs = layout.Containers;
        if (cs.Count == 0) return null;
        var score = Score(layout, blocks, stripUnlikely, out var isScored);
        var final = new double[cs.Count];
        int top = -1;
        for (int i = 0; i < cs.Count; i++)
        {
            var c = cs[i];
            if (!isScored[i] || c.Hidden || stripUnlikely && c.Unlikely) continue;
            final[i] = score[i] * (1 - c.LinkDensity);
            if (top < 0 || final[i] > final[top]) top = i;
        }
        if (top < 0 || final[top] <= 0) return null;

        // Several near-best candidates under one ancestor: that ancestor holds the article (split bodies).
        var alternatives = Enumerable.Range(0, cs.Count)
            .Where(i => i != top && isScored[i] && final[i] >= 0.75 * final[top])
            .OrderByDescending(i => final[i]).Take(4).ToList();
        if (alternatives.Count >= 3)
        {
            for (int p = cs[top].ParentId; p >= 0 && cs[p].Tag != "body"; p = cs[p].ParentId)
            {
                int containing = alternatives.Count(a => IsAncestor(cs, p, a));
                if (containing >= 3) { top = p; break; }
            }
        }
        // Climb while the parent scores better (the article is split in several scored children).
        double lastScore = final[top], threshold = lastScore / 3;
        for (int p = cs[top].ParentId; p >= 0 && cs[p].Tag != "body"; p = cs[p].ParentId)
        {
            if (!isScored[p]) continue;
            if (final[p] < threshold) break;
            if (final[p] > lastScore) { top = p; break; }
            lastScore = final[p];
        }
        // A parent with the very same blocks is the same content.
        while (cs[top].ParentId >= 0 && cs[cs[top].ParentId].Tag != "body" &&
               cs[cs[top].ParentId].FirstBlock == cs[top].FirstBlock && cs[cs[top].ParentId].EndBlock == cs[top].EndBlock)
            top = cs[top].ParentId;

        // The article split into repeated wrappers (one per part, figures and ads between): climb to the wrapper
        // so that its same-class siblings join below.
        if (cs[top].ParentId is var wrapper and >= 0 && cs[wrapper].Tag != "body" && cs[top].TextChars * 2 >= cs[wrapper].TextChars &&
            HasTextTwin(cs, wrapper))
            top = wrapper;

        var chosen = new List<int>();
        int parent = cs[top].ParentId;
        if (parent < 0) return new Selection([top], top, stripUnlikely);
        double siblingThreshold = Math.Max(10, final[top] * 0.2);
        var topClass = cs[top].ClassName;
        for (int i = parent + 1; i < cs.Count && cs[i].FirstBlock < cs[parent].EndBlock; i++)
        {
            var s = cs[i];
            if (s.ParentId != parent) continue;
            if (i == top) { chosen.Add(i); continue; }
            if (s.Hidden || s.FirstBlock == s.EndBlock || stripUnlikely && s.Unlikely) continue;
            double bonus = !string.IsNullOrEmpty(topClass) && s.ClassName == topClass ? final[top] * 0.2 : 0;
            if (isScored[i] && final[i] + bonus >= siblingThreshold) { chosen.Add(i); continue; }
            if (bonus > 0 && IsArticlePart(s, cs[top])) { chosen.Add(i); continue; } // another part of a split article
            if (s.Tag == "p")
            {
                if (s.TextChars > 80 && s.LinkDensity < 0.25) chosen.Add(i);
                else if (s.TextChars is > 0 and <= 80 && s.LinkDensity == 0 && EndsLikeSentence(s, layout)) chosen.Add(i);
            }
        }
        return new Selection(chosen, top, stripUnlikely);
    }

    /// <summary>Several paragraphs, few links and a fair share of the chosen part's text: another part of the article
    /// whatever its score (paragraphs nested too deep to score their wrapper), not a sidebar card of the same layout.</summary>
    private static bool IsArticlePart(HtmlContainer c, HtmlContainer chosen) =>
        c.Paragraphs >= 2 && c.LinkDensity < 0.25 && !c.Hidden && c.TextChars * 5 >= chosen.TextChars;

    /// <summary>A sibling of the container with the same class that holds running text.</summary>
    private static bool HasTextTwin(List<HtmlContainer> cs, int id)
    {
        var c = cs[id];
        int parent = c.ParentId;
        if (parent < 0 || string.IsNullOrEmpty(c.ClassName)) return false;
        for (int i = parent + 1; i < cs.Count && cs[i].FirstBlock < cs[parent].EndBlock; i++)
            if (i != id && cs[i].ParentId == parent && cs[i].ClassName == c.ClassName && IsArticlePart(cs[i], c)) return true;
        return false;
    }

    /// <summary>Effective text length of the selected containers' blocks that are not mostly links.</summary>
    public static int SelectedLength(HtmlLayout layout, IReadOnlyList<Block> blocks, Selection selection)
    {
        int n = 0;
        foreach (var id in selection.Containers)
        {
            var c = layout.Containers[id];
            for (int i = c.FirstBlock; i < c.EndBlock; i++)
                if (!blocks[i].Hidden && blocks[i].LinkDensity < 0.5 && !(selection.StripUnlikely && layout.BlockUnlikely[i])) n += blocks[i].EffectiveLength;
        }
        return n;
    }

    private static bool EndsLikeSentence(HtmlContainer s, HtmlLayout layout) => s.Paragraphs > 0 || s.TextChars > 40;

    /// <summary>A table of data rather than layout (Readability keeps those whole): several rows of cells.</summary>
    private static bool IsDataTable(List<HtmlContainer> cs, HtmlContainer table)
    {
        int rows = 0;
        for (int i = table.Id + 1; i < cs.Count && cs[i].FirstBlock < table.EndBlock; i++)
        {
            if (cs[i].Tag == "table") return false; // nested tables are layout
            if (cs[i].Tag == "tr") rows++;
        }
        return rows >= 4 && table.Paragraphs > 0;
    }

    private static bool IsAncestor(List<HtmlContainer> cs, int ancestor, int node)
    {
        for (int p = cs[node].ParentId; p >= 0; p = cs[p].ParentId)
            if (p == ancestor) return true;
        return false;
    }

    /// <summary>Readability's clean-up inside the article: forms, asides, footers and navigation go; lists, divs and
    /// tables go when they are mostly links or marked as boilerplate by their class (data tables with little link
    /// text stay).</summary>
    private static (BlockKind Kind, string Reason)?[] CleanConditionally(HtmlLayout layout, Selection selection, bool[] inside)
    {
        var cs = layout.Containers;
        var result = new (BlockKind, string)?[inside.Length];
        var selected = new HashSet<int>(selection.Containers);
        int minSelected = selection.Containers.Min();
        int selectedParagraphs = selection.Containers.Sum(id => cs[id].Paragraphs);
        int dataTableEnd = -1; // blocks before this index belong to a data table, which stays whole
        foreach (var c in cs)
        {
            if (c.FirstBlock < dataTableEnd) continue;
            if (c.Tag == "table" && IsDataTable(cs, c)) { dataTableEnd = c.EndBlock; continue; }
            // Descendants of a selected container only: later in document order (higher id) and within its blocks.
            if (c.Id <= minSelected || c.FirstBlock >= c.EndBlock || !inside[c.FirstBlock] || !inside[c.EndBlock - 1] || selected.Contains(c.Id)) continue;
            if (result[c.FirstBlock] != null) continue; // inside something already removed
            (BlockKind, string)? why = null;
            double ld = c.LinkDensity;
            switch (c.Tag)
            {
                case "form" or "fieldset" or "aside" or "footer" or "nav":
                    why = (c.Tag == "nav" ? BlockKind.Navigation : BlockKind.Boilerplate, $"<{c.Tag}> inside the main content");
                    break;
                case "ul" or "ol" or "div" or "section" or "table" or "dl" or "header":
                    // With more paragraphs such a box goes when they are a few blurbs among its labels (a slide
                    // show's captions among "1 of 24", "Full Screen", "Close"): a box of mostly paragraphs is part of
                    // the article whatever its class.
                    if (c.ClassWeight < 0 && (c.Paragraphs < 3 || c.Paragraphs * 6 <= selectedParagraphs && c.Paragraphs * 2 < c.EndBlock - c.FirstBlock))
                        why = (BlockKind.Boilerplate, $"{c.Describe()} marked as boilerplate by its class");
                    // A list whose items are mostly words (release notes, steps with links) is content, as in
                    // Readability: only lists that are mostly links go. A wrapper holding most of the article's
                    // paragraphs is the article, whatever links sit beside them.
                    else if (c.Commas < 10 && (IsPlainList(c) || c.Tag is "div" or "section" && c.ClassWeight >= 0 && ld <= ListLinkDensity && MostlyLists(cs, c) ? ld > ListLinkDensity : c.ClassWeight < 25 && ld > 0.2 || ld > 0.5) && c.TextChars > 0
                             && !(ld <= 0.5 && c.Paragraphs * 2 > selectedParagraphs) && SubListOfWordyList(cs, c) == null)
                        why = (BlockKind.Navigation, $"link-heavy {c.Describe()} inside the main content (link density {ld:0.00})");
                    break;
            }
            if (why == null) continue;
            for (int i = c.FirstBlock; i < c.EndBlock; i++) result[i] ??= why;
        }
        return result;
    }
}

/// <summary>Runs first on HTML pages: picks the article containers (see <see cref="HtmlContentScorer"/>) and, when the
/// choice is clear, labels the blocks far from them as boilerplate so that the phrase detectors only read the article
/// and its surroundings (the byline and headline just above it stay undecided). Pages where the choice is weak are
/// left whole for the later detectors and the second opinion.</summary>
public sealed class HtmlRegionPrefilter : IBlockDetector
{
    public string Name => "html-content";

    /// <summary>Blocks kept undecided before the chosen containers (headline, kicker, byline, lead picture).</summary>
    public const int LeadMargin = 25;

    public void Detect(PageContext page)
    {
        var layout = page.Hints.Html;
        if (page.Format != InputFormat.Html || layout == null || page.Blocks.Count == 0) return;
        var selection = HtmlContentScorer.SelectWithRetry(layout, page.Blocks);
        layout.Selection = selection;
        if (selection == null || HtmlContentScorer.SelectedLength(layout, page.Blocks, selection) < 2 * HtmlContentScorer.WeakTextLength) return;
        int first = int.MaxValue, last = -1;
        foreach (var id in selection.Containers)
        {
            var c = layout.Containers[id];
            if (c.FirstBlock >= c.EndBlock) continue;
            first = Math.Min(first, c.FirstBlock);
            last = Math.Max(last, c.EndBlock - 1);
        }
        if (last < 0) return;
        var where = layout.Containers[selection.TopId].Describe();
        for (int i = 0; i < page.Blocks.Count; i++)
        {
            if (i >= first - LeadMargin && i <= last + 2) continue;
            var b = page.Blocks[i];
            if (!b.IsDecided) b.Label(i < first ? BlockKind.Navigation : BlockKind.Boilerplate, Name, $"far from the main content ({where})");
        }
    }
}
