using Cleaner.Core.Model;

namespace Cleaner.Core.Segmentation;

/// <summary>Turns a text dump (one text node a line) into blocks. A dump splits a sentence wherever the page
/// had inline markup (a link, bold text), so fragments that continue a sentence are joined back.</summary>
public sealed class TextDumpSegmenter
{
    public List<Block> Segment(string text)
    {
        var blocks = new List<Block>();
        string? pending = null;
        foreach (var raw in text.Split('\n'))
        {
            var line = TextMetrics.NormalizeSpace(raw);
            if (line.Length == 0) continue;
            if (pending != null && Continues(pending, line))
            {
                pending = Join(pending, line);
                continue;
            }
            if (pending != null) blocks.Add(new Block(blocks.Count, pending));
            pending = line;
        }
        if (pending != null) blocks.Add(new Block(blocks.Count, pending));
        return blocks;
    }

    private static string Join(string a, string b)
    {
        // No space before closing punctuation or after an opening bracket/quote.
        if (b.Length > 0 && b[0] is ',' or '.' or ';' or ':' or '!' or '?' or ')' or ']' or '»' or '”' or '%' or '…' or '-' && !(b.Length > 1 && b[0] == '-' && b[1] == ' '))
            return a + b;
        if (a.Length > 0 && a[^1] is '(' or '[' or '«' or '“' or '„' or '/')
            return a + b;
        return a + " " + b;
    }

    /// <summary>True when <paramref name="next"/> continues the sentence of <paramref name="prev"/>.</summary>
    internal static bool Continues(string prev, string next)
    {
        if (TextMetrics.EndsSentence(prev)) return false;
        char first = next[0];
        // Punctuation that cannot start a block: the fragment was split off the previous text node.
        if (first is ',' or '.' or ';' or ':' or '!' or '?' or ')' or ']' or '%' || first is '»' or '”' && next.Length < 3)
            return prev.Length >= 2 && !(first == '.' && next.Length > 1 && next[1] == '.');
        // A lower-case continuation after a fragment that looks like running text (not a menu of short items).
        if (char.IsLower(first) && TextMetrics.WordCount(prev) >= 4 && !prev.EndsWith(':'))
            return true;
        // A linked word inside a sentence: "… according to" / "Reuters" / "on Tuesday."
        if (TextMetrics.WordCount(prev) >= 6 && char.IsLower(prev[^1]) &&
            TextMetrics.WordCount(next) <= 4 && TextMetrics.EndsSentence(next))
            return true;
        return false;
    }
}
