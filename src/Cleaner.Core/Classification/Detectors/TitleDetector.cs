using Cleaner.Core.Knowledge;
using Cleaner.Core.Model;
using Cleaner.Core.Segmentation;

namespace Cleaner.Core.Classification.Detectors;

/// <summary>Picks the headline by agreement between sources: the page's title hints (HTML &lt;title&gt;, og:title,
/// JSON-LD; for a dump its first line, which is the &lt;title&gt; text) and heading-like blocks before the article.
/// A block that is contained in the &lt;title&gt; wins (the title usually adds a site name); else the heading
/// nearest above the article; else the &lt;title&gt; minus its site-name suffix.</summary>
public sealed class TitleDetector : IBlockDetector
{
    public string Name => "title";

    private static readonly string[] SiteSeparators = [" | ", " - ", " – ", " — ", " :: ", " · ", " » ", " // "];

    public void Detect(PageContext page)
    {
        var blocks = page.Blocks;
        int regionStart = page.RegionStart < 0 ? blocks.Count : page.RegionStart;
        string? titleTag = page.Hints.TitleTag;
        int titleTagBlock = -1;
        if (titleTag == null && page.Format == InputFormat.TextDump && blocks.Count > 0 && !blocks[0].Kind.IsArticle())
        {
            titleTag = blocks[0].Text;
            titleTagBlock = 0;
        }

        Block? best = null;
        double bestScore = 0, bestSimilarity = 0;
        var tagTokens = titleTag != null ? Tokens(titleTag) : null;
        var strippedTokens = titleTag != null ? Tokens(StripSiteName(titleTag)) : null;
        int searchFrom = Math.Max(0, regionStart - 40);
        // The headline can sit a little inside the region (after a teaser or a photo caption).
        for (int i = searchFrom; i < Math.Min(blocks.Count, regionStart + 12); i++)
        {
            var b = blocks[i];
            if (i == titleTagBlock) continue;
            if (b.Kind.IsArticle() && b.Kind != BlockKind.Content) continue;
            if (!IsHeadingLike(b)) continue;
            // HTML marks its headings: a table cell or a short line is no headline there.
            if (page.Format == InputFormat.Html && b.HeadingLevel == 0) continue;
            double distance = i <= regionStart ? regionStart - i : (i - regionStart) * 2;
            double score = 1.0 / (1 + distance);
            if (b.HeadingLevel == 1) score += 2;
            else if (b.HeadingLevel > 1) score += 0.3;
            double similarity = 0;
            if (tagTokens != null)
            {
                var folded = page.Folded(b);
                similarity = Math.Max(FoldedSimilarity(folded, tagTokens), FoldedSimilarity(folded, strippedTokens!));
                if (similarity >= 0.5) score += 3 * similarity;
            }
            foreach (var hint in page.Hints.TitleCandidates)
                if (Agrees(b.Text, hint)) { score += 1; break; }
            if (score > bestScore) { bestScore = score; best = b; bestSimilarity = similarity; }
        }

        if (best != null && (bestScore >= 1 || titleTag == null))
        {
            best.Label(BlockKind.Title, Name, "headline" + (bestSimilarity >= 0.5 ? $" matching the page title ({bestSimilarity:0.00})" : " nearest above the article"));
            if (titleTagBlock >= 0 && blocks[titleTagBlock].Kind != BlockKind.Title)
                blocks[titleTagBlock].Label(BlockKind.Metadata, Name, "page <title> text");
            if (titleTagBlock >= 0) page.Hints.Headline = HeadlineWithin(best.Text, titleTag!);
            // The headline repeated inside the article (a sticky header, a print heading) is not a paragraph.
            for (int i = best.Index + 1; i < blocks.Count; i++)
                if (blocks[i].Kind == BlockKind.Content && blocks[i].Text == best.Text)
                    blocks[i].Label(BlockKind.Metadata, Name, "repeats the headline");
            return;
        }
        if (titleTagBlock >= 0)
        {
            // No headline line: the <title> minus its site name is the best guess.
            blocks[titleTagBlock].Label(BlockKind.Metadata, Name, "page <title> text (the title without its site name)");
            page.Hints.TitleCandidates.Insert(0, StripSiteName(titleTag!));
        }
    }

    /// <summary>The part of a dump's title block that the &lt;title&gt; line gives, when the block holds more: the
    /// segmenter joins a headline with a short line next to it (a date, "dpa", a byline label). The text around the
    /// match must be absent from the &lt;title&gt; line, so a headline the &lt;title&gt; only shortens stays whole.
    /// Null when the block is the headline as it stands.</summary>
    public static string? HeadlineWithin(string block, string titleLine)
    {
        block = TextMetrics.NormalizeSpace(block).Trim();
        titleLine = TextMetrics.NormalizeSpace(titleLine).Trim();
        var foldedTitle = TextFold.Fold(titleLine);
        var withoutSite = StripSiteName(titleLine);
        // Only a trailing site name is dropped here: the end of "Site – Headline" may be a short generic phrase.
        foreach (var candidate in titleLine.StartsWith(withoutSite, StringComparison.Ordinal) ? [titleLine, withoutSite] : new[] { titleLine })
        {
            if (candidate.Length < 12 || candidate.Length >= block.Length || candidate.Length * 5 < block.Length * 2) continue;
            int at = block.IndexOf(candidate, StringComparison.OrdinalIgnoreCase);
            if (at < 0) continue;
            int end = at + candidate.Length;
            // Whole words only: the match must not cut a word of the block.
            if (at > 0 && char.IsLetterOrDigit(block[at - 1]) || end < block.Length && char.IsLetterOrDigit(block[end])) continue;
            var before = block[..at].Trim();
            var after = block[end..].Trim();
            // "Headline – more of it" continues the headline past the part the <title> kept.
            if (after.Length > 0 && after[0] is '–' or '—' or '-' or ':' or '|' or ',' or '(' or '·') continue;
            if (InTitle(before) || InTitle(after)) continue;
            return block.Substring(at, candidate.Length);
        }
        return null;

        bool InTitle(string extra)
        {
            var folded = TextFold.Fold(extra).Trim();
            return folded.Any(char.IsLetterOrDigit) && foldedTitle.Contains(folded, StringComparison.Ordinal);
        }
    }

    private static bool IsHeadingLike(Block b)
    {
        int len = b.EffectiveLength;
        if (len < 8 || b.Text.Length > 250) return false;
        if (b.LinkDensity > 0.5) return false;
        if (b.HeadingLevel > 0) return true;
        var t = b.Text.TrimEnd();
        return !t.EndsWith('.') || t.EndsWith("...") || t.EndsWith('…');
    }

    /// <summary>Folded word tokens; each character of a script written without spaces is a token.</summary>
    public static HashSet<string> Tokens(string text)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        var folded = TextFold.Fold(text);
        var ranges = new Range[folded.Length];
        int n = TokenRanges(folded, ranges);
        for (int i = 0; i < n; i++) set.Add(folded[ranges[i]]);
        return set;
    }

    /// <summary>The token ranges of folded text, in order (a text has at most as many tokens as characters).</summary>
    private static int TokenRanges(ReadOnlySpan<char> folded, Span<Range> ranges)
    {
        int n = 0, start = -1;
        var weight = TextMetrics.Weight; // 0: not a letter or digit, 3: a script without spaces
        for (int i = 0; i <= folded.Length; i++)
        {
            int w = i < folded.Length ? weight[folded[i]] : 0;
            bool letter = w != 0;
            if (w == 3)
            {
                if (start >= 0) { ranges[n++] = start..i; start = -1; }
                ranges[n++] = i..(i + 1);
                continue;
            }
            if (letter) { if (start < 0) start = i; continue; }
            if (start >= 0) { ranges[n++] = start..i; start = -1; }
        }
        return n;
    }

    /// <summary>Dice overlap of two token sets, weighted towards the block's own tokens being in the title
    /// (a lead paragraph contains the title's words but many more).</summary>
    public static double Similarity(HashSet<string> block, HashSet<string> title)
    {
        int inter = 0;
        foreach (var t in block) if (title.Contains(t)) inter++;
        return Similarity(inter, block.Count, title.Count);
    }

    /// <summary><see cref="Similarity(HashSet{string}, HashSet{string})"/> of a block's folded text (its
    /// <see cref="PageContext.Folded"/>, which the phrase scan made), without building its token set: headline
    /// candidates are many, the title is one.</summary>
    public static double FoldedSimilarity(ReadOnlySpan<char> folded, HashSet<string> title)
    {
        if (title.Count == 0) return 0;
        const int OnStack = 256;
        Span<Range> ranges = folded.Length <= OnStack ? stackalloc Range[folded.Length] : new Range[folded.Length];
        int n = TokenRanges(folded, ranges), distinct = 0, inter = 0;
        var lookup = title.GetAlternateLookup<ReadOnlySpan<char>>();
        for (int i = 0; i < n; i++)
        {
            var token = folded[ranges[i]];
            bool seen = false;
            for (int j = 0; j < i && !seen; j++) seen = token.SequenceEqual(folded[ranges[j]]);
            if (seen) continue;
            distinct++;
            if (lookup.Contains(token)) inter++;
            // Under 60 % of the block's distinct tokens in the title scores 0; once the misses pass 40 % of all its
            // tokens that is certain (most lines of a page share nothing with the title).
            else if ((distinct - inter) * 5 > 2 * n) return 0;
        }
        return Similarity(inter, distinct, title.Count);
    }

    private static double Similarity(int inter, int blockCount, int titleCount)
    {
        if (blockCount == 0 || titleCount == 0 || inter == 0) return 0;
        double p = (double)inter / blockCount, r = (double)inter / titleCount;
        if (p < 0.6) return 0;
        return 2 * p * r / (p + r);
    }

    /// <summary>Same text, or one contained in the other with room for a site name.</summary>
    public static bool Agrees(string a, string b)
    {
        var fa = TextFold.Fold(TextMetrics.NormalizeSpace(a)).Trim();
        var fb = TextFold.Fold(TextMetrics.NormalizeSpace(b)).Trim();
        if (fa.Length < 5 || fb.Length < 5) return false;
        if (fa == fb) return true;
        var (shorter, longer) = fa.Length <= fb.Length ? (fa, fb) : (fb, fa);
        return shorter.Length * 10 >= longer.Length * 4 && longer.Contains(shorter, StringComparison.Ordinal);
    }

    /// <summary>"Headline | Site" -> "Headline": drops the shortest end segment after a separator.</summary>
    public static string StripSiteName(string title)
    {
        title = TextMetrics.NormalizeSpace(title);
        foreach (var sep in SiteSeparators)
        {
            int last = title.LastIndexOf(sep, StringComparison.Ordinal);
            int first = title.IndexOf(sep, StringComparison.Ordinal);
            if (last > 0 && title.Length - last - sep.Length < last) return title[..last].Trim();
            if (first > 0 && first < title.Length - first - sep.Length && first <= 30) return title[(first + sep.Length)..].Trim();
        }
        return title;
    }
}
