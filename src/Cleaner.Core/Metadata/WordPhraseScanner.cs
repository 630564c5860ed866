using System.Buffers;
using System.Numerics;
using System.Runtime.Intrinsics;
using Cleaner.Core.Knowledge;
using Cleaner.Core.Segmentation;

namespace Cleaner.Core.Metadata;

/// <summary>The hits of a category's matcher whose phrases are nearly all single words (stopwords), reported as
/// <see cref="PhraseMatcher.Scan{TSink}"/> reports them (the same hits, in the same order) but found by looking each
/// word of the text up in a table. A one-word phrase matches exactly a whole word: it must start at a word's start
/// and, ending in a word character, may not be followed by one. The few other phrases ("l'", CJK particles) go
/// through a matcher of their own, run only around the characters that make them more than a word. Profiling: the
/// matcher's walk from every word start, with a branch on every character, was most of language detection, itself
/// a tenth of the text-dump time.</summary>
internal sealed class WordPhraseScanner
{
    private readonly Dictionary<string, int[]>.AlternateLookup<ReadOnlySpan<char>> _byWord; // word -> its phrases, in the matcher's order
    private readonly int _longestWord;
    private readonly PhraseMatcher? _others;
    private readonly int[] _otherIndex;     // a phrase of _others -> its index in the category's matcher
    private readonly SearchValues<char> _otherMarks; // the characters of the other phrases that are not word characters
    private readonly int _longestOther;

    public WordPhraseScanner(PhraseBook phrases, string category)
    {
        // Phrase numbers as PhraseBook.Matcher gives them: the category's phrases in order, the empty ones left out.
        var matcher = phrases.Matcher(category);
        var byWord = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var others = new PhraseMatcher();
        var otherIndex = new List<int>();
        var marks = new HashSet<char>();
        int index = 0;
        foreach (var (phrase, language) in phrases.All(category))
        {
            var folded = TextFold.Fold(phrase.Trim());
            if (folded.Length == 0) continue;
            if (matcher.Phrases[index].Phrase != folded) throw new InvalidOperationException($"phrase {index} of {category} out of step");
            if (folded.All(IsWordChar))
            {
                (byWord.TryGetValue(folded, out var list) ? list : byWord[folded] = []).Add(index);
                _longestWord = Math.Max(_longestWord, folded.Length);
                _maybeWord.Add(folded);
            }
            else
            {
                others.Add(phrase, language);
                otherIndex.Add(index);
                marks.UnionWith(folded.Where(c => !IsWordChar(c)));
                _longestOther = Math.Max(_longestOther, folded.Length);
            }
            index++;
        }
        _byWord = byWord.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        _others = otherIndex.Count > 0 ? others.Build() : null;
        _otherIndex = otherIndex.ToArray();
        _otherMarks = SearchValues.Create(marks.Order().ToArray());
    }

    /// <summary>Letters and digits of scripts written with spaces: what PhraseMatcher treats as word characters.</summary>
    private static bool IsWordChar(char c) => TextMetrics.Weight[c] == 1;

    // Most words of a text are no phrase: the filter tells most of them apart before the table.
    private readonly WordFilter _maybeWord = new();

    /// <summary>Reports every hit in folded text to <paramref name="sink"/>, as <see cref="PhraseMatcher.Scan{TSink}"/>
    /// of the category's matcher would: in order of their end, at one end the longer phrase first.</summary>
    public void Scan<TSink>(ReadOnlySpan<char> folded, ref TSink sink) where TSink : struct, PhraseMatcher.IHitSink
    {
        var words = new WordHits(this, OtherHits(folded));
        int n = folded.Length, tokenStart = -1, i = 0;
        // Word starts and ends are where the word-character mask changes: for 16 ASCII characters at a time one
        // mask, and only the changes are visited (a branch per character mispredicted at every word's end).
        if (Vector128.IsHardwareAccelerated)
        {
            uint inWord = 0;
            while (i + 16 <= n)
            {
                uint word;
                if (Ascii16.TryLoad(folded, i, out var v))
                {
                    word = Ascii16.WordChars(v);
                }
                else
                {
                    word = 0;
                    for (int j = 0; j < 16; j++) if (IsWordChar(folded[i + j])) word |= 1u << j;
                }
                for (uint changes = (word ^ (word << 1 | inWord)) & 0xFFFF; changes != 0; changes &= changes - 1)
                {
                    int at = i + BitOperations.TrailingZeroCount(changes);
                    if (tokenStart < 0) tokenStart = at;
                    else
                    {
                        if (!words.Word(folded, tokenStart, at, ref sink)) return;
                        tokenStart = -1;
                    }
                }
                inWord = word >> 15;
                i += 16;
            }
        }
        for (; i < n; i++)
        {
            if (IsWordChar(folded[i]) == tokenStart >= 0) continue;
            if (tokenStart < 0) tokenStart = i;
            else
            {
                if (!words.Word(folded, tokenStart, i, ref sink)) return;
                tokenStart = -1;
            }
        }
        if (tokenStart >= 0 && !words.Word(folded, tokenStart, n, ref sink)) return;
        words.Rest(ref sink);
    }

    /// <summary>Looks the words up and reports their hits, with the other phrases' hits merged in by end and start.</summary>
    private struct WordHits(WordPhraseScanner scanner, List<(int End, int Start, int Phrase)>? others)
    {
        private int _next; // the next of the other phrases' hits to report

        /// <summary>The word folded[start..end); false when the sink stopped the scan.</summary>
        public bool Word<TSink>(ReadOnlySpan<char> folded, int start, int end, ref TSink sink) where TSink : struct, PhraseMatcher.IHitSink
        {
            var word = folded[start..end];
            if (word.Length > scanner._longestWord) return true;
            if (!scanner._maybeWord.MayContain(word) || !scanner._byWord.TryGetValue(word, out var phrases)) return true;
            int last = end - 1;
            // No other phrase can start inside a word, so one that ends here started before it.
            for (; others != null && _next < others.Count && (others[_next].End < last || others[_next].End == last && others[_next].Start < start); _next++)
                if (!sink.Hit(others[_next].End, others[_next].Phrase)) return false;
            foreach (var p in phrases)
                if (!sink.Hit(last, p)) return false;
            return true;
        }

        /// <summary>The other phrases' hits after the last word's.</summary>
        public void Rest<TSink>(ref TSink sink) where TSink : struct, PhraseMatcher.IHitSink
        {
            for (; others != null && _next < others.Count; _next++)
                if (!sink.Hit(others[_next].End, others[_next].Phrase)) return;
        }
    }

    /// <summary>The other phrases' hits, in the matcher's order, or null. Each contains one of their marks, so only
    /// stretches around the marks are scanned, widened to word boundaries (where the matcher's tests of the
    /// neighbouring characters come out as in the whole text); overlapping stretches are scanned as one.</summary>
    private List<(int End, int Start, int Phrase)>? OtherHits(ReadOnlySpan<char> folded)
    {
        if (_others == null) return null;
        var hits = new OtherHitList(this);
        int from = -1, to = -1; // the stretch being widened
        for (int at = folded.IndexOfAny(_otherMarks); at >= 0;)
        {
            int start = Math.Max(0, at - _longestOther + 1), end = Math.Min(folded.Length, at + _longestOther);
            while (start > 0 && IsWordChar(folded[start]) && IsWordChar(folded[start - 1])) start--;
            while (end < folded.Length && IsWordChar(folded[end - 1]) && IsWordChar(folded[end])) end++;
            if (from >= 0 && start < to) to = Math.Max(to, end);
            else
            {
                if (from >= 0) hits.ScanStretch(folded, from, to);
                (from, to) = (start, end);
            }
            int next = folded[(at + 1)..].IndexOfAny(_otherMarks);
            at = next < 0 ? -1 : at + 1 + next;
        }
        if (from >= 0) hits.ScanStretch(folded, from, to);
        return hits.Hits;
    }

    /// <summary>The other phrases' hits with their starts, numbered as in the category's matcher; the list is made
    /// at the first hit (most texts have none).</summary>
    private struct OtherHitList(WordPhraseScanner scanner) : PhraseMatcher.IHitSink
    {
        public List<(int End, int Start, int Phrase)>? Hits;
        private int _offset;

        public void ScanStretch(ReadOnlySpan<char> folded, int from, int to)
        {
            _offset = from;
            scanner._others!.Scan(folded[from..to], ref this);
        }

        public bool Hit(int end, int phrase)
        {
            int length = scanner._others!.Phrases[phrase].Phrase.Length;
            (Hits ??= []).Add((_offset + end, _offset + end - length + 1, scanner._otherIndex[phrase]));
            return true;
        }
    }
}
