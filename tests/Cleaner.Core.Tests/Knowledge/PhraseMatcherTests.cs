using Cleaner.Core.Knowledge;
using Xunit;

namespace Cleaner.Core.Tests.Knowledge;

public class PhraseMatcherTests
{
    [Fact]
    public void HitsComeByTheirEndLongerFirstAtWordBoundaries()
    {
        var m = new PhraseMatcher();
        foreach (var p in new[] { "cookie settings page", "settings", "cookie", "kie", "se", "这是" }) m.Add(p, "xx");
        var hits = m.FindAll("Cookie settings page, cookies. 这是cookie");
        Assert.Equal(["cookie", "settings", "cookie settings page", "这是", "cookie"], hits.Select(h => h.Phrase));
        Assert.Equal([0, 7, 0, 31, 33], hits.Select(h => h.Start));
    }

    /// <summary>The trie walks from word starts report what a scan of every position for every phrase finds, in the
    /// order of an Aho–Corasick automaton (by end, longer first, then in the order added), also with more hits
    /// pending than the walk's buffer holds on the stack.</summary>
    [Fact]
    public void ScanAgreesWithBruteForceOnRandomText()
    {
        var rng = new Random(7);
        const string alphabet = "ab -.的是";
        string Random(int length) => new(Enumerable.Range(0, length).Select(_ => alphabet[rng.Next(alphabet.Length)]).ToArray());
        var phrases = Enumerable.Range(0, 60).Select(_ => Random(rng.Next(1, 6)).Trim()).Where(p => p.Length > 0).ToList();
        // A repeated phrase, and runs of "a" of every length: a run of words "a" has hundreds of hits pending.
        phrases.Add("a");
        phrases.AddRange(Enumerable.Range(1, 20).Select(n => string.Join(" ", Enumerable.Repeat("a", n))));
        var m = new PhraseMatcher();
        foreach (var p in phrases) m.Add(p, "xx");
        for (int round = 0; round < 200; round++)
        {
            var text = round == 0 ? string.Join(" ", Enumerable.Repeat("a", 80)) : Random(rng.Next(0, 120));
            var expected = new List<(int End, int Length, int Order, string Phrase)>();
            for (int pi = 0; pi < m.Phrases.Count; pi++)
            {
                var p = m.Phrases[pi].Phrase;
                for (int s = text.IndexOf(p, StringComparison.Ordinal); s >= 0; s = text.IndexOf(p, s + 1, StringComparison.Ordinal))
                {
                    int e = s + p.Length;
                    if (IsWord(p[0]) && s > 0 && IsWord(text[s - 1]) || IsWord(p[^1]) && e < text.Length && IsWord(text[e])) continue;
                    expected.Add((e, p.Length, pi, p));
                }
            }
            var ordered = expected.OrderBy(h => h.End).ThenByDescending(h => h.Length).ThenBy(h => h.Order)
                .Select(h => (h.End - h.Length, h.Phrase));
            Assert.Equal(ordered, m.FindAll(text).Select(h => (h.Start, h.Phrase)));
        }
    }

    private static bool IsWord(char c) => char.IsLetterOrDigit(c) && !PhraseMatcher.IsUnspacedScript(c);
}
