namespace Cleaner.Core.Quality;

public enum DiffOp { Same, Added, Removed }

public sealed record DiffLine(DiffOp Op, string Text)
{
    public override string ToString() => (Op switch { DiffOp.Added => "+ ", DiffOp.Removed => "- ", _ => "  " }) + Text;
}

/// <summary>Paragraph-level diff of an expected cleaned output against the current one (longest common subsequence),
/// for `cleaner check --expected`.</summary>
public static class ParagraphDiff
{
    /// <summary>Splits a text output (title, blank line, paragraphs separated by blank lines) into paragraphs.</summary>
    public static List<string> Paragraphs(string text) =>
        text.Replace("\r\n", "\n").Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(p => p.Length > 0).ToList();

    /// <summary>Removed (expected only) and added (current only) paragraphs in order; unchanged ones are left out
    /// unless <paramref name="includeSame"/>. Empty when the outputs are equal.</summary>
    public static List<DiffLine> Compare(IReadOnlyList<string> expected, IReadOnlyList<string> actual, bool includeSame = false)
    {
        int n = expected.Count, m = actual.Count;
        // lcs[i, j] = LCS length of expected[i..] and actual[j..]; filled bottom-up, no recursion.
        var lcs = new int[n + 1, m + 1];
        for (int i = n - 1; i >= 0; i--)
            for (int j = m - 1; j >= 0; j--)
                lcs[i, j] = expected[i] == actual[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
        var diff = new List<DiffLine>();
        int a = 0, b = 0;
        while (a < n && b < m)
        {
            if (expected[a] == actual[b]) { if (includeSame) diff.Add(new(DiffOp.Same, expected[a])); a++; b++; }
            else if (lcs[a + 1, b] >= lcs[a, b + 1]) diff.Add(new(DiffOp.Removed, expected[a++]));
            else diff.Add(new(DiffOp.Added, actual[b++]));
        }
        while (a < n) diff.Add(new(DiffOp.Removed, expected[a++]));
        while (b < m) diff.Add(new(DiffOp.Added, actual[b++]));
        return diff;
    }
}
