using System.Globalization;
using System.Text;

namespace Cleaner.Core.Evaluation;

/// <summary>The few Python string semantics the corpus scorers rely on (str.isspace, \w, lower, casefold),
/// reproduced so that the C# port gives the same numbers as score.py / score_credits.py.</summary>
public static class PyText
{
    /// <summary>Python's str.isspace: Unicode whitespace plus the information separators U+001C–U+001F.</summary>
    public static bool IsSpace(char c) => char.IsWhiteSpace(c) || (c >= '\u001c' && c <= '\u001f');

    /// <summary>A regex character class for Python's \s (for patterns ported from the scorers).</summary>
    public const string SpaceClass = @"[\s\u001c-\u001f]";

    /// <summary>re.sub(r'\s+', ' ', s).strip()</summary>
    public static string CollapseSpace(string? s)
    {
        if (string.IsNullOrEmpty(s)) return "";
        var sb = new StringBuilder(s.Length);
        bool pendingSpace = false;
        foreach (var c in s)
        {
            if (IsSpace(c)) { pendingSpace = sb.Length > 0; continue; }
            if (pendingSpace) { sb.Append(' '); pendingSpace = false; }
            sb.Append(c);
        }
        return sb.ToString();
    }

    /// <summary>str.strip() with no argument.</summary>
    public static string Strip(string s)
    {
        int a = 0, b = s.Length;
        while (a < b && IsSpace(s[a])) a++;
        while (b > a && IsSpace(s[b - 1])) b--;
        return s[a..b];
    }

    /// <summary>str.strip(chars)</summary>
    public static string Strip(string s, string chars)
    {
        int a = 0, b = s.Length;
        while (a < b && chars.Contains(s[a])) a++;
        while (b > a && chars.Contains(s[b - 1])) b--;
        return s[a..b];
    }

    /// <summary>Python's \w for str patterns: alphanumeric code points (letters of every kind and all numeric
    /// categories) and '_'. Unlike .NET's \w it excludes combining marks and includes Nl/No.</summary>
    public static bool IsWordRune(Rune r)
    {
        if (r.Value == '_') return true;
        switch (Rune.GetUnicodeCategory(r))
        {
            case UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
                or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter
                or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber:
                return true;
            default:
                return false;
        }
    }

    /// <summary>re.findall(r'\w+', text)</summary>
    public static List<string> WordTokens(string? text)
    {
        var tokens = new List<string>();
        if (string.IsNullOrEmpty(text)) return tokens;
        int start = -1, i = 0;
        while (i < text.Length)
        {
            if (!Rune.TryGetRuneAt(text, i, out var r)) r = Rune.ReplacementChar; // lone surrogate: not a word char
            int len = char.IsSurrogatePair(text, i) ? 2 : 1;
            if (IsWordRune(r)) { if (start < 0) start = i; }
            else if (start >= 0) { tokens.Add(text[start..i]); start = -1; }
            i += len;
        }
        if (start >= 0) tokens.Add(text[start..]);
        return tokens;
    }

    /// <summary>str.lower() (full mapping for the one letter where it differs from the simple one).</summary>
    public static string Lower(string s) =>
        s.Contains('\u0130') ? s.Replace("\u0130", "i\u0307").ToLowerInvariant() : s.ToLowerInvariant();

    /// <summary>str.casefold(): lower() plus the full case foldings that differ from it (ß → ss, final sigma,
    /// ligatures, Greek symbol variants).</summary>
    public static string CaseFold(string s)
    {
        var lower = Lower(s);
        StringBuilder? sb = null;
        for (int i = 0; i < lower.Length; i++)
        {
            var fold = Fold(lower[i]);
            if (fold == null) { sb?.Append(lower[i]); continue; }
            sb ??= new StringBuilder(lower.Length + 8).Append(lower, 0, i);
            sb.Append(fold);
        }
        return sb?.ToString() ?? lower;
    }

    private static string? Fold(char c) => c switch
    {
        'ß' or 'ẞ' => "ss",
        'ς' => "σ",
        'ſ' => "s",
        'µ' => "μ",
        'ϐ' => "β", 'ϑ' => "θ", 'ϕ' => "φ", 'ϖ' => "π", 'ϰ' => "κ", 'ϱ' => "ρ", 'ϵ' => "ε", 'ͅ' => "ι", 'ι' => "ι",
        'ẛ' => "ṡ", 'ŉ' => "ʼn",
        'ﬀ' => "ff", 'ﬁ' => "fi", 'ﬂ' => "fl", 'ﬃ' => "ffi", 'ﬄ' => "ffl", 'ﬅ' => "st", 'ﬆ' => "st",
        _ => null,
    };
}
