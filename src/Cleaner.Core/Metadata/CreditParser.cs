using Cleaner.Core.Knowledge;
using Cleaner.Core.Segmentation;

namespace Cleaner.Core.Metadata;

/// <summary>Splits a photo caption from its credit: "… /Photo d'archives/REUTERS/Dado Ruvic",
/// "… (AP Photo/Evan Vucci)", "… Foto: dpa", "… © Getty Images", "Credit: STR/AFP".
/// Hand-written scanning rather than one big regex: linear and easy to follow.</summary>
public sealed class CreditParser(PhraseBook phrases)
{
    private readonly PhraseMatcher _labels = phrases.Matcher("credit-marker");
    private readonly PhraseMatcher _filePhoto = phrases.Matcher("file-photo-marker");

    /// <summary>The labels that end in a separator other than the colon ("Fot.", "图/", "写真="): without a colon
    /// near its end, a text can only have one of these (see <see cref="TryLabelled"/>), and prose has many periods.</summary>
    private readonly PhraseMatcher _labelsWithoutColon = LabelsEndingIn(phrases, ['/', '=', '.']);

    private static PhraseMatcher LabelsEndingIn(PhraseBook phrases, char[] ends)
    {
        var matcher = new PhraseMatcher();
        foreach (var (p, lang) in phrases.All("credit-marker"))
        {
            var folded = TextFold.Fold(p.Trim());
            if (folded.Length > 0 && ends.Contains(folded[^1])) matcher.Add(p, lang);
        }
        return matcher.Build();
    }

    /// <summary>':' and the punctuation credit labels end with in the data ("Fot.", "图/", "사진="), with their
    /// full-width forms, which fold to them: the ASCII ones searched together (vectorised), the others apart (a
    /// set mixing both is searched much more slowly, and every caption candidate is searched).</summary>
    private readonly System.Buffers.SearchValues<char> _asciiSeparators = System.Buffers.SearchValues.Create(Separators(phrases).Where(char.IsAscii).ToArray());
    private readonly char[] _otherSeparators = Separators(phrases).Where(c => !char.IsAscii(c)).ToArray();

    private static IEnumerable<char> Separators(PhraseBook phrases) =>
        phrases.All("credit-marker").Select(p => p.Phrase.Trim()).Where(p => p.Length > 0 && !char.IsLetterOrDigit(p[^1]))
            .Select(p => p[^1]).Append(':').Concat("：／＝").Distinct();

    private bool HasSeparator(ReadOnlySpan<char> text) =>
        text.IndexOfAny(_asciiSeparators) >= 0 || text.IndexOfAny(_otherSeparators) >= 0;

    private readonly HashSet<string> _photoAgencies =
        phrases.All("photo-agency").Select(p => TextFold.Fold(p.Phrase)).ToHashSet(StringComparer.Ordinal);

    public readonly record struct Split(string Caption, string Credit);

    /// <summary>Finds a credit at the end of <paramref name="text"/>. Caption may come back empty (credit-only line).
    /// <paramref name="folded"/> is the text's <see cref="TextFold.Fold(string)"/> when the caller has it (a block's
    /// PageContext.Folded), which saves folding it again.</summary>
    public bool TrySplit(string text, out Split split, string? folded = null)
    {
        split = default;
        int lead = 0;
        while (lead < text.Length && char.IsWhiteSpace(text[lead])) lead++;
        text = text.Trim();
        if (text.Length < 2 || text.Length > 1500) return false;
        // Folding keeps positions, and never turns a character into whitespace or back: the trimmed text's fold is a slice.
        var foldedText = folded != null ? folded.AsSpan(lead, text.Length) : default;
        return TryParenthesised(text, out split) || TryLabelled(text, foldedText, out split) || TrySlashTail(text, out split) || TryCopyright(text, out split);
    }

    /// <summary>True when the whole text is a credit label with nothing after it ("Credit:", "Foto:").</summary>
    public bool IsBareLabel(string text)
    {
        var t = text.Trim();
        if (t.Length > 20) return false; // before folding: folding keeps the length
        // "Credit:", "Foto:", "Fot." label what follows; a bare word ("foto" in a tag list) labels nothing.
        if (t.Length == 0 || t[^1] is not (':' or '：' or '.' or '/' or '=')) return false;
        var f = TextFold.Fold(t);
        var hits = _labels.FindAllFolded(f);
        return hits.Count > 0 && hits.Max(h => h.Length) >= f.TrimEnd(':', ' ').Length;
    }

    private bool TryParenthesised(string text, out Split split)
    {
        split = default;
        if (text[^1] != ')') return false;
        int open = text.LastIndexOf('(');
        if (open < 0) return false;
        var inner = text[(open + 1)..^1].Trim();
        if (inner.Length is < 2 or > 100) return false;
        var folded = TextFold.Fold(inner);
        bool looksCredit = folded.Contains(" photo/") || folded.Contains("photo:") || folded.Contains("foto:") ||
                           !_labels.FindAllAtStart(inner).IsEmpty || IsAgencySlash(inner);
        if (!looksCredit) return false;
        split = new(text[..open].Trim(), CleanCredit(inner));
        return split.Credit.Length > 0;
    }

    private bool TryLabelled(string text, ReadOnlySpan<char> folded, out Split split)
    {
        split = default;
        // Every labelled credit has a separator (a colon, or the label's own "/", "=", "."): skip the fold and scan without one.
        int from = LabelScanStart(text);
        if (!HasSeparator(text.AsSpan(from))) return false; // a label that counts ends in, or is followed by, one
        // A label counts when it ends in ':', '/', '=' or '.', or a ':' follows it: without a colon (or its full-width
        // form, which folds to one) only the labels ending in another separator can, and they are a few.
        var tail = text.AsSpan(from);
        var labels = tail.ContainsAny(':', '\uFF1A') ? _labels : _labelsWithoutColon;
        var hits = folded.IsEmpty ? labels.Matches(tail) : labels.MatchesFolded(folded[from..]);
        if (hits.IsEmpty) return false;
        // The label must sit in the last part of the text and be followed by a short credit.
        foreach (var slicedHit in hits.ToArray().OrderByDescending(h => h.Start))
        {
            // A hit at the slice's first character was not checked for a word boundary before it; it ends too
            // early to be followed by a short credit anyway (see LabelScanStart).
            if (from > 0 && slicedHit.Start == 0) continue;
            var hit = slicedHit with { Start = slicedHit.Start + from };
            int after = hit.Start + hit.Length;
            var rest = text[after..].TrimStart(':', ' ', '\u00A0');
            if (rest.Length is < 2 or > MaxLabelledCredit) continue;
            // The label ends in ':' in the data, or is followed by one here ("Photo: X", "Foto : X").
            // ... or ends in another separator as printed: "Fot. X", "图/X", "写真=X".
            bool colon = hit.Phrase[^1] is ':' or '/' or '=' or '.' || text[after..].TrimStart().StartsWith(':');
            bool atStart = hit.Start == 0 || !char.IsLetterOrDigit(text[hit.Start - 1]);
            if (!colon || !atStart) continue;
            if (TextMetrics.WordCount(rest) > 8) continue;
            split = new(text[..hit.Start].Trim().TrimEnd('|', '–', '-', '/').Trim(), CleanCredit(rest));
            return split.Credit.Length > 0;
        }
        return false;
    }

    /// <summary>Most captions are long and the credit label is near their end: followed by at most
    /// <see cref="MaxLabelledCredit"/> characters once the separators and spaces after it are trimmed. A label that
    /// ends before <c>q</c>, the start of the last 80 characters and the separators and spaces just before them, is
    /// followed by more, so the scan starts a label's length before <c>q</c>, and one more character, which gives
    /// every label that can count its word-boundary check.</summary>
    private int LabelScanStart(string text)
    {
        int q = Math.Max(0, text.Length - MaxLabelledCredit);
        while (q > 0 && text[q - 1] is ':' or ' ' or '\u00A0') q--;
        return Math.Max(0, q - _longestLabel - 1);
    }

    private const int MaxLabelledCredit = 80;
    private readonly int _longestLabel = phrases.All("credit-marker").Select(p => p.Phrase.Length).DefaultIfEmpty().Max();

    private bool TrySlashTail(string text, out Split split)
    {
        split = default;
        // The credit is in the last 100 characters, and has a slash: most blocks have none there.
        if (!text.AsSpan(Math.Max(0, text.Length - 100)).Contains('/')) return false;
        // The credit follows the caption's last sentence: "... monde. /Photo d'archives/REUTERS/Dado Ruvic"
        int cut = -1;
        for (int i = text.Length - 2; i >= 0 && text.Length - i <= 100; i--)
        {
            if (text[i] is '.' or '!' or '?' or '"' or '”' or '»' or ')' && (text[i + 1] == ' ' || text[i + 1] == '/'))
            {
                cut = i + 1;
                break;
            }
        }
        var tail = (cut < 0 ? text.AsSpan() : text.AsSpan(cut)).Trim();
        if (tail.Length > 100 || !tail.Contains('/')) return false;
        // "[MP2 / MP3]": square brackets hold references or annotations, not a picture's credit.
        if (tail[0] == '[' && tail[^1] == ']') return false;
        var credit = CleanCredit(tail.ToString());
        if (!IsAgencySlash(credit)) return false;
        split = new(cut < 0 ? "" : text[..cut].Trim(), credit);
        return true;
    }

    private static bool TryCopyright(string text, out Split split)
    {
        split = default;
        int i = text.LastIndexOf('©');
        if (i < 0 || text.Length - i > 80) return false;
        var credit = text[(i + 1)..].Trim().Trim('(', ')', ' ');
        if (credit.Length < 2 || TextMetrics.WordCount(credit) > 8) return false;
        // "© 2023 Hyperlocal News …": a year first makes it the site's copyright line, not a picture's credit.
        var lead = credit.TrimStart('&', ';', ' ');
        if (lead.StartsWith("copy", StringComparison.OrdinalIgnoreCase)) lead = lead.TrimStart("copysrCOPYSR;".ToCharArray()).TrimStart(); // a broken "&copy;" entity
        if (lead.Length >= 4 && char.IsDigit(lead[0]) && char.IsDigit(lead[1]) && char.IsDigit(lead[2]) && char.IsDigit(lead[3])) return false;
        split = new(text[..i].Trim().TrimEnd('|', '–', '-', '(').Trim(), credit);
        return true;
    }

    /// <summary>"REUTERS/Dado Ruvic", "STR/AFP", "AP Photo/Evan Vucci", "Ali Jadallah/Anadolu via Getty Images".</summary>
    private bool IsAgencySlash(string s)
    {
        if (s.Length > 90) return false;
        var parts = s.Split('/', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 2) return false;
        foreach (var p in parts)
        {
            var f = TextFold.Fold(p);
            if (_photoAgencies.Contains(f) || f.EndsWith(" photo") && _photoAgencies.Contains(f[..^6])) return true;
            if (f.Contains("getty images") || f.Contains(" via ")) return true;
            // An all-capitals word of 2+ letters stands for an agency or photographer tag (REUTERS, STR, EPA).
            // Digits make it a code or a version ("MP2", "M1"), not a name.
            if (p.Length >= 2 && p.Length <= 30 && p.Any(char.IsLetter) && !p.Any(char.IsDigit) && p.Where(char.IsLetter).All(char.IsUpper)) return true;
        }
        return false;
    }

    /// <summary>Drops labels, wrappers and file-photo markers, keeping the credit verbatim otherwise.</summary>
    public string CleanCredit(string credit)
    {
        var c = credit.Trim().Trim(Brackets).Trim();
        // Leading label ("Photo:", "Foto :", "Credit:", "©"): only the start needs scanning, and one more character
        // shows whether a label ends there at a word boundary.
        foreach (var hit in _labels.FindAllAtStart(c))
        {
            var rest = c[hit.Length..].TrimStart();
            if (rest.StartsWith(':')) rest = rest[1..];
            else if (!hit.Phrase.EndsWith(':') && !hit.Phrase.EndsWith(" by")) continue;
            c = rest.Trim();
            break;
        }
        c = c.TrimStart('©').Trim();
        // File-photo markers glued to the credit: "/Photo d'archives/", "/Archivbild", "File Photo/".
        var segments = c.Split('/');
        if (segments.Length > 1)
        {
            var kept = segments.Where(s => s.Trim().Length > 0 && !IsFilePhotoMarker(s)).ToArray();
            c = string.Join("/", kept).Trim();
        }
        return c.Trim().Trim(SlashAndSpace);
    }

    private static readonly char[] Brackets = ['(', ')', '[', ']'];
    private static readonly char[] SlashAndSpace = ['/', ' '];

    private bool IsFilePhotoMarker(string segment)
    {
        var f = segment.AsSpan().Trim(); // folding keeps the length, and FindAll folds
        foreach (var hit in _filePhoto.Matches(f))
            if (hit.Length >= f.Length - 1) return true;
        return false;
    }
}
