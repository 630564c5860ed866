using System.Runtime.InteropServices;
using System.Text;
using Cleaner.Core.Knowledge;
using Cleaner.Core.Model;

namespace Cleaner.Core.Segmentation;

/// <summary>Turns a text dump (one text node a line) into blocks. A dump splits a sentence wherever the page
/// had inline markup (a link, bold text), so fragments that continue a sentence are joined back. Text is
/// NFC-normalised (dumps of decomposed pages would not match phrases or gold text otherwise).</summary>
public sealed class TextDumpSegmenter(PhraseBook? phrases = null)
{
    /// <summary>What the segmenter needs from the phrase data, built once per phrase book.</summary>
    private sealed class Knowledge
    {
        public readonly PhraseMatcher BylineMarkers;

        // Function words ("the", "of", "und", "de"): a line that ends with one cannot end a block.
        private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _functionWords;

        // One bit a word's length and first, second and last letters hash to, set for every function word: the
        // last word of most lines is none, and one bit tells most of them apart without hashing it for the set.
        private readonly ulong[] _maybeFunctionWord = new ulong[(1 << 16) / 64];

        public Knowledge(PhraseBook phrases)
        {
            BylineMarkers = phrases.Matcher("byline-marker");
            var words = phrases.All("stopwords").Select(p => TextFold.Fold(p.Phrase)).Where(p => p.All(char.IsLetter))
                .ToHashSet(StringComparer.Ordinal);
            foreach (var w in words) _maybeFunctionWord[FilterBit(w) >> 6] |= 1UL << FilterBit(w);
            _functionWords = words.GetAlternateLookup<ReadOnlySpan<char>>();
        }

        public bool IsFunctionWord(ReadOnlySpan<char> lower)
        {
            int bit = FilterBit(lower);
            return (_maybeFunctionWord[bit >> 6] & 1UL << bit) != 0 && _functionWords.Contains(lower);
        }

        private static int FilterBit(ReadOnlySpan<char> word) =>
            (int)((uint)(word.Length * 0x9E3779B1 ^ word[0] * 0x85EBCA77u ^ word[^1] * 0xC2B2AE3Du ^ (word.Length > 1 ? word[1] : 0) * 0x27D4EB2Fu) >> 16);
    }

    private readonly Knowledge? _knowledge = phrases?.Shared(p => new Knowledge(p));

    /// <param name="firstLineIsTitle">The dump's first line is the page's &lt;title&gt; (scraper dumps): it stays a
    /// block of its own.</param>
    public List<Block> Segment(string text, bool firstLineIsTitle = false)
    {
        if (!TextMetrics.IsNormalizedFormC(text)) text = text.Normalize(NormalizationForm.FormC);
        // Lines are read one ahead (the joining rules look at the next line), not collected first: a list of every
        // line was a fifth of what segmenting allocated.
        var lines = new LineReader(text);
        bool hasNext = lines.Read(out var next, out int nextWords);

        // The block being built grows by appends; its word count is kept and only its tail is inspected, so a
        // long run of joined lines (a code block, one token a line) stays linear.
        var blocks = new List<Block>(EstimateBlocks(text));
        var pending = new PendingBlock();
        Span<char> tailBuffer = stackalloc char[TailLength];
        int pendingWords = 0;
        bool glueNext = false;
        for (int i = 0; hasNext; i++)
        {
            var lineText = next;
            int lineWords = nextWords;
            hasNext = lines.Read(out next, out nextWords);
            var line = lineText.Span;
            bool has = pending.Length > 0;
            // A dump's first line is the page's <title>: a line of its own, never the start of a paragraph; only a
            // <title> that wrapped in the source goes on ("… the truth about tech" / "and libertarians - Salon.com").
            if (firstLineIsTitle && i == 1 && has && blocks.Count == 0 && !(char.IsLower(line[0]) && line.Contains(' ')))
            {
                blocks.Add(new Block(0, pending.TakeText()));
                has = false;
            }
            // Syntax-highlighted code puts every token on its own line: "avg" / "(" / "n" / ")". A line of code
            // punctuation binds both neighbours, so the snippet stays one block instead of dozens of crumbs.
            bool codePunctuation = IsCodePunctuation(line);
            if (has && (glueNext || codePunctuation))
            {
                var builder = pending.Builder;
                if (!(glueNext && builder[^1] is '(' or '[' or '{' or '.')) builder.Append(' ');
                builder.Append(line);
                pendingWords += lineWords;
                glueNext = codePunctuation;
                continue;
            }
            glueNext = false;
            // "1." / "Em uma vasilha …": a numbered step whose number was its own element.
            if (has && pending.Length <= 3 && IsListNumber(pending.Tail(tailBuffer)) && !IsListNumber(line))
            {
                pending.Builder.Append(' ').Append(line);
                pendingWords += lineWords;
                continue;
            }
            if (has)
            {
                var tail = pending.Tail(tailBuffer);
                if ((Continues(tail, pendingWords, line, lineWords, hasNext ? next.Span : default) ||
                     EndsWithFunctionWord(tail, pendingWords) && !IsOwnParagraph(line, lineWords) ||
                     IsLoneFunctionWord(line) && !TextMetrics.EndsSentence(tail)) && !OpensByline(line))
                {
                    AppendJoined(pending.Builder, line);
                    pendingWords += lineWords;
                    continue;
                }
                blocks.Add(new Block(blocks.Count, pending.TakeText()));
            }
            pending.Start(lineText);
            pendingWords = lineWords;
        }
        if (pending.Length > 0) blocks.Add(new Block(blocks.Count, pending.TakeText()));
        pending.Release();
        return blocks;
    }

    /// <summary>The non-empty lines of a dump, whitespace-normalised (a slice of the text unless spaces needed
    /// collapsing), each with its word count.</summary>
    private struct LineReader(string text)
    {
        private int _start;

        public bool Read(out ReadOnlyMemory<char> line, out int words)
        {
            while (_start <= text.Length)
            {
                int length = TextMetrics.MeasureLine(text.AsSpan(_start), out words, out bool normal);
                line = text.AsMemory(_start, length);
                _start += length + 1;
                if (!normal)
                {
                    line = TextMetrics.Collapse(line.Span).AsMemory(); // what NormalizeSpace does to a line that is not normal
                    words = TextMetrics.WordCount(line.Span);
                }
                if (line.Length > 0) return true;
            }
            line = default;
            words = 0;
            return false;
        }
    }

    /// <summary>Room for a block a line (lines join more often than not, so this is an upper bound): the list
    /// then never grows by copying.</summary>
    private static int EstimateBlocks(string text) => Math.Min(text.AsSpan().Count('\n') + 1, 1 << 16);

    /// <summary>The block being built. Most blocks are one line: that line stays a slice of the text and is
    /// copied once, into the block's string, instead of into a builder and from there into the string. A line
    /// that joins it moves it into the builder (the thread's, reused across pages).</summary>
    private struct PendingBlock
    {
        [ThreadStatic] private static StringBuilder? t_builder;
        private ReadOnlyMemory<char> _line;
        private StringBuilder? _builder;
        private bool _joined;

        public readonly int Length => _joined ? _builder!.Length : _line.Length;

        /// <summary>Starts a new block with <paramref name="line"/>; the previous one was taken.</summary>
        public void Start(ReadOnlyMemory<char> line)
        {
            _line = line;
            _joined = false;
        }

        /// <summary>The builder holding the block, for appending to it.</summary>
        public StringBuilder Builder
        {
            get
            {
                if (_joined) return _builder!;
                if (_builder == null)
                {
                    _builder = t_builder ?? new StringBuilder();
                    t_builder = null;
                }
                _builder.Clear().Append(_line.Span);
                _joined = true;
                return _builder;
            }
        }

        /// <summary>The last <see cref="TailLength"/> characters (all of a shorter block).</summary>
        public readonly ReadOnlySpan<char> Tail(Span<char> buffer)
        {
            if (!_joined) return _line.Span[Math.Max(0, _line.Length - TailLength)..];
            int length = Math.Min(_builder!.Length, TailLength);
            _builder.CopyTo(_builder.Length - length, buffer, length);
            return buffer[..length];
        }

        /// <summary>The block's text; the block is empty afterwards.</summary>
        public string TakeText()
        {
            string text;
            if (_joined) text = _builder!.ToString();
            // A line that is a whole string already (a collapsed line, a one-line dump) is not copied again.
            else if (MemoryMarshal.TryGetString(_line, out var whole, out int start, out int length) && start == 0 && length == whole.Length) text = whole;
            else text = new string(_line.Span);
            _line = default;
            _joined = false;
            return text;
        }

        /// <summary>Keeps the builder for the thread's next page, unless a huge block grew it.</summary>
        public readonly void Release()
        {
            if (_builder != null && _builder.Capacity <= 1 << 16) t_builder = _builder;
        }
    }

    /// <summary>How much of the block being built the joining rules look at.</summary>
    private const int TailLength = 64;

    private static bool IsListNumber(ReadOnlySpan<char> line) =>
        line.Length is >= 2 and <= 3 && char.IsDigit(line[0]) && line[^1] is '.' or ')' && (line.Length == 2 || char.IsDigit(line[1]));

    private static bool IsCodePunctuation(ReadOnlySpan<char> line)
    {
        if (line.Length > 4) return false;
        foreach (var c in line)
            if (c is not ('(' or ')' or '[' or ']' or '{' or '}' or ',' or ';' or '=' or '+' or '*' or '<' or '>' or '.' or ':' or '"' or '\'' or '!' or '&'))
                return false;
        // ">", "." and ":" alone are menu or breadcrumb separators more often than code.
        return !(line.Length == 1 && line[0] is '>' or '.' or ':' or '!' or '&' or '"' or '\'');
    }

    /// <summary>"… according to the" / "Fetch API": the sentence goes on. Not for two-word items such as "Über uns".</summary>
    /// <param name="line">The text, or its tail.</param>
    /// <param name="wordCount">Words of the whole text.</param>
    private bool EndsWithFunctionWord(ReadOnlySpan<char> line, int wordCount)
    {
        if (_knowledge is null || line.Length > 2000) return false;
        int end = line.Length;
        if (!TextMetrics.IsLetter(line[end - 1])) return false;
        int start = end;
        while (start > 0 && TextMetrics.IsLetter(line[start - 1])) start--;
        int len = end - start;
        if (len > 12 || start > 0 && line[start - 1] != ' ') return false;
        if (start > 0 && wordCount < 3) return false;
        if (len < 3 && char.IsUpper(line[start])) return false; // "Plan A", "World War I", "Vitamin E"
        Span<char> lower = stackalloc char[len];
        TextFold.ToLowerInvariant(line.Slice(start, len), lower);
        return _knowledge.IsFunctionWord(lower);
    }

    /// <summary>A capitalised full sentence of some length stands alone even after "… talking about".</summary>
    private static bool IsOwnParagraph(ReadOnlySpan<char> line, int words) =>
        char.IsUpper(line[0]) && TextMetrics.EndsSentence(line) && words > 8;

    /// <summary>"bei" alone on a line ("… auf der A6" / "bei" / "Studen"): a linked phrase split after its preposition.</summary>
    private bool IsLoneFunctionWord(ReadOnlySpan<char> line) =>
        line.Length <= 12 && char.IsLower(line[0]) && line.IndexOf(' ') < 0 && EndsWithFunctionWord(line, wordCount: 1);

    /// <summary>"von" / "by Jane Doe" after a headline is a byline, not the headline's last words.</summary>
    private bool OpensByline(ReadOnlySpan<char> line)
    {
        if (_knowledge is null || line.Length > 60) return false;
        Span<char> folded = stackalloc char[line.Length];
        TextFold.Fold(line, folded);
        var markers = new MarkersAtStart(_knowledge.BylineMarkers);
        _knowledge.BylineMarkers.Scan(folded, ref markers);
        for (ulong lengths = markers.Lengths; lengths != 0; lengths &= lengths - 1)
        {
            int length = System.Numerics.BitOperations.TrailingZeroCount(lengths);
            if (length >= line.TrimEnd(": ").Length) return true; // "Autor:", "By" alone
            if (char.IsLower(line[0]) && char.IsUpper(line[Math.Min(line.Length - 1, length + 1)])) return true;
        }
        return false;
    }

    /// <summary>The lengths of the phrases found at the start of a line (at most 60 characters long), one bit each:
    /// no list of hits per line.</summary>
    private struct MarkersAtStart(PhraseMatcher matcher) : PhraseMatcher.IHitSink
    {
        public ulong Lengths;

        public bool Hit(int end, int phrase)
        {
            int length = matcher.Phrases[phrase].Phrase.Length;
            if (end - length + 1 == 0) Lengths |= 1UL << length;
            return true;
        }
    }

    private static void AppendJoined(StringBuilder a, ReadOnlySpan<char> b)
    {
        // No space before closing punctuation or after an opening bracket/quote; "-Situation" joins a word.
        // ".shenv" after a word is a new token (a file name), "." alone or ". Next" closes the sentence.
        char f = b[0];
        bool glue = f is ',' or ';' or ':' or '!' or '?' or ')' or ']' or '»' or '”' or '%' or '…'
            || f == '.' && !(b.Length > 1 && char.IsLetter(b[1]))
            || f == '-' && !(b.Length > 1 && b[1] == ' ')
            || f is '"' or '“' && b.Length <= 2;
        if (!glue && a[^1] is not ('(' or '[' or '«' or '“' or '„' or '/')) a.Append(' ');
        a.Append(b);
    }

    /// <summary>True when <paramref name="next"/> continues the sentence of <paramref name="prev"/>;
    /// <paramref name="after"/> is the line after <paramref name="next"/> (null at the end).</summary>
    internal static bool Continues(string prev, string next, string? after = null) =>
        Continues(prev, TextMetrics.WordCount(prev), next, TextMetrics.WordCount(next), after);

    /// <param name="prev">The previous block, or its tail.</param>
    /// <param name="prevWords">Words of the whole previous block.</param>
    /// <param name="nextWords">Words of <paramref name="next"/>.</param>
    /// <param name="after">Empty at the end (lines are never empty).</param>
    internal static bool Continues(ReadOnlySpan<char> prev, int prevWords, ReadOnlySpan<char> next, int nextWords, ReadOnlySpan<char> after)
    {
        if (TextMetrics.EndsSentence(prev)) return false;
        char first = next[0];
        if (next.StartsWith("http", StringComparison.Ordinal) || next.StartsWith("www.", StringComparison.Ordinal)) return false;
        char last = prev[^1];
        // Punctuation that cannot start a block: the fragment was split off the previous text node.
        if (first is ',' or '.' or ';' or ':' or '!' or '?' or ')' or ']' or '%' || first is '»' or '”' && next.Length < 3)
            return prev.Length >= 2 && !(first == '.' && next.Length > 1 && next[1] == '.');
        // An opening bracket or quote at the end: the bracketed text follows.
        if (last is '(' or '[' or '„' or '«' && prevWords >= 2) return true;
        // A lower-case continuation after a fragment that looks like running text (not a menu of short items);
        // but one lower-case word before a capitalised line is a label ("durch" / "Jane Doe").
        if (char.IsLower(first) && prevWords >= 3 && last != ':')
            return !(!after.IsEmpty && char.IsUpper(after[0]) && nextWords <= 1 && !TextMetrics.EndsSentence(next));
        // A clause that ends with a comma goes on: "El presidente de Chile," / "Gabriel Boric, viajará …".
        if (last == ',' && prevWords >= 3 && char.IsLetterOrDigit(first) &&
            (nextWords >= 4 && TextMetrics.IsProse(next) ||
             nextWords <= 5 && !after.IsEmpty && (after[0] is ',' or '.' || char.IsLower(after[0]))))
            return true;
        bool prevRunning = prevWords >= 6 && (char.IsLetterOrDigit(last) || last is ',' or '"' or '“' or '”' or '\'' or '’' or '(');
        if (!prevRunning) return false;
        // A linked word inside a sentence: "… according to" / "Reuters" / "on Tuesday."
        if (nextWords <= 4 && TextMetrics.EndsSentence(next) && (char.IsLower(last) || last == ','))
            return true;
        // A short linked phrase whose sentence goes on in lower case: "… und das" / "„Tutorial“ im Wiki" / "für alle …".
        // After punctuation ("[Jane Doe], Staff Writer") only inside long running text, not after a headline.
        if (nextWords <= 5 && !after.IsEmpty && (char.IsLower(after[0]) || prevWords >= 10 && after[0] is ',' or '.' or ';' or ')') &&
            (char.IsLower(last) || last == ','))
            return true;
        return false;
    }
}
