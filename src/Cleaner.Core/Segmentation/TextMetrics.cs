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
        foreach (var c in text)
        {
            if (char.IsLetter(c))
            {
                if (!inWord) { words++; if (char.IsLower(c)) lower++; }
                inWord = true;
            }
            else if (c != '\'' && c != '’' && c != '-') inWord = false;
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

    /// <summary><see cref="WordCount"/> of a line, and whether <see cref="NormalizeSpace(string)"/> would leave the
    /// line as it is: the segmenter needs both for every line of a dump, and one pass reads it once.</summary>
    internal static int MeasureLine(ReadOnlySpan<char> line, out bool normal)
    {
        var classes = Class;
        int n = 0, inWord = 0, odd = 0, space = 0;
        foreach (var c in line)
        {
            int k = classes[c];
            int word = k & WordBit, unspaced = (k >> 1) & 1, keeps = (k >> 2) & 1;
            n += word & (inWord ^ 1) | unspaced;
            inWord = word | keeps & inWord;
            int isSpace = (k >> 4) & 1;
            odd |= k & (BlankBit | InvisibleBit) | isSpace & space; // a character Collapse drops or changes, or a second space
            space = isSpace;
        }
        normal = line.IsEmpty || odd == 0 && line[0] != ' ' && line[^1] != ' ';
        return n;
    }

    // Bits of Class: a letter or digit of a spaced script (1), of an unspaced script (2), a character that
    // neither starts nor ends a word (4: apostrophes, hyphen); for MeasureLine, whitespace or a control
    // character other than the space (8), the space (16), an invisible character that Collapse drops (32).
    private const int WordBit = 1, UnspacedBit = 2, InWordBit = 4, BlankBit = 8, SpaceBit = 16, InvisibleBit = 32;

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
            classes[c] = (byte)k;
        }
        return classes;
    }

    /// <summary>Collapses whitespace runs to one space and trims; control characters (a stray NUL) count as whitespace.</summary>
    public static string NormalizeSpace(string s) => IsNormalized(s) ? s : Collapse(s); // most lines already are: no copy

    /// <summary><see cref="NormalizeSpace(string)"/> of a slice, which stays a slice when it already is normal.</summary>
    public static ReadOnlyMemory<char> NormalizeSpace(ReadOnlyMemory<char> s) => IsNormalized(s.Span) ? s : Collapse(s.Span).AsMemory();

    /// <summary><see cref="NormalizeSpace(string)"/> of a span: one string, however the span was built.</summary>
    public static string NormalizeSpace(ReadOnlySpan<char> s) => IsNormalized(s) ? new string(s) : Collapse(s);

    private static string Collapse(ReadOnlySpan<char> s)
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
