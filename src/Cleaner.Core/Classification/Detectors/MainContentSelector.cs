using Cleaner.Core.Model;
using Cleaner.Core.Segmentation;

namespace Cleaner.Core.Classification.Detectors;

/// <summary>Finds the article: the contiguous run of blocks with the most article-like text (maximum-sum
/// subarray over per-block scores, linear time). Long sentence-like blocks score positive, short and
/// link-heavy blocks negative, blocks already labelled boilerplate strongly negative. Inside the run,
/// undecided blocks become content; outside it they are boilerplate, and proposals turn into labels.</summary>
public sealed class MainContentSelector : IBlockDetector
{
    public string Name => "main-content";

    public void Detect(PageContext page)
    {
        var blocks = page.Blocks;
        if (blocks.Count == 0 || page.RegionFixed) return;
        var values = new double[blocks.Count];
        for (int i = 0; i < blocks.Count; i++) values[i] = Value(page, blocks[i]);
        Smooth(blocks, values);
        AnchorAtHeadline(page, values);

        // Kadane: best-scoring contiguous run.
        double best = double.NegativeInfinity, run = 0;
        int bestStart = 0, bestEnd = -1, start = 0;
        for (int i = 0; i < values.Length; i++)
        {
            if (run <= 0) { run = 0; start = i; }
            run += values[i];
            if (run > best) { best = run; bestStart = start; bestEnd = i; }
        }
        if (best <= 0) bestEnd = -1;
        // Trim the run to blocks that are article text at its edges.
        while (bestEnd >= bestStart && bestEnd >= 0 && values[bestEnd] <= 0) bestEnd--;
        while (bestStart <= bestEnd && values[bestStart] <= 0) bestStart++;
        if (bestEnd >= 0) (bestStart, bestEnd) = Bridge(blocks, values, bestStart, bestEnd);
        page.RegionStart = bestEnd >= 0 ? bestStart : -1;
        page.RegionEnd = bestEnd;

        for (int i = 0; i < blocks.Count; i++)
        {
            var b = blocks[i];
            b.Score = values[i];
            if (b.IsDecided) continue;
            bool inside = i >= page.RegionStart && i <= page.RegionEnd && page.RegionStart >= 0;
            var candidate = page.Candidates[i];
            if (inside)
            {
                if (candidate is { } c && c.Strength >= 2)
                    b.Label(c.Kind, c.Rule, c.Reason);
                else if (IsArticleText(b))
                    b.LabelWithReasonOf(BlockKind.Content, Name, static b => $"inside the main article region (score {b.Score:0.00})");
                else
                    b.Label(BlockKind.Boilerplate, Name, "short non-sentence block inside the article region");
            }
            else if (candidate is { } c)
            {
                b.Label(c.Kind, c.Rule, c.Reason + ", outside the article region");
            }
            else
            {
                b.Label(i < page.RegionStart ? BlockKind.Navigation : BlockKind.Boilerplate, Name,
                    page.RegionStart < 0 ? "no article region found" :
                    i < page.RegionStart ? "before the article region" : "after the article region");
            }
        }
    }

    // Tuned on the dev text dumps (body F1 / snippet F1); see README "Quality".
    private const double GapTolerance = 0.8;
    private const int GapWindow = 12;
    private const double ShortPenalty = 0.3;
    private const double MidPenalty = 0.15;

    private const double AnchorBonus = 3;

    /// <summary>The headline (the line that repeats the page's &lt;title&gt;) is followed by the article: the first
    /// paragraph after it gets a bonus, so a short article is not outscored by a long footer or teaser list.</summary>
    private static void AnchorAtHeadline(PageContext page, double[] values)
    {
        var blocks = page.Blocks;
        string? tag = page.Hints.TitleTag ?? (page.Format == InputFormat.TextDump && blocks.Count > 0 ? blocks[0].Text : null);
        // A candidate is at most 250 characters and at least a quarter of the title: a longer "title" (a text dump's
        // first block can be a paragraph) has no headline to find, and its token set is not worth building.
        if (tag == null || tag.Length > 250 * 4) return;
        HashSet<string>? tagTokens = null;
        int anchor = -1;
        double best = 0.75;
        for (int i = page.Hints.TitleTag == null ? 1 : 0; i < blocks.Count; i++)
        {
            var text = blocks[i].Text;
            // A headline is about as long as the <title> or shorter (the title adds the site name).
            if (text.Length > 250 || text.Length * 4 < tag.Length || text.Length > tag.Length * 3 / 2 + 10 ||
                blocks[i].IsDecided && blocks[i].Kind.IsBoilerplate()) continue;
            tagTokens ??= TitleDetector.Tokens(tag);
            double sim = TitleDetector.FoldedSimilarity(page.Folded(blocks[i]), tagTokens);
            if (sim > best) { best = sim; anchor = i; }
        }
        if (anchor < 0) return;
        for (int j = anchor + 1; j < blocks.Count && j <= anchor + 12; j++)
        {
            if (values[j] > 0.15) { values[j] += AnchorBonus; return; }
        }
    }

    private const int MinLen = 8;
    private const int SmoothReach = 2;
    private const double Substantial = 0.5;

    /// <summary>Context, as in jusText: a short undecided block between two paragraphs (a subheading, a list item,
    /// a formula, a linked fragment) costs nothing; between menus it keeps its penalty.</summary>
    private static void Smooth(List<Block> blocks, double[] values)
    {
        int lastGood = -1;
        for (int i = 0; i < values.Length; i++)
        {
            if (values[i] >= Substantial) { lastGood = i; continue; }
            if (blocks[i].IsDecided || values[i] >= 0) { if (blocks[i].IsDecided && blocks[i].Kind.IsBoilerplate()) lastGood = -1; continue; }
            if (lastGood < 0 || i - lastGood > SmoothReach) continue;
            for (int j = i + 1; j < values.Length && j - i <= SmoothReach; j++)
            {
                if (blocks[j].IsDecided && blocks[j].Kind.IsBoilerplate()) break;
                if (values[j] >= Substantial) { values[i] = -0.01; break; }
            }
        }
    }

    /// <summary>Extends the region over short gaps (list items, subheadings, a linked fragment) when more article
    /// text follows: the best run can stop at a gap that costs a little more than the paragraph after it is worth.
    /// A block already labelled boilerplate ends the search.</summary>
    private static (int Start, int End) Bridge(List<Block> blocks, double[] values, int start, int end)
    {
        for (bool grew = true; grew;)
        {
            grew = false;
            double run = 0;
            for (int j = end + 1; j < blocks.Count && j <= end + GapWindow; j++)
            {
                if (blocks[j].IsDecided && blocks[j].Kind.IsBoilerplate()) break;
                run += values[j];
                if (values[j] > 0 && run > -GapTolerance) { end = j; grew = true; break; }
            }
            run = 0;
            for (int j = start - 1; j >= 0 && j >= start - GapWindow; j--)
            {
                if (blocks[j].IsDecided && blocks[j].Kind.IsBoilerplate()) break;
                run += values[j];
                if (values[j] > 0 && run > -GapTolerance) { start = j; grew = true; break; }
            }
        }
        return (start, end);
    }

    /// <summary>How article-like a block is: positive for running text, negative for the rest.</summary>
    private static double Value(PageContext page, Block b)
    {
        if (b.IsDecided)
        {
            return b.Kind switch
            {
                BlockKind.Caption or BlockKind.Credit or BlockKind.Byline or BlockKind.Dateline => 0,
                BlockKind.Content => 1,
                // Newsletter boxes and comment sections usually close the article ("read more" links sit inside it too).
                BlockKind.Newsletter or BlockKind.Comments => -3,
                _ => -2,
            };
        }
        int len = MayHoldLinkTarget(b.Text) ? TextMetrics.ProseLength(b.Text) : b.EffectiveLength;
        bool sentence = TextMetrics.EndsSentence(b.Text);
        double v;
        if (len >= 80) v = Math.Min(len, 500) / 100.0 - (sentence ? 0.3 : 0.7);
        else if (len >= 40 && sentence) v = 0.2;
        else if (len >= 10 && IsTypedBullet(b.Text)) v = BulletValue; // "+ Added Slime Block": a list written in the text
        else if (len >= 20 && TextMetrics.IsProse(b.Text)) v = ProseValue; // a list item or a clause, not a menu entry
        else if (IsCodeOrTableLine(b.Text)) v = 0; // a code listing or query output: part of a technical article, not a menu
        else v = len >= 20 ? -MidPenalty : -ShortPenalty;
        v -= b.LinkDensity * 2;
        if (b.Hidden) v -= 3;
        if (b.InArticleContainer) v += 0.3;
        if (page.Candidates[b.Index] is { } c) v -= c.Strength >= 2 ? 2 : 0.7;
        return v;
    }

    /// <summary>Whether a token of the text can be a URL, an e-mail address or a path, which
    /// <see cref="TextMetrics.ProseLength"/> leaves out: each has "://", "www.", '@' or three '/'. Without one the
    /// prose length is the block's (cached) effective length, and most blocks have none: the token walk is saved.
    /// A first search for ':', '@' and '/' clears most blocks at once (a time such as "12:30" needs the second).</summary>
    private static bool MayHoldLinkTarget(string text)
    {
        var t = text.AsSpan();
        if (t.IndexOfAny(LinkTargetChars) < 0) return t.Contains("www.", StringComparison.Ordinal);
        return t.Contains("://", StringComparison.Ordinal) || t.Contains("www.", StringComparison.Ordinal) ||
               t.Contains('@') || t.Count('/') >= 3;
    }

    private static readonly System.Buffers.SearchValues<char> LinkTargetChars = System.Buffers.SearchValues.Create(":@/");

    private const double BulletValue = 0.1;

    /// <summary>Lines of a code listing or a text table: box-drawing rules, or two or more code punctuation marks
    /// ("avg (n ) FROM unnest (array [2 , 3 ])", "400 │ 2020-08-01 │ 12"). Menus and footers have neither.</summary>
    private static bool IsCodeOrTableLine(string text)
    {
        // Two vectorised searches: most lines (menu entries) have neither mark.
        var t = text.AsSpan();
        if (t.IndexOfAnyInRange('\u2500', '\u257F') >= 0) return true;
        int first = t.IndexOfAny(CodeMarks);
        return first >= 0 && t[(first + 1)..].IndexOfAny(CodeMarks) >= 0;
    }

    private static readonly System.Buffers.SearchValues<char> CodeMarks = System.Buffers.SearchValues.Create("(){};=[]");

    /// <summary>A line that starts with a typed bullet ("+ ", "- ", "* ", "• ") and a word: menus get their bullets
    /// from style sheets, article lists often from the text.</summary>
    private static bool IsTypedBullet(string text) =>
        text.Length > 3 && text[0] is '+' or '-' or '*' or '•' or '–' or '·' && text[1] == ' ' && char.IsLetterOrDigit(text[2]) &&
        TextMetrics.WordCount(text) >= 2;

    private const double ProseValue = -0.05;

    /// <summary>Inside the region, keep sentences, paragraphs and subheadings; drop crumbs such as "Photo", "12".</summary>
    private static bool IsArticleText(Block b)
    {
        int len = b.EffectiveLength;
        if (b.LinkDensity > 0.6 && len < 200) return false;
        return len >= MinLen || TextMetrics.EndsSentence(b.Text) && len >= 5;
    }
}
