namespace Cleaner.Core.Knowledge;

/// <summary>A phrase found in a text; <see cref="Category"/> is set by a matcher over several categories.</summary>
public readonly record struct PhraseHit(int Start, int Length, string Phrase, string Language, string? Category = null);

/// <summary>Finds many phrases at once (Aho–Corasick), so adding languages does not slow matching.
/// Text is folded with <see cref="TextFold.Fold"/> (lower case, one apostrophe, one dash), which keeps
/// positions, and a phrase that starts/ends with a letter must start/end at a word boundary
/// (not checked for scripts written without spaces).</summary>
public sealed class PhraseMatcher
{
    // The trie while phrases are added: one edge table for all nodes (a dictionary per node cost ~25 MB for the
    // 25 languages' data), and each node's children as a linked list for the breadth-first passes.
    private readonly Dictionary<long, int> _edges = new();
    private readonly List<int> _firstChild = [-1];
    private readonly List<int> _nextSibling = [-1];
    private readonly List<char> _charOf = ['\0'];
    private readonly List<List<int>?> _nodeOutputs = [null];
    private int NodeCount => _firstChild.Count;

    private static long EdgeKey(int state, char c) => (long)state << 16 | c;

    private readonly List<(string Phrase, string Language)> _phrases = [];
    private bool _built;

    public int Count => _phrases.Count;

    public IReadOnlyList<(string Phrase, string Language)> Phrases => _phrases;

    private readonly List<string?> _categories = [];

    public void Add(string phrase, string language, string? category = null)
    {
        if (_built) throw new InvalidOperationException("matcher already built");
        phrase = TextFold.Fold(phrase.Trim());
        if (phrase.Length == 0) return;
        int state = 0;
        foreach (var c in phrase)
        {
            if (!_edges.TryGetValue(EdgeKey(state, c), out var next))
            {
                next = NodeCount;
                _edges[EdgeKey(state, c)] = next;
                _firstChild.Add(-1);
                _nextSibling.Add(_firstChild[state]);
                _firstChild[state] = next;
                _charOf.Add(c);
                _nodeOutputs.Add(null);
            }
            state = next;
        }
        (_nodeOutputs[state] ??= []).Add(_phrases.Count);
        _phrases.Add((phrase, language));
        _categories.Add(category);
    }

    public PhraseMatcher Build()
    {
        // Breadth-first failure links; no recursion.
        var fail = new int[NodeCount];
        var queue = new Queue<int>();
        for (int child = _firstChild[0]; child >= 0; child = _nextSibling[child]) queue.Enqueue(child);
        while (queue.Count > 0)
        {
            var r = queue.Dequeue();
            for (int u = _firstChild[r]; u >= 0; u = _nextSibling[u])
            {
                queue.Enqueue(u);
                char c = _charOf[u];
                int f = fail[r];
                int t;
                while (f != 0 && !_edges.ContainsKey(EdgeKey(f, c))) f = fail[f];
                int target = _edges.TryGetValue(EdgeKey(f, c), out t) && t != u ? t : 0;
                fail[u] = target;
                if (_nodeOutputs[target] is { } outs)
                    (_nodeOutputs[u] ??= []).AddRange(outs);
            }
        }
        _fail = fail;
        Flatten();
        _built = true;
        return this;
    }

    // The built automaton as flat arrays, for scanning (profiling showed the Dictionary walk dominating
    // the text-dump path): the root's moves as a dense table over every char (most characters of running
    // text are read at the root), other nodes' edges sorted by char in one shared array.
    private int[] _rootNext = [];
    private int[] _edgeStart = [];   // node -> first edge; edges of node n are [_edgeStart[n], _edgeStart[n+1])
    private char[] _edgeChar = [];
    private int[] _edgeTarget = [];
    private int[] _fail = [];
    private int[]?[] _outputs = [];
    // Word boundaries, precomputed: whether a node's phrases end with a word character (all phrases output at a
    // node end with the char that leads into it, so one look at the next character clears them all — inside a
    // word, which is most positions where short stopwords such as "a" or "de" end), and whether a phrase starts with one.
    private bool[] _endsInWord = [];
    private bool[] _startsInWord = [];
    private int[] _phraseLength = [];

    private void Flatten()
    {
        int n = NodeCount;
        _rootNext = new int[RootDense];
        for (int child = _firstChild[0]; child >= 0; child = _nextSibling[child])
            if (_charOf[child] < RootDense) _rootNext[_charOf[child]] = child;
        _edgeStart = new int[n + 1];
        _outputs = new int[n][];
        _endsInWord = new bool[n];
        _startsInWord = _phrases.Select(p => IsWordChar(p.Phrase[0])).ToArray();
        _phraseLength = _phrases.Select(p => p.Phrase.Length).ToArray();
        _edgeChar = new char[n - 1];   // every node but the root is the target of exactly one edge
        _edgeTarget = new int[n - 1];
        int e = 0;
        for (int i = 0; i < n; i++)
        {
            _edgeStart[i] = e;
            _outputs[i] = _nodeOutputs[i]?.ToArray();
            _endsInWord[i] = i > 0 && IsWordChar(_charOf[i]);
            int first = e;
            for (int child = _firstChild[i]; child >= 0; child = _nextSibling[child])
            {
                _edgeChar[e] = _charOf[child];
                _edgeTarget[e] = child;
                e++;
            }
            Array.Sort(_edgeChar, _edgeTarget, first, e - first);
        }
        _edgeStart[n] = e;
        // The construction tables are not needed once flat.
        _edges.Clear();
        _edges.TrimExcess();
    }

    // The automaton as a DFA: one table lookup per character, no failure walks. Characters in no phrase form
    // class 0, which leads back to the root from every state. The table has a column per character of the phrases'
    // alphabet while it stays under MaxDfaCells; when it would not (the combined matcher of the phrase detectors has
    // 25 languages' alphabets, ~700 characters), Latin characters get columns first (most pages are written in
    // Latin script) and the others are marked Escape and take the edge arrays' failure walk.
    // Built only once a matcher has scanned a batch's worth of text: the tables of all categories are most of the
    // start-up of a CLI that cleans one page, which the edge arrays scan in a few milliseconds.
    // Cells are 2-byte states; the cap keeps a table at 4 MB, room for the combined matcher's Latin alphabet.
    private const long MaxDfaCells = 1 << 21;
    private const long DfaAfterChars = 2_000_000;
    private const ushort Escape = ushort.MaxValue;
    private sealed record DfaTables(ushort[] CharClass, ushort[] Dfa, int Classes);
    private volatile DfaTables? _dfaTables;
    private long _scannedChars;
    private int _dfaState; // 0 not tried, 1 building or built, never rebuilt

    private void BuildDfa()
    {
        if (NodeCount >= Escape) return;
        var alphabet = new SortedSet<char>(_edgeChar); // code-point order: Latin first
        int k = (int)Math.Min(alphabet.Count + 1, MaxDfaCells / NodeCount);
        if (k < 2) return;
        var cls = new ushort[char.MaxValue + 1];
        ushort next = 1;
        foreach (var c in alphabet) cls[c] = next < k ? next++ : Escape;
        var dfa = new ushort[NodeCount * k];
        // Breadth first: a node's failure target is shallower, so its row is complete when the node is reached.
        var queue = new Queue<int>();
        queue.Enqueue(0);
        while (queue.Count > 0)
        {
            int node = queue.Dequeue();
            int row = node * k, failRow = _fail[node] * k;
            if (node != 0) Array.Copy(dfa, failRow, dfa, row, k);
            for (int e = _edgeStart[node]; e < _edgeStart[node + 1]; e++)
            {
                if (cls[_edgeChar[e]] != Escape) dfa[row + cls[_edgeChar[e]]] = (ushort)_edgeTarget[e];
                queue.Enqueue(_edgeTarget[e]);
            }
            dfa[row] = 0;
        }
        _dfaTables = new DfaTables(cls, dfa, k);
    }

    /// <summary>Root moves below this char are a dense table (alphabetic scripts, read at the root most of the time);
    /// CJK and other high characters are looked up among the root's sorted edges, keeping the table at 8 KB.</summary>
    private const int RootDense = 0x800;

    private int RootNext(char c)
    {
        if (c < RootDense) return _rootNext[c];
        int lo = _edgeStart[0], hi = _edgeStart[1];
        int k = Array.BinarySearch(_edgeChar, lo, hi - lo, c);
        return k >= 0 ? _edgeTarget[k] : 0;
    }

    /// <summary>The goto function: the child of <paramref name="state"/> on <paramref name="c"/>, or -1.</summary>
    private int Move(int state, char c)
    {
        if (state == 0) return RootNext(c) is var r and > 0 ? r : -1;
        int lo = _edgeStart[state], hi = _edgeStart[state + 1];
        var chars = _edgeChar;
        if (hi - lo <= 8)
        {
            for (int i = lo; i < hi; i++) if (chars[i] == c) return _edgeTarget[i];
            return -1;
        }
        int k = Array.BinarySearch(chars, lo, hi - lo, c);
        return k >= 0 ? _edgeTarget[k] : -1;
    }

    /// <summary>All hits in <paramref name="text"/> (raw text; folded internally).</summary>
    public List<PhraseHit> FindAll(ReadOnlySpan<char> text)
    {
        var sink = new ListSink(this, []);
        ScanRaw(text, ref sink);
        return sink.Hits;
    }

    public List<PhraseHit> FindAllFolded(string folded)
    {
        var sink = new ListSink(this, []);
        Scan(folded, ref sink);
        return sink.Hits;
    }

    public bool IsMatch(ReadOnlySpan<char> text)
    {
        var sink = new FirstSink();
        ScanRaw(text, ref sink);
        return sink.Found;
    }

    public bool IsMatchFolded(string folded)
    {
        var sink = new FirstSink();
        Scan(folded, ref sink);
        return sink.Found;
    }

    /// <summary>Folds into a scratch buffer and scans: the folded copy is never needed after the scan (hits carry
    /// positions, which folding keeps), so a string per call would only feed the garbage collector.</summary>
    private void ScanRaw<TSink>(ReadOnlySpan<char> text, ref TSink sink) where TSink : struct, IHitSink
    {
        const int OnStack = 512;
        char[]? rented = null;
        Span<char> folded = text.Length <= OnStack
            ? stackalloc char[text.Length]
            : (rented = System.Buffers.ArrayPool<char>.Shared.Rent(text.Length)).AsSpan(0, text.Length);
        TextFold.Fold(text, folded);
        Scan(folded, ref sink);
        if (rented != null) System.Buffers.ArrayPool<char>.Shared.Return(rented);
    }

    /// <summary>Receives the hits of <see cref="Scan{TSink}"/>: the hit's end (inclusive) and the index of its
    /// phrase in <see cref="Phrases"/>; returns false to stop the scan.</summary>
    public interface IHitSink
    {
        bool Hit(int end, int phrase);
    }

    private struct ListSink(PhraseMatcher matcher, List<PhraseHit> hits) : IHitSink
    {
        public readonly List<PhraseHit> Hits = hits;

        public readonly bool Hit(int end, int phrase)
        {
            var (p, lang) = matcher._phrases[phrase];
            Hits.Add(new PhraseHit(end - p.Length + 1, p.Length, p, lang, matcher._categories[phrase]));
            return true;
        }
    }

    private struct FirstSink : IHitSink
    {
        public bool Found;

        public bool Hit(int end, int phrase)
        {
            Found = true;
            return false;
        }
    }

    /// <summary>Reports every hit in folded text to <paramref name="sink"/>, in order of their end, longer phrases
    /// first at one end. A struct sink is specialised by the JIT: callers that only count or score hits
    /// (language detection) allocate nothing.</summary>
    public void Scan<TSink>(ReadOnlySpan<char> s, ref TSink sink) where TSink : struct, IHitSink
    {
        if (!_built) Build();
        int state = 0;
        var rootNext = _rootNext;
        var outputs = _outputs;
        var endsInWord = _endsInWord;
        var startsInWord = _startsInWord;
        var phraseLength = _phraseLength;
        var tables = _dfaTables;
        // The counter is shared by every worker: it is only written until the DFA was tried (built, or over the cap),
        // not on every scan for ever, so parallel jobs do not bounce its cache line (and this object's) between cores.
        if (tables == null && Volatile.Read(ref _dfaState) == 0 &&
            Interlocked.Add(ref _scannedChars, s.Length) > DfaAfterChars && Interlocked.Exchange(ref _dfaState, 1) == 0)
        {
            BuildDfa();
            tables = _dfaTables;
        }
        var dfa = tables?.Dfa;
        var cls = tables?.CharClass;
        int k = tables?.Classes ?? 0;
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            int cl = dfa != null ? cls![c] : Escape;
            if (cl != Escape)
            {
                state = dfa![state * k + cl];
            }
            else if (state == 0)
            {
                state = c < RootDense ? rootNext[c] : RootNext(c);
            }
            else
            {
                int next;
                while ((next = Move(state, c)) < 0 && state != 0) state = _fail[state];
                state = next < 0 ? 0 : next;
            }
            if (outputs[state] is not { } outs) continue;
            // A phrase that starts/ends with a letter must start/end at a word boundary; a neighbour in a script
            // without spaces is a boundary too: "当サイトではcookieを使用".
            if (endsInWord[state] && i + 1 < s.Length && IsWordChar(s[i + 1])) continue;
            foreach (var pi in outs)
            {
                int start = i - phraseLength[pi] + 1;
                if (startsInWord[pi] && start > 0 && IsWordChar(s[start - 1])) continue;
                if (!sink.Hit(i, pi)) return;
            }
        }
    }

    private static readonly bool[] WordChars = BuildWordChars();

    private static bool[] BuildWordChars()
    {
        var table = new bool[char.MaxValue + 1];
        for (int c = 0; c <= char.MaxValue; c++) table[c] = char.IsLetterOrDigit((char)c) && !IsUnspacedScript((char)c);
        return table;
    }

    /// <summary>A letter or digit of a script written with spaces between words.</summary>
    private static bool IsWordChar(char c) => WordChars[c];

    /// <summary>CJK, kana, hangul, Thai: scripts where words are not separated by spaces.</summary>
    public static bool IsUnspacedScript(char c) =>
        c >= 0x3040 && c <= 0x30FF || c >= 0x3400 && c <= 0x9FFF || c >= 0xAC00 && c <= 0xD7AF ||
        c >= 0x0E00 && c <= 0x0E7F || c >= 0xF900 && c <= 0xFAFF;
}

public static class TextFold
{
    /// <summary>Lower-cases and unifies apostrophes, dashes, full-width CJK punctuation and letters written two ways
    /// (Romanian ș/ş, Arabic alef forms), keeping the length (positions map 1:1).</summary>
    public static string Fold(string text) => string.Create(text.Length, text, static (span, t) => Fold(t, span));

    /// <summary><see cref="Fold(string)"/> into a buffer of the same length.</summary>
    public static void Fold(ReadOnlySpan<char> text, Span<char> folded)
    {
        var map = Map;
        for (int i = 0; i < text.Length; i++) folded[i] = map[text[i]];
    }

    /// <summary>The folded form of one character.</summary>
    public static char Fold(char c) => Map[c];

    /// <summary>char.ToLowerInvariant of every character of <paramref name="text"/>, by table.</summary>
    public static void ToLowerInvariant(ReadOnlySpan<char> text, Span<char> lower)
    {
        var map = LowerMap;
        for (int i = 0; i < text.Length; i++) lower[i] = map[text[i]];
    }

    // Every char's lower-case and folded forms, computed once: char.ToLowerInvariant calls into ICU for each
    // non-ASCII character, which made folding a fifth of the text-dump time.
    private static readonly char[] LowerMap = BuildLowerMap();
    private static readonly char[] Map = LowerMap.Select(Unify).ToArray();

    private static char[] BuildLowerMap()
    {
        var chars = new char[char.MaxValue + 1];
        for (int c = 0; c <= char.MaxValue; c++) chars[c] = (char)c;
        var map = new char[char.MaxValue + 1];
        // Lower-cased in two calls rather than 65,536 (start-up of a CLI cleaning one page); surrogates, which are
        // not characters on their own, keep their value as char.ToLowerInvariant leaves them.
        chars.AsSpan(0, 0xD800).ToLowerInvariant(map);
        chars.AsSpan(0xE000).ToLowerInvariant(map.AsSpan(0xE000));
        chars.AsSpan(0xD800, 0xE000 - 0xD800).CopyTo(map.AsSpan(0xD800));
        return map;
    }

    private static char Unify(char c)
    {
        return c switch
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
}
