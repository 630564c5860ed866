namespace Cleaner.Core.Knowledge;

public readonly record struct PhraseHit(int Start, int Length, string Phrase, string Language);

/// <summary>Finds many phrases at once (Aho–Corasick), so adding languages does not slow matching.
/// Text is folded with <see cref="TextFold.Fold"/> (lower case, one apostrophe, one dash), which keeps
/// positions, and a phrase that starts/ends with a letter must start/end at a word boundary
/// (not checked for scripts written without spaces).</summary>
public sealed class PhraseMatcher
{
    private sealed class Node
    {
        public Dictionary<char, int>? Next;
        public int Fail;
        public List<int>? Outputs; // phrase indices
    }

    private readonly List<Node> _nodes = [new Node()];
    private readonly List<(string Phrase, string Language)> _phrases = [];
    private bool _built;

    public int Count => _phrases.Count;

    public IReadOnlyList<(string Phrase, string Language)> Phrases => _phrases;

    public void Add(string phrase, string language)
    {
        if (_built) throw new InvalidOperationException("matcher already built");
        phrase = TextFold.Fold(phrase.Trim());
        if (phrase.Length == 0) return;
        int state = 0;
        foreach (var c in phrase)
        {
            var node = _nodes[state];
            node.Next ??= new Dictionary<char, int>();
            if (!node.Next.TryGetValue(c, out var next))
            {
                next = _nodes.Count;
                _nodes.Add(new Node());
                node.Next[c] = next;
            }
            state = next;
        }
        (_nodes[state].Outputs ??= []).Add(_phrases.Count);
        _phrases.Add((phrase, language));
    }

    public PhraseMatcher Build()
    {
        // Breadth-first failure links; no recursion.
        var queue = new Queue<int>();
        if (_nodes[0].Next != null)
            foreach (var child in _nodes[0].Next!.Values) { _nodes[child].Fail = 0; queue.Enqueue(child); }
        while (queue.Count > 0)
        {
            var r = queue.Dequeue();
            if (_nodes[r].Next == null) continue;
            foreach (var (c, u) in _nodes[r].Next!)
            {
                queue.Enqueue(u);
                int f = _nodes[r].Fail;
                while (f != 0 && (_nodes[f].Next == null || !_nodes[f].Next!.ContainsKey(c))) f = _nodes[f].Fail;
                int target = _nodes[f].Next != null && _nodes[f].Next!.TryGetValue(c, out var t) && t != u ? t : 0;
                _nodes[u].Fail = target;
                if (_nodes[target].Outputs is { } outs)
                    (_nodes[u].Outputs ??= []).AddRange(outs);
            }
        }
        _built = true;
        return this;
    }

    /// <summary>All hits in <paramref name="text"/> (raw text; folded internally).</summary>
    public List<PhraseHit> FindAll(string text) => FindAllFolded(TextFold.Fold(text));

    public List<PhraseHit> FindAllFolded(string folded)
    {
        var hits = new List<PhraseHit>();
        Scan(folded, hits, firstOnly: false);
        return hits;
    }

    public bool IsMatch(string text) => IsMatchFolded(TextFold.Fold(text));

    public bool IsMatchFolded(string folded)
    {
        var hits = new List<PhraseHit>(1);
        Scan(folded, hits, firstOnly: true);
        return hits.Count > 0;
    }

    private void Scan(string s, List<PhraseHit> hits, bool firstOnly)
    {
        if (!_built) Build();
        int state = 0;
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            while (state != 0 && (_nodes[state].Next == null || !_nodes[state].Next!.ContainsKey(c))) state = _nodes[state].Fail;
            if (_nodes[state].Next != null && _nodes[state].Next!.TryGetValue(c, out var next)) state = next;
            if (_nodes[state].Outputs is not { } outs) continue;
            foreach (var pi in outs)
            {
                var (phrase, lang) = _phrases[pi];
                int start = i - phrase.Length + 1;
                if (!AtBoundary(s, start, i, phrase)) continue;
                hits.Add(new PhraseHit(start, phrase.Length, phrase, lang));
                if (firstOnly) return;
            }
        }
    }

    private static bool AtBoundary(string s, int start, int end, string phrase)
    {
        // A neighbour in a script without spaces is a boundary too: "当サイトではcookieを使用".
        if (char.IsLetterOrDigit(phrase[0]) && !IsUnspacedScript(phrase[0]) && start > 0 && IsWordChar(s[start - 1]))
            return false;
        var last = phrase[^1];
        if (char.IsLetterOrDigit(last) && !IsUnspacedScript(last) && end + 1 < s.Length && IsWordChar(s[end + 1]))
            return false;
        return true;
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) && !IsUnspacedScript(c);

    /// <summary>CJK, kana, hangul, Thai: scripts where words are not separated by spaces.</summary>
    public static bool IsUnspacedScript(char c) =>
        c >= 0x3040 && c <= 0x30FF || c >= 0x3400 && c <= 0x9FFF || c >= 0xAC00 && c <= 0xD7AF ||
        c >= 0x0E00 && c <= 0x0E7F || c >= 0xF900 && c <= 0xFAFF;
}

public static class TextFold
{
    /// <summary>Lower-cases and unifies apostrophes, dashes, full-width CJK punctuation and letters written two ways
    /// (Romanian ș/ş, Arabic alef forms), keeping the length (positions map 1:1).</summary>
    public static string Fold(string text)
    {
        return string.Create(text.Length, text, static (span, t) =>
        {
            for (int i = 0; i < t.Length; i++)
            {
                char c = char.ToLowerInvariant(t[i]);
                span[i] = c switch
                {
                    '\u2019' or '\u2018' or '\u02BC' or '`' or '\u00B4' => '\'',
                    '\u2013' or '\u2014' or '\u2212' => '-',
                    '\u00A0' or '\u202F' or '\u2009' or '\u3000' => ' ',
                    // Full-width punctuation of CJK text: "写真：共同", "图／新华社".
                    '\uFF1A' => ':',
                    '\uFF0F' => '/',
                    '\uFF1D' => '=',
                    // Romanian is typed with cedilla or comma below: "şi" = "și".
                    '\u015F' => '\u0219',
                    '\u0163' => '\u021B',
                    // Arabic alef with hamza/madda and alef maqsura are written either way.
                    '\u0623' or '\u0625' or '\u0622' => '\u0627',
                    '\u0649' => '\u064A',
                    _ => c,
                };
            }
        });
    }
}
