using System.Runtime.Intrinsics;

namespace Cleaner.Core.Knowledge;

/// <summary>A phrase found in a text; <see cref="Category"/> is set by a matcher over several categories.</summary>
public readonly record struct PhraseHit(int Start, int Length, string Phrase, string Language, string? Category = null);

/// <summary>Finds many phrases at once with one trie, so adding languages does not slow matching.
/// Text is folded with <see cref="TextFold.Fold"/> (lower case, one apostrophe, one dash), which keeps
/// positions, and a phrase that starts/ends with a letter must start/end at a word boundary
/// (not checked for scripts written without spaces).</summary>
public sealed class PhraseMatcher
{
    // The trie while phrases are added: one edge table for all nodes (a dictionary per node cost ~25 MB for the
    // 25 languages' data), and each node's children as a linked list; dropped once flat (Build).
    private Dictionary<long, int>? _edgeKeys = new();
    private List<int>? _firstChild = [-1];
    private List<int>? _nextSibling = [-1];
    private List<char>? _charOf = ['\0'];
    private List<List<int>?>? _nodeOutputs = [null];

    private static long EdgeKey(int state, char c) => (long)state << 16 | c;

    private readonly List<(string Phrase, string Language)> _phrases = [];
    private volatile bool _built;
    private readonly object _buildLock = new();

    public int Count => _phrases.Count;

    private int _longest; // the longest phrase's length

    public IReadOnlyList<(string Phrase, string Language)> Phrases => _phrases;

    private readonly List<string?> _categories = [];

    public void Add(string phrase, string language, string? category = null)
    {
        if (_built) throw new InvalidOperationException("matcher already built");
        phrase = TextFold.Fold(phrase.Trim());
        if (phrase.Length == 0) return;
        _longest = Math.Max(_longest, phrase.Length);
        var edges = _edgeKeys!;
        var firstChild = _firstChild!;
        int state = 0;
        foreach (var c in phrase)
        {
            if (!edges.TryGetValue(EdgeKey(state, c), out var next))
            {
                next = firstChild.Count;
                edges[EdgeKey(state, c)] = next;
                firstChild.Add(-1);
                _nextSibling!.Add(firstChild[state]);
                firstChild[state] = next;
                _charOf!.Add(c);
                _nodeOutputs!.Add(null);
            }
            state = next;
        }
        (_nodeOutputs![state] ??= []).Add(_phrases.Count);
        _phrases.Add((phrase, language));
        _categories.Add(category);
    }

    public PhraseMatcher Build()
    {
        lock (_buildLock)
        {
            if (_built) return this;
            Flatten();
            _built = true;
        }
        return this;
    }

    // The trie as flat arrays, for scanning. A node is known by its handle: where its children are and its flags, so
    // a step of a walk reads one place (the edge or dense-row entry that holds the child's handle) instead of the
    // node and then its edge. Profiling: walks are bound by the latency of these reads (the trie is larger than the
    // L1 cache); one read a step instead of two made the scan 7 % faster. Nodes are laid out breadth first, so
    // the shallow nodes where walks spend most of their steps share few cache lines.
    private int[] _rootNext = [];    // the root's children's handles by char below RootDense (every walk starts there)
    private bool _spaceStartsNothing; // no phrase starts with a space (they are trimmed): the scan skips spaces
    private char[] _rootHighChars = []; // the root's other children, sorted by char
    private int[] _rootHighTargets = [];
    private long[] _edges = [];      // child handle << 16 | char, a sparse node's edges together
    private int[] _dense = [];       // rows of child handles by character class (0: none), for nodes with many children
    private ushort[] _denseClass = [];
    private Dictionary<int, int[]> _outputs = []; // by handle: the phrases that end at a node (more than one when a phrase was added twice)

    // A handle: flags, the edge count of a sparse node, and the offset of its edges in _edges or its row in _dense
    // (for a leaf, a number of its own, which keeps handles distinct). Never 0, which means "no child".
    private const int HasOutputs = 1;
    // A node's phrases end with a word character: they all end with the char that leads into it, so one look at
    // the next character clears them all.
    private const int EndsInWord = 2;
    private const int Dense = 4;
    private const int CountShift = 3;  // 3 bits: up to DenseFanOut edges
    private const int IsNode = 1 << 6;
    private const int OffsetShift = 7;
    // Nodes with more children than this (a hundred or so, near the root, where half the steps are taken) get a
    // dense row of children by character class; the classes are the characters on those nodes' edges, 0 the rest.
    private const int DenseFanOut = 4;

    private void Flatten()
    {
        var firstChild = _firstChild!;
        var nextSibling = _nextSibling!;
        var charOf = _charOf!;
        int n = firstChild.Count;
        // Breadth-first order; the root stays 0.
        var order = new int[n];
        int count = 1;
        for (int head = 0; head < count; head++)
            for (int child = firstChild[order[head]]; child >= 0; child = nextSibling[child])
                order[count++] = child;
        var children = new List<(char C, int Node)>();
        List<(char C, int Node)> ChildrenOf(int node)
        {
            children.Clear();
            for (int child = firstChild[node]; child >= 0; child = nextSibling[child]) children.Add((charOf[child], child));
            children.Sort();
            return children;
        }

        // Character classes of the dense rows, then every node's handle (offsets in breadth-first order).
        _denseClass = new ushort[char.MaxValue + 1];
        int classes = 1;
        for (int i = 1; i < n; i++)
            if (ChildrenOf(order[i]).Count > DenseFanOut)
                foreach (var (c, _) in children) if (_denseClass[c] == 0) _denseClass[c] = (ushort)classes++;
        var handle = new int[n];
        int edgeCount = 0, denseCount = 0, leaves = 0;
        for (int i = 1; i < n; i++)
        {
            int node = order[i];
            int kids = ChildrenOf(node).Count;
            int flags = IsNode | (_nodeOutputs![node] != null ? HasOutputs : 0) | (IsWordChar(charOf[node]) ? EndsInWord : 0);
            int offset;
            if (kids > DenseFanOut) { offset = denseCount; denseCount += classes; flags |= Dense; }
            else if (kids > 0) { offset = edgeCount; edgeCount += kids; flags |= kids << CountShift; }
            else offset = leaves++;
            if (offset >= 1 << (31 - OffsetShift)) throw new InvalidOperationException("phrase trie too large");
            handle[node] = offset << OffsetShift | flags;
        }
        _edges = new long[edgeCount];
        _dense = new int[denseCount];
        _outputs = [];
        for (int i = 1; i < n; i++)
        {
            int node = order[i], h = handle[node];
            if (_nodeOutputs![node] is { } outputs) _outputs[h] = outputs.ToArray();
            int offset = h >>> OffsetShift;
            if ((h & Dense) != 0)
                foreach (var (c, child) in ChildrenOf(node)) _dense[offset + _denseClass[c]] = handle[child];
            else
                foreach (var (c, child) in ChildrenOf(node)) _edges[offset++] = (long)handle[child] << 16 | c;
        }

        _rootNext = new int[RootDense];
        var high = ChildrenOf(0).Where(x => x.C >= RootDense).ToArray();
        foreach (var (c, child) in children) if (c < RootDense) _rootNext[c] = handle[child];
        _rootHighChars = high.Select(x => x.C).ToArray();
        _rootHighTargets = high.Select(x => handle[x.Node]).ToArray();
        _spaceStartsNothing = _rootNext[' '] == 0;
        // The construction tables are not needed once flat (and only crowd the cache).
        _edgeKeys = null;
        _firstChild = _nextSibling = null;
        _charOf = null;
        _nodeOutputs = null;
    }

    /// <summary>Root moves below this char are a dense table (alphabetic scripts); CJK and other high characters
    /// are looked up among the root's sorted edges, keeping the table at 8 KB.</summary>
    private const int RootDense = 0x800;

    private int RootNext(char c)
    {
        if (c < RootDense) return _rootNext[c];
        int k = Array.BinarySearch(_rootHighChars, c);
        return k >= 0 ? _rootHighTargets[k] : 0;
    }

    /// <summary>All hits in <paramref name="text"/> (raw text; folded internally).</summary>
    public List<PhraseHit> FindAll(ReadOnlySpan<char> text)
    {
        var sink = new ListSink(this, null);
        ScanRaw(text, ref sink);
        return sink.Hits ?? [];
    }

    /// <summary><see cref="FindAll"/> as a span, empty without allocating when there are no hits (most texts a
    /// parser asks about have none).</summary>
    public ReadOnlySpan<PhraseHit> Matches(ReadOnlySpan<char> text)
    {
        var sink = new ListSink(this, null);
        ScanRaw(text, ref sink);
        return sink.Hits is { } hits ? System.Runtime.InteropServices.CollectionsMarshal.AsSpan(hits) : default;
    }

    /// <summary><see cref="Matches"/> of text already folded.</summary>
    public ReadOnlySpan<PhraseHit> MatchesFolded(ReadOnlySpan<char> folded)
    {
        var sink = new ListSink(this, null);
        Scan(folded, ref sink);
        return sink.Hits is { } hits ? System.Runtime.InteropServices.CollectionsMarshal.AsSpan(hits) : default;
    }

    public List<PhraseHit> FindAllFolded(string folded)
    {
        var sink = new ListSink(this, null);
        Scan(folded, ref sink);
        return sink.Hits ?? [];
    }

    /// <summary>Adds the hits in folded text to <paramref name="hits"/> (a caller's list reused across blocks).</summary>
    public void FindAllFolded(ReadOnlySpan<char> folded, List<PhraseHit> hits)
    {
        var sink = new ListSink(this, hits);
        Scan(folded, ref sink);
    }

    /// <summary>The hits that start at the first character of <paramref name="text"/> (raw text), in the order
    /// <see cref="FindAll"/> reports them: one walk from the start instead of a fold and a walk from every word, for
    /// callers that only take a leading phrase ("By", "Photo:"), which most lines of a page lack.</summary>
    public ReadOnlySpan<PhraseHit> FindAllAtStart(ReadOnlySpan<char> text)
    {
        if (!_built) Build();
        if (text.IsEmpty) return default;
        char first = TextFold.Fold(text[0]);
        int state = first < RootDense ? _rootNext[first] : RootNext(first);
        if (state == 0) return default;
        // No phrase is longer than _longest; one more character shows the word boundary after the longest.
        int n = Math.Min(text.Length, _longest + 1);
        const int OnStack = 128;
        Span<char> folded = n <= OnStack ? stackalloc char[OnStack] : new char[n];
        folded = folded[..n];
        TextFold.Fold(text[..n], folded);
        var sink = new ListSink(this, null);
        var pending = new PendingHits();
        Walk<ListSink>(folded, 0, state, ref pending, ref sink);
        pending.Flush(int.MaxValue, ref sink);
        pending.Release();
        return sink.Hits is { } hits ? System.Runtime.InteropServices.CollectionsMarshal.AsSpan(hits) : default;
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

    private struct ListSink(PhraseMatcher matcher, List<PhraseHit>? hits) : IHitSink
    {
        /// <summary>The hits; created at the first one if not given (most scans find nothing).</summary>
        public List<PhraseHit>? Hits = hits;

        public bool Hit(int end, int phrase)
        {
            var (p, lang) = matcher._phrases[phrase];
            (Hits ??= []).Add(new PhraseHit(end - p.Length + 1, p.Length, p, lang, matcher._categories[phrase]));
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
    /// <remarks>The trie is walked from each place a phrase may start, not run as an Aho–Corasick automaton over
    /// every character: a phrase that starts with a word character starts at a word boundary, so inside a word
    /// (most of running text) nothing can start, and the walks from the rest stop after a few characters. The
    /// automaton's state table for the phrase detectors' 25 languages (4 MB) missed the cache on most characters
    /// (profiling: a fifth of the text-dump time). A walk is at most the longest phrase long, so the scan stays
    /// linear in the text. Hits wait in a small buffer until no later walk can end before them, which keeps
    /// the automaton's order (callers' reasons and language votes depend on it).</remarks>
    public void Scan<TSink>(ReadOnlySpan<char> s, ref TSink sink) where TSink : struct, IHitSink
    {
        if (!_built) Build();
        var rootNext = _rootNext;
        var pending = new PendingHits();
        var weight = Segmentation.TextMetrics.Weight; // 1: a word character (see IsWordChar)
        bool prevWord = false;
        ref ushort chars = ref System.Runtime.CompilerServices.Unsafe.As<char, ushort>(ref System.Runtime.InteropServices.MemoryMarshal.GetReference(s));
        const int Chunk = 16; // Vector256<ushort>.Count
        // A chunk at a time: a mask of the places a walk may start (a word's first character, any character outside
        // words but a space), and only those are looked at. Character by character, the test for a word's edge
        // mispredicted a branch at most of them (that loop was a third of the scan's time; the masks save a tenth).
        for (int i = 0; i < s.Length; i += Chunk)
        {
            int count = Math.Min(Chunk, s.Length - i);
            uint word = 0, space = 0;
            Vector256<ushort> v;
            if (Vector256.IsHardwareAccelerated && count == Chunk &&
                !Vector256.GreaterThanAny(v = Vector256.LoadUnsafe(ref chars, (nuint)i), Vector256.Create((ushort)0x7F)))
            {
                // ASCII letters and digits are the word characters (weight 1) below 0x80.
                var letter = Vector256.LessThanOrEqual((v | Vector256.Create((ushort)0x20)) - Vector256.Create((ushort)'a'), Vector256.Create((ushort)('z' - 'a')));
                var digit = Vector256.LessThanOrEqual(v - Vector256.Create((ushort)'0'), Vector256.Create((ushort)9));
                word = (letter | digit).ExtractMostSignificantBits();
                space = Vector256.Equals(v, Vector256.Create((ushort)' ')).ExtractMostSignificantBits();
            }
            else
            {
                // Other text (accented letters, other scripts, the end): the same masks from the table, without branches.
                for (int k = 0; k < count; k++)
                {
                    char c = s[i + k];
                    word |= (weight[c] == 1 ? 1u : 0u) << k;
                    space |= (c == ' ' ? 1u : 0u) << k;
                }
            }
            uint skipped = _spaceStartsNothing ? space : 0;
            uint starts = word & ~(word << 1 | (prevWord ? 1u : 0u)) | ~word & ~skipped & ((1u << count) - 1);
            prevWord = (word >> (count - 1) & 1) != 0;
            for (; starts != 0; starts &= starts - 1)
            {
                int at = i + System.Numerics.BitOperations.TrailingZeroCount(starts);
                char c = s[at];
                int root = c < RootDense ? rootNext[c] : RootNext(c);
                if (root != 0 && !Walk(s, at, root, ref pending, ref sink)) return;
            }
        }
        pending.Flush(int.MaxValue, ref sink);
        pending.Release();
    }

    /// <summary>Walks the trie from <paramref name="state"/>, the root's child on the character at
    /// <paramref name="start"/>; false when the sink stopped the scan. Kept out of the scan loop, which then holds
    /// its few variables in registers.</summary>
    private bool Walk<TSink>(ReadOnlySpan<char> s, int start, int state, ref PendingHits pending, ref TSink sink)
        where TSink : struct, IHitSink
    {
        // Hits of earlier walks that end before this one starts come first.
        if (!pending.Flush(start, ref sink)) return false;
        var weight = Segmentation.TextMetrics.Weight;
        var edges = _edges;
        var dense = _dense;
        var denseClass = _denseClass;
        for (int j = start; ;)
        {
            if ((state & HasOutputs) != 0 && !((state & EndsInWord) != 0 && j + 1 < s.Length && weight[s[j + 1]] == 1))
                foreach (var pi in _outputs[state]) pending.Add(j, pi);
            if (++j >= s.Length) return true;
            char c = s[j];
            int at = state >>> OffsetShift;
            if ((state & Dense) != 0)
            {
                state = dense[at + denseClass[c]];
            }
            else
            {
                int end = at + (state >> CountShift & 7);
                while (at < end && (char)edges[at] != c) at++;
                state = at < end ? (int)(edges[at] >> 16) : 0;
            }
            if (state == 0) return true;
        }
    }

    /// <summary>Hits found but not yet reported, in report order (by end; at one end, walks that started earlier,
    /// i.e. longer phrases, first), packed as end &lt;&lt; 32 | phrase. The buffer is the thread's, taken at the
    /// first hit (most blocks have none).</summary>
    private struct PendingHits
    {
        [ThreadStatic] private static long[]? t_spare;
        private long[]? _items;
        private int _head, _count;

        public void Add(int end, int phrase)
        {
            if (_items == null) { _items = t_spare ?? new long[32]; t_spare = null; }
            else if (_count == _items.Length) Grow();
            var items = _items;
            long item = (long)end << 32 | (uint)phrase;
            // After every hit that ends at or before it (hits of this walk come in order of their end).
            int k = _count;
            while (k > _head && (int)(items[k - 1] >> 32) > end) { items[k] = items[k - 1]; k--; }
            items[k] = item;
            _count++;
        }

        /// <summary>Reports the hits that end before <paramref name="start"/>; false when the sink stopped the scan.</summary>
        public bool Flush<TSink>(int start, ref TSink sink) where TSink : struct, IHitSink
        {
            while (_head < _count && (int)(_items![_head] >> 32) < start)
            {
                long item = _items[_head++];
                if (!sink.Hit((int)(item >> 32), (int)(uint)item)) return false;
            }
            if (_head == _count) _head = _count = 0;
            return true;
        }

        private void Grow()
        {
            var bigger = new long[_items!.Length * 2];
            Array.Copy(_items, _head, bigger, 0, _count - _head);
            _count -= _head;
            _head = 0;
            _items = bigger;
        }

        /// <summary>Gives the buffer back to the thread for its next scan (a scan that throws or stops early leaves
        /// it to the collector).</summary>
        public readonly void Release()
        {
            if (_items != null) t_spare = _items;
        }
    }

    /// <summary>A letter or digit of a script written with spaces between words.</summary>
    private static bool IsWordChar(char c) => Segmentation.TextMetrics.IsSpacedWordChar(c);

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
