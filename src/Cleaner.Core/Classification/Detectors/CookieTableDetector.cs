using Cleaner.Core.Knowledge;
using Cleaner.Core.Model;
using Cleaner.Core.Segmentation;

namespace Cleaner.Core.Classification.Detectors;

/// <summary>Finds cookie inventories ("Cookie / Duration / Description" and their rows) and labels the header
/// and every row as one group. Works on dump lines and on HTML table cells alike: a header is a run of at
/// least two short table-header words that includes "cookie"; rows are cookie names (identifier-like),
/// durations (a number and a time unit, "session") and descriptions that mention cookies or consent.</summary>
public sealed class CookieTableDetector : IBlockDetector
{
    public string Name => "cookie-table";

    private static int _groupSeed = 1_000_000;

    public void Detect(PageContext page)
    {
        var header = page.Phrases.Matcher("cookie-table-header");
        var units = page.Phrases.Matcher("duration-unit");
        var consent = page.Phrases.Matcher("cookie-consent");
        var blocks = page.Blocks;
        if (!blocks.Exists(b => b.Text.Length <= MaxHeaderCell && page.Folded(b).Contains("cookie"))) return; // no header cell names cookies
        for (int i = 0; i < blocks.Count; i++)
        {
            // Header: consecutive short lines that are all header words, at least one naming cookies.
            int j = i;
            bool namesCookie = false;
            while (j < blocks.Count && IsHeaderCell(page, blocks[j], header))
            {
                namesCookie |= page.Folded(blocks[j]).Contains("cookie");
                j++;
            }
            if (j - i < 2 || !namesCookie) continue;

            int group = Interlocked.Increment(ref _groupSeed);
            int columns = j - i;
            int end = j;
            int rows = 0;
            // Rows come as runs of `columns` cells whose first cell names a cookie; in HTML a row can be one block.
            while (end < blocks.Count)
            {
                if (page.Format == Model.InputFormat.Html ? IsRowCell(page, blocks[end], units, consent) && IsCookieRowText(page, blocks[end])
                                                          : IsRow(page, end, columns, units, consent))
                {
                    end += page.Format == Model.InputFormat.Html ? 1 : columns;
                    rows++;
                }
                else break;
            }
            if (rows == 0) continue;
            for (int k = i; k < end; k++)
            {
                if (blocks[k].IsDecided && blocks[k].Kind != BlockKind.CookieConsent) continue;
                blocks[k].GroupId = group;
                blocks[k].Label(BlockKind.CookieConsent, Name,
                    k < j ? "cookie table header" : "cookie table row");
            }
            i = end - 1;
        }
    }

    private static bool IsRow(PageContext page, int start, int columns, PhraseMatcher units, PhraseMatcher consent)
    {
        if (start + columns > page.Blocks.Count) return false;
        if (!IsCookieName(page.Blocks[start].Text)) return false;
        for (int k = start + 1; k < start + columns; k++)
            if (!IsRowCell(page, page.Blocks[k], units, consent)) return false;
        return true;
    }

    private static bool IsCookieRowText(PageContext page, Block b) =>
        IsCookieName(b.Text.Split(' ')[0]) || page.Folded(b).Contains("cookie");

    /// <summary>_ga, cookielawinfo-checkbox-analytics, PHPSESSID, viewed_cookie_policy</summary>
    private static bool IsCookieName(string t)
    {
        t = t.Trim();
        return t.Length is > 1 and <= 80 && !t.Contains(' ') && (t.Contains('_') || t.Contains('-') || t.Any(char.IsDigit) || t.Length <= 24);
    }

    private const int MaxHeaderCell = 30;

    private static bool IsHeaderCell(PageContext page, Block b, PhraseMatcher header)
    {
        if (b.Text.Length > MaxHeaderCell) return false;
        var folded = page.Folded(b).Trim();
        var hits = header.FindAllFolded(folded);
        return hits.Count > 0 && hits.Sum(h => h.Length) >= folded.Length - 2;
    }

    private static bool IsRowCell(PageContext page, Block b, PhraseMatcher units, PhraseMatcher consent)
    {
        var t = b.Text.Trim();
        var folded = page.Folded(b);
        if (IsCookieName(t)) return true;
        // Durations: "11 months", "1 year", "session", "persistent"
        if (t.Length <= 30 && units.IsMatchFolded(folded) && (t.Any(char.IsDigit) || TextMetrics.WordCount(t) <= 2))
            return true;
        // Descriptions that speak of cookies or consent
        return folded.Contains("cookie") || consent.IsMatchFolded(folded);
    }
}
