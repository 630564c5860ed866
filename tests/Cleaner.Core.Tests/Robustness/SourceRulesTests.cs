using System.Text.RegularExpressions;

namespace Cleaner.Core.Tests.Robustness;

/// <summary>The brief's rule, checked over the source: every regex Cleaner builds or calls has
/// RegexOptions.NonBacktracking or a match timeout, so no input can make one run for minutes.</summary>
public class SourceRulesTests
{
    private static readonly Regex RegexUse = new(@"new\s+Regex\s*\(|Regex\??\s+\w+\s*=\s*new\s*\(|Regex\.(IsMatch|Match|Matches|Replace|Split|Count|EnumerateMatches)\s*\(|\[GeneratedRegex\s*\(",
        RegexOptions.NonBacktracking, TimeSpan.FromSeconds(5));

    [Fact]
    public void EveryRegexIsNonBacktrackingOrTimed()
    {
        var offenders = new List<string>();
        int uses = 0;
        foreach (var file in Directory.EnumerateFiles(Path.Combine(TestPaths.Root, "src"), "*.cs", SearchOption.AllDirectories))
        {
            if (file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") || file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}")) continue;
            var src = File.ReadAllText(file);
            foreach (Match m in RegexUse.Matches(src))
            {
                uses++;
                var call = CallText(src, m.Index + m.Length - 1);
                if (!(call.Contains("NonBacktracking") || call.Contains("Timeout") || call.Contains("TimeSpan")))
                    offenders.Add($"{Path.GetRelativePath(TestPaths.Root, file)}: {call.Split('\n')[0].Trim()}");
            }
        }
        Assert.True(uses > 0, "the scan found no regex at all: is the pattern still right?");
        Assert.Empty(offenders);
    }

    /// <summary>The argument list that opens at <paramref name="open"/>, up to its closing parenthesis.</summary>
    private static string CallText(string src, int open)
    {
        int depth = 0;
        for (int i = open; i < src.Length; i++)
        {
            if (src[i] == '(') depth++;
            else if (src[i] == ')' && --depth == 0) return src[open..(i + 1)];
        }
        return src[open..];
    }
}
