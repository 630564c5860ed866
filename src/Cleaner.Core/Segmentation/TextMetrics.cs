using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Cleaner.Core.Segmentation;

/// <summary>Length and shape measures that work for every script.</summary>
public static class TextMetrics
{
    /// <summary>Letters and digits, with characters of scripts written without spaces (CJK, kana, hangul, Thai)
    /// counted as 3: one such character carries about as much as a short word, so thresholds written for
    /// alphabetic text hold for them too.</summary>
    public static int EffectiveLength(ReadOnlySpan<char> text)
    {
        var weight = Weight;
        int n = 0;
        foreach (var c in text) n += weight[c];
        return n;
    }

    // Every char's weight in EffectiveLength (0: not a letter or digit, 3: a script without spaces), looked up
    // once: these counts run over every block several times, and the Unicode category lookup and script range
    // tests per character were a measurable share of the text-dump time.
    internal static readonly byte[] Weight = BuildWeights();

    /// <summary>A letter or digit of a script written with spaces between words (where phrases need word boundaries).</summary>
    public static bool IsSpacedWordChar(char c) => Weight[c] == 1;

    private static byte[] BuildWeights()
    {
        var weight = new byte[char.MaxValue + 1];
        for (int c = 0; c <= char.MaxValue; c++)
            weight[c] = (byte)(!char.IsLetterOrDigit((char)c) ? 0 : Knowledge.PhraseMatcher.IsUnspacedScript((char)c) ? 3 : 1);
        return weight;
    }

    /// <summary><see cref="EffectiveLength"/> without the tokens that are not prose: URLs, e-mail addresses,
    /// file paths (a line that is only a link target says nothing about the article).</summary>
    public static int ProseLength(ReadOnlySpan<char> text)
    {
        // One pass: a token's weight is summed as it is read and dropped at its end if the token is a link target.
        var weight = Weight;
        int n = 0, tokenStart = 0, tokenWeight = 0;
        for (int i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && text[i] != ' ') { tokenWeight += weight[text[i]]; continue; }
            var token = text.Slice(tokenStart, i - tokenStart);
            tokenStart = i + 1;
            if (!(token.Length > 12 && (token.Contains("://", StringComparison.Ordinal) || token.StartsWith("www.") ||
                                        token.IndexOf('@') > 0 || token.Count('/') >= 3)))
                n += tokenWeight;
            tokenWeight = 0;
        }
        return n;
    }

    /// <summary>Five or more words, at least two of them lower-case ("Villagers will harvest crops and plant new
    /// ones"): running language. Menu entries and teaser headlines are short or capitalised throughout.</summary>
    public static bool IsProse(ReadOnlySpan<char> text)
    {
        int words = 0, lower = 0;
        bool inWord = false;
        var classes = Class; // letters and lower case by table: char.IsLetter/IsLower look non-ASCII up by category
        foreach (var c in text)
        {
            int k = classes[c];
            if ((k & LetterBit) != 0)
            {
                if (!inWord) { words++; if ((k & LowerBit) != 0) lower++; }
                inWord = true;
            }
            else if ((k & InWordBit) == 0) inWord = false;
        }
        return words >= 5 && lower >= 2 && lower * 10 >= words * 3;
    }

    public static bool EndsSentence(ReadOnlySpan<char> text)
    {
        var t = text.TrimEnd();
        while (t.Length > 0 && t[^1] is '"' or '\'' or '”' or '»' or '“' or ')' or '’' or '」' or '』' or '*') t = t[..^1];
        return t.Length > 0 && t[^1] is '.' or '!' or '?' or '…' or '。' or '！' or '？' or ':' or ';' or '؟' or '।';
    }

    /// <summary>Words: runs of letters and digits (an apostrophe or hyphen inside one does not end it), each
    /// character of a script written without spaces counting as a word.</summary>
    public static int WordCount(ReadOnlySpan<char> text)
    {
        // Branch-free over the character classes: word boundaries are unpredictable, and the branchy loop's
        // mispredictions made this the largest single cost of segmenting a dump (profiling: a fifth of it).
        var classes = Class;
        int n = 0, inWord = 0;
        foreach (var c in text)
        {
            int k = classes[c];
            int word = k & WordBit, unspaced = (k >> 1) & 1, keeps = (k >> 2) & 1; // keeps: the state carries over
            n += word & (inWord ^ 1) | unspaced;
            inWord = word | keeps & inWord;
        }
        return n;
    }

    /// <summary>Measures the line at the start of <paramref name="text"/>, up to its first '\n' (or its end), in one
    /// pass: returns the line's length, with its <see cref="WordCount"/> and whether
    /// <see cref="NormalizeSpace(string)"/> would leave it as it is. The segmenter needs all three for every line of
    /// a dump; ASCII runs are read 16 characters at a time.</summary>
    internal static int MeasureLine(ReadOnlySpan<char> text, out int words, out bool normal)
    {
        var classes = Class;
        int n = 0, inWord = 0, odd = 0, space = 0, i = 0;
        if (Vector128.IsHardwareAccelerated)
        {
            // Each 16 characters become bit masks (word character, apostrophe or hyphen, space, control), and the
            // scalar rules below run on the masks: a word starts where a word character follows none. 16 that are
            // not all ASCII (a curly quote in English text) are read one by one.
            while (i + 16 <= text.Length)
            {
                if (!Ascii16.TryLoad(text, i, out var v))
                {
                    for (int end = i + 16; i < end; i++)
                    {
                        char c = text[i];
                        if (c == '\n') goto Done;
                        Step(classes[c], ref n, ref inWord, ref odd, ref space);
                    }
                    continue;
                }
                int count = 16;
                uint valid = 0xFFFF;
                uint newline = Ascii16.Equal(v, (byte)'\n');
                if (newline != 0)
                {
                    count = BitOperations.TrailingZeroCount(newline);
                    if (count == 0) goto Done;
                    valid = (1u << count) - 1;
                }
                uint word = Ascii16.WordChars(v) & valid;
                uint keeps = (Ascii16.Equal(v, (byte)'\'') | Ascii16.Equal(v, (byte)'-')) & valid;
                uint spaces = Ascii16.Equal(v, (byte)' ') & valid;
                uint blank = (Vector128.LessThan(v, Vector128.Create((byte)' ')) | Vector128.Equals(v, Vector128.Create((byte)0x7F))).ExtractMostSignificantBits() & valid;
                odd |= (int)(blank | spaces & (spaces << 1 | (uint)space));
                space = (int)(spaces >> (count - 1)) & 1;
                if (keeps == 0)
                {
                    n += BitOperations.PopCount(word & ~(word << 1 | (uint)inWord));
                    inWord = (int)(word >> (count - 1)) & 1;
                }
                else
                {
                    for (int j = 0; j < count; j++)
                    {
                        int w = (int)(word >> j) & 1, k = (int)(keeps >> j) & 1;
                        n += w & (inWord ^ 1);
                        inWord = w | k & inWord;
                    }
                }
                i += count;
                if (count < 16) goto Done;
            }
        }
        for (; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '\n') break;
            Step(classes[c], ref n, ref inWord, ref odd, ref space);
        }
        Done:
        words = n;
        normal = i == 0 || odd == 0 && text[0] != ' ' && text[i - 1] != ' ';
        return i;
    }

    /// <summary>One character of <see cref="MeasureLine"/>, of class <paramref name="k"/>: branch-free, like
    /// <see cref="WordCount"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Step(int k, ref int words, ref int inWord, ref int odd, ref int space)
    {
        int word = k & WordBit, unspaced = (k >> 1) & 1, keeps = (k >> 2) & 1; // keeps: the state carries over
        words += word & (inWord ^ 1) | unspaced;
        inWord = word | keeps & inWord;
        int isSpace = (k >> 4) & 1;
        odd |= k & (BlankBit | InvisibleBit) | isSpace & space; // a character Collapse drops or changes, or a second space
        space = isSpace;
    }

    // Bits of Class: a letter or digit of a spaced script (1), of an unspaced script (2), a character that
    // neither starts nor ends a word (4: apostrophes, hyphen); for MeasureLine, whitespace or a control
    // character other than the space (8), the space (16), an invisible character that Collapse drops (32); for
    // IsProse, char.IsLetter (64) and char.IsLower (128).
    private const int WordBit = 1, UnspacedBit = 2, InWordBit = 4, BlankBit = 8, SpaceBit = 16, InvisibleBit = 32,
        LetterBit = 64, LowerBit = 128;

    /// <summary>char.IsLetter by table (non-ASCII characters are otherwise looked up by Unicode category).</summary>
    internal static bool IsLetter(char c) => (Class[c] & LetterBit) != 0;

    /// <summary>Every char's class for <see cref="WordCount"/>, looked up once like <see cref="Weight"/>.</summary>
    private static readonly byte[] Class = BuildClasses();

    private static byte[] BuildClasses()
    {
        var classes = new byte[char.MaxValue + 1];
        for (int i = 0; i <= char.MaxValue; i++)
        {
            char c = (char)i;
            int k = Weight[c] switch { 1 => WordBit, 3 => UnspacedBit, _ => c is '\'' or '’' or '-' ? InWordBit : 0 };
            if (c == ' ') k |= SpaceBit;
            else if (char.IsWhiteSpace(c) || char.IsControl(c)) k |= BlankBit;
            else if (c is '\u00AD' or '\u200B' or '\uFEFF') k |= InvisibleBit;
            if (char.IsLetter(c)) k |= LetterBit;
            if (char.IsLower(c)) k |= LowerBit;
            classes[c] = (byte)k;
        }
        return classes;
    }

    /// <summary>Whether <paramref name="text"/> is in Unicode normal form C, as <see cref="string.IsNormalized(System.Text.NormalizationForm)"/>
    /// tells, asking ICU only about text with characters outside Latin and the common punctuation.</summary>
    internal static bool IsNormalizedFormC(string text)
    {
        // Characters below U+0300 (Latin, up to the combining marks) and U+2010-U+2027 (dashes, quotes, bullet,
        // ellipsis) are starters that compose with nothing before them and have no canonical decomposition: text of
        // only these is normalised. That is most pages; ICU's check of the rest was a twentieth of segmenting a dump.
        var span = text.AsSpan();
        int i = 0;
        if (Vector128.IsHardwareAccelerated)
        {
            ref ushort chars = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(span));
            for (; i + 8 <= span.Length; i += 8)
            {
                var v = Vector128.LoadUnsafe(ref chars, (nuint)i);
                var stable = Vector128.LessThan(v, Vector128.Create((ushort)0x300)) |
                             Vector128.LessThan(v - Vector128.Create((ushort)0x2010), Vector128.Create((ushort)0x18));
                if (stable != Vector128<ushort>.AllBitsSet) return text.IsNormalized(System.Text.NormalizationForm.FormC);
            }
        }
        for (; i < span.Length; i++)
            if (!IsNormalizationStable(span[i])) return text.IsNormalized(System.Text.NormalizationForm.FormC);
        return true;
    }

    /// <summary>The characters <see cref="IsNormalizedFormC"/> passes without asking ICU.</summary>
    internal static bool IsNormalizationStable(char c) => c < 0x300 || (uint)(c - 0x2010) < 0x18;

    /// <summary>Collapses whitespace runs to one space and trims; control characters (a stray NUL) count as whitespace.</summary>
    public static string NormalizeSpace(string s) => IsNormalized(s) ? s : Collapse(s); // most lines already are: no copy

    /// <summary><see cref="NormalizeSpace(string)"/> of a slice, which stays a slice when it already is normal.</summary>
    public static ReadOnlyMemory<char> NormalizeSpace(ReadOnlyMemory<char> s) => IsNormalized(s.Span) ? s : Collapse(s.Span).AsMemory();

    /// <summary><see cref="NormalizeSpace(string)"/> of a span: one string, however the span was built.</summary>
    public static string NormalizeSpace(ReadOnlySpan<char> s) => IsNormalized(s) ? new string(s) : Collapse(s);

    internal static string Collapse(ReadOnlySpan<char> s)
    {
        char[]? rented = null;
        Span<char> buffer = s.Length <= 256 ? stackalloc char[256] : (rented = System.Buffers.ArrayPool<char>.Shared.Rent(s.Length));
        int n = 0;
        bool space = false;
        var classes = Class;
        foreach (var c in s)
        {
            int k = classes[c];
            if ((k & (SpaceBit | BlankBit)) != 0) // whitespace or a control character
            {
                space = n > 0;
                continue;
            }
            if ((k & InvisibleBit) != 0) continue; // soft hyphen, zero-width space, stray BOM
            if (space) { buffer[n++] = ' '; space = false; }
            buffer[n++] = c;
        }
        var result = new string(buffer[..n]);
        if (rented != null) System.Buffers.ArrayPool<char>.Shared.Return(rented);
        return result;
    }

    private static bool IsNormalized(ReadOnlySpan<char> s)
    {
        if (s.Length == 0) return true;
        if (s[0] == ' ' || char.IsWhiteSpace(s[^1]) || char.IsControl(s[^1])) return false;
        // Printable ASCII needs only the double-space check, vectorised; the loop reads from the first other char.
        int first = s.IndexOfAnyExceptInRange(' ', '~');
        if (first < 0) first = s.Length;
        if (s[..first].Contains("  ", StringComparison.Ordinal)) return false;
        for (int i = first; i < s.Length; i++)
        {
            char c = s[i];
            if (c == ' ') { if (s[i + 1] == ' ') return false; continue; } // not last: checked above
            if (c < 0x7F ? c < ' ' : char.IsWhiteSpace(c) || char.IsControl(c) || c is '\u00AD' or '\u200B' or '\uFEFF') return false;
        }
        return true;
    }
}
