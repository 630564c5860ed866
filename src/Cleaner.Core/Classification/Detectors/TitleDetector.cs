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
        double bestScore = 0;
        int searchFrom = Math.Max(0, regionStart - 40);
        for (int i = searchFrom; i < Math.Min(blocks.Count, regionStart + 3); i++)
        {
            var b = blocks[i];
            if (i == titleTagBlock) continue;
            if (b.Kind.IsArticle() && b.Kind != BlockKind.Content) continue;
            if (!IsHeadingLike(b)) continue;
            double score = 1.0 / (1 + Math.Abs(regionStart - i));
            if (b.HeadingLevel == 1) score += 2;
            else if (b.HeadingLevel > 1) score += 0.3;
            if (titleTag != null && Agrees(b.Text, titleTag)) score += 3;
            foreach (var hint in page.Hints.TitleCandidates)
                if (Agrees(b.Text, hint)) { score += 1; break; }
            if (score > bestScore) { bestScore = score; best = b; }
        }

        if (best != null && (bestScore >= 1 || titleTag == null))
        {
            best.Label(BlockKind.Title, Name, "headline" + (titleTag != null && Agrees(best.Text, titleTag) ? " matching the page title" : " nearest above the article"));
            if (titleTagBlock >= 0 && blocks[titleTagBlock].Kind != BlockKind.Title)
                blocks[titleTagBlock].Label(BlockKind.Metadata, Name, "page <title> text");
            return;
        }
        if (titleTagBlock >= 0)
        {
            blocks[titleTagBlock].Label(BlockKind.Title, Name, "page <title> text");
            page.Hints.TitleCandidates.Insert(0, StripSiteName(titleTag!));
        }
    }

    private static bool IsHeadingLike(Block b)
    {
        int len = TextMetrics.EffectiveLength(b.Text);
        if (len < 8 || b.Text.Length > 250) return false;
        if (b.LinkDensity > 0.5) return false;
        if (b.HeadingLevel > 0) return true;
        var t = b.Text.TrimEnd();
        return !t.EndsWith('.') || t.EndsWith("...") || t.EndsWith('…');
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
