using Cleaner.Core.Knowledge;
using Cleaner.Core.Model;
using Cleaner.Core.Segmentation;

namespace Cleaner.Core.Metadata;

/// <summary>Reads names and roles out of a byline: "By X and Y", "Von X", "Par X et Y",
/// "(Reporting by X; Editing by Y)", "(X à Washington et Y à San Francisco; Z pour le service français)".</summary>
public sealed class BylineParser(PhraseBook phrases)
{
    private readonly PhraseMatcher _markers = phrases.Matcher("byline-marker");
    private readonly int _longestMarker = phrases.Matcher("byline-marker").Phrases.Select(p => p.Phrase.Length).DefaultIfEmpty(0).Max();

    /// <summary>A trailing marker starts with a character of a script without spaces ("기자", "記者"): without one
    /// in the last <paramref name="count"/> characters, no scan is needed.</summary>
    private static bool MayEndWithMarker(string text, int count)
    {
        var end = text.AsSpan(text.Length - count);
        // Those scripts start at U+0E00 (Thai), and no character below it folds into them: most lines have none there.
        if (end.IndexOfAnyInRange('\u0E00', '\uFFFF') < 0) return false;
        foreach (var c in end)
            if (PhraseMatcher.IsUnspacedScript(TextFold.Fold(c))) return true;
        return false;
    }
    private readonly PhraseMatcher _joiners = phrases.Matcher("byline-joiner");
    /// <summary>The role categories, in the order <see cref="FindRole"/> prefers them.</summary>
    private static readonly (string Category, ContributorRole Role)[] Roles =
    [
        ("role-additional-reporting", ContributorRole.AdditionalReporting),
        ("role-translation", ContributorRole.Translation),
        ("role-editing", ContributorRole.Editing),
        ("role-photography", ContributorRole.Photography),
        ("role-other", ContributorRole.Other),
    ];

    /// <summary>All role phrases in one matcher, hits tagged with their category: one scan of a line instead of one
    /// per role (the metadata stage asks about most short blocks of the article).</summary>
    private readonly PhraseMatcher _roles = phrases.Matcher(Roles.Select(r => r.Category).ToArray());
    private readonly HashSet<string> _agencies = phrases.All("agency").Select(a => TextFold.Fold(a.Phrase)).ToHashSet();
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _markerSet = BareMarkers(phrases).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The markers as a bare marker block reads once folded, without the space before a colon.</summary>
    private static HashSet<string> BareMarkers(PhraseBook phrases) =>
        phrases.All("byline-marker").Select(a => TextFold.Fold(a.Phrase).Replace(" :", ":")).ToHashSet(StringComparer.Ordinal);
    private readonly HashSet<string> _stopwords = phrases.All("stopwords").Select(a => TextFold.Fold(a.Phrase)).ToHashSet();
    private readonly PhraseMatcher _months = phrases.Matcher("months");
    private readonly HashSet<string> _jobTitles = phrases.All("byline-job-title").Select(a => TextFold.Fold(a.Phrase)).ToHashSet();

    public sealed record Result(List<string> Authors, List<Contributor> Contributors)
    {
        public bool IsEmpty => Authors.Count == 0 && Contributors.Count == 0;
    }

    /// <summary>Parses a byline; returns an empty result when no name can be read.</summary>
    public Result Parse(string byline)
    {
        var authors = new List<string>();
        var contributors = new List<Contributor>();
        var text = byline.Trim();
        if (text.StartsWith('(') && text.EndsWith(')')) text = text[1..^1];
        else text = TakeRoleGroups(text, contributors);
        foreach (var rawSegment in text.Split([';', '|', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var segment = rawSegment;
            var role = FindRole(segment, out var roleHit);
            // "Text & Fotos: X": a role word inside the byline marker makes X the author.
            if (roleHit is { } rh && LeadingMarker(segment, _markers.FindAllAtStart(segment)) is { } marker && rh.Start < marker.Length)
                role = null;
            if (role != null && roleHit != null)
            {
                // The role phrase may lead ("Editing by X") or trail ("X pour le service français"): drop it.
                var (start, len) = roleHit.Value;
                var before = segment[..start].Trim();
                var after = segment[(start + len)..].Trim();
                // "Text von Christian Seiler Illustration von Markus Roost": a marked byline, then a credit with its
                // role: the first names are the authors, the names after the role phrase its contributors.
                if (start > 0 && after.Length > 0 && LeadingMarker(before, _markers.FindAllAtStart(before)) != null &&
                    SplitNames(StripMarker(before)) is { Count: > 0 } leading)
                {
                    foreach (var name in leading) if (!authors.Contains(name)) authors.Add(name);
                    segment = after;
                }
                else segment = before.Length >= after.Length ? before : after;
            }
            else
            {
                segment = StripMarker(segment);
            }
            var signature = Signature(segment);
            foreach (var name in signature.Count > 0 ? signature : SplitNames(segment))
            {
                if (role is { } r) contributors.Add(new Contributor(name, r));
                else if (!authors.Contains(name)) authors.Add(name);
            }
        }
        return new Result(authors, contributors);
    }

    /// <summary>"Martin Untersinger (avec Damien Leloup et Morgane Tual)": a parenthesis that opens with a role
    /// phrase names contributors. Adds them and returns the text without the parenthesis.</summary>
    public string TakeRoleGroups(string text, List<Contributor> into)
    {
        int open = text.IndexOf('(');
        while (open >= 0)
        {
            int close = text.IndexOf(')', open + 1);
            if (close < 0) break;
            var inner = text[(open + 1)..close].Trim();
            if (FindRole(inner, out var hit) is { } role && role != ContributorRole.Other && hit is { Start: 0 } h)
            {
                var names = SplitNames(inner[h.Length..].Trim().TrimStart(':').Trim());
                if (names.Count > 0)
                {
                    foreach (var n in names)
                        if (!into.Contains(new Contributor(n, role))) into.Add(new Contributor(n, role));
                    text = (text[..open].TrimEnd() + " " + text[(close + 1)..].TrimStart()).Trim();
                    open = text.IndexOf('(', Math.Min(open, text.Length));
                    continue;
                }
            }
            open = text.IndexOf('(', close + 1);
        }
        return text;
    }

    /// <summary>A sentence that ends with its role phrase names contributors: "Heba Habib contributed to this report.",
    /// "Aerospace Writer Marcia Dunn in Cape Canaveral, Florida, and Vladimir Isachenkov in Moscow contributed to this
    /// report." Returns them, or an empty list for any other text. The role must be a phrase of several words (a
    /// sentence ending in "editor" is not a credit line).</summary>
    public List<Contributor> TrailingRoleSentence(string text)
    {
        var t = text.Trim();
        if (t.Length < 8 || t.Length > 300 || !char.IsUpper(t[0])) return [];
        if (FindRole(t, out var hit) is not { } role || role == ContributorRole.Other || hit is not { } h || h.Start == 0) return [];
        if (!t.AsSpan(h.Start, h.Length).Contains(' ')) return [];
        if (t[(h.Start + h.Length)..].Trim().TrimEnd('.', '!', ')').Trim().Length > 0) return [];
        var before = t[..h.Start];
        if (TextMetrics.WordCount(before) > 30) return [];
        var result = new List<Contributor>();
        // Every comma part is its own name here ("X in Cape Canaveral, Florida, and Y in Moscow"): a place after a
        // comma is one capitalised word, which is no name.
        foreach (var n in SplitNames(before, commaCutsTitle: false))
            if (!result.Contains(new Contributor(n, role))) result.Add(new Contributor(n, role));
        return result;
    }

    /// <summary>Drops a job title in front of a name: "Aerospace Writer Marcia Dunn", "Rechtsanwalt Sebastian
    /// Einbock", "Focus-Online-Experte Robin Tschöpe". The title's last word is in the byline-job-title data.</summary>
    public string StripJobTitle(string name) =>
        string.Join(' ', StripJobTitleWords(name.Split(' ', StringSplitOptions.RemoveEmptyEntries)));

    /// <summary>A desk signature: editor initials and agency tags joined by '/' ("ats/nxp", "det/dpa", "bsc",
    /// "Agenturen"), as Swiss, German and Austrian papers sign a story. Returns the tags, or an empty list.</summary>
    public List<string> Signature(string text)
    {
        var tags = text.Split(['/', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (tags.Length is 0 or > 4) return [];
        // One lower-case word alone is more often a word than a desk's initials ("von bis" in a date filter).
        if (tags.Length == 1 && _stopwords.Contains(TextFold.Fold(tags[0]))) return [];
        foreach (var tag in tags)
        {
            bool initials = tag.Length is >= 2 and <= 4 && tag.All(char.IsAsciiLetterLower);
            if (!initials && !_agencies.Contains(TextFold.Fold(tag))) return [];
        }
        return tags.Distinct().ToList();
    }

    /// <summary>The signature that closes an article: "… aquatiques. (ats/nxp)" at the end of the last paragraph, or
    /// "(Agenturen) | Stand: 05/08/2019" on its own line just after it. Looks at the region's last blocks.</summary>
    public List<string> EndSignature(IReadOnlyList<Block> blocks, int regionStart, int regionEnd)
    {
        if (regionStart < 0 || regionEnd < regionStart) return [];
        int from = Math.Max(regionStart, regionEnd - 2), to = Math.Min(blocks.Count - 1, regionEnd + 3);
        for (int i = to; i >= from; i--)
        {
            var t = blocks[i].Text.Trim();
            if (t.Length < 4 || blocks[i].Kind == BlockKind.Title) continue;
            string? inner = null;
            if (t.EndsWith(')') && (i <= regionEnd || t.Length < 40))
            {
                int open = t.LastIndexOf('(');
                // The parenthesis stands alone or follows a finished sentence: "(sic)" inside a sentence is no signature.
                var before = open > 0 ? t[..open].TrimEnd() : "";
                if (open >= 0 && (before.Length == 0 || before[^1] is '.' or '!' or '?' or '"' or '»' or '“' or '”')) inner = t[(open + 1)..^1];
            }
            else if (t[0] == '(' && t.Length < 60)
            {
                // "(Agenturen) | Stand: …": the signature, then the date after a separator.
                int close = t.IndexOf(')');
                var after = close > 0 ? t[(close + 1)..].TrimStart() : "x";
                if (after.Length == 0 || after[0] is '|' or '·' or '•') inner = t[1..close];
            }
            if (inner == null) continue;
            var tags = Signature(inner.Trim(' ', '/'));
            if (tags.Count > 0) return tags;
        }
        return [];
    }

    /// <summary>Whether the text reads as a byline (marker + names, or a wire credit line in parentheses).</summary>
    public bool LooksLikeByline(string text, out bool strong)
    {
        strong = false;
        var t = text.Trim();
        if (t.Length < 4 || t.Length > 250) return false;
        if (t.StartsWith('(') && t.EndsWith(')'))
        {
            var parsed = Parse(t);
            strong = parsed.Contributors.Count > 0;
            if (strong) return true;
            // Without a role, the parentheses must hold a marked byline or names only: "(Der Versand des
            // Newsletters …)" and "(Letztes Update: …)" are asides, not bylines.
            var inner = t[1..^1].Trim();
            return !parsed.IsEmpty && t.Length < 160 &&
                   (!_markers.FindAllAtStart(inner).IsEmpty || IsPersonName(inner) || IsPersonNameList(inner));
        }
        // A marker counts only at the start or the end: scan those ends, not the whole line (most lines are prose).
        int edge = Math.Min(t.Length, _longestMarker + 1); // one more character shows the word boundary
        var lead = LeadingMarker(t, _markers.FindAllAtStart(t));
        var trail = lead == null && MayEndWithMarker(t, edge) ? TrailingMarker(t, t.Length - edge, _markers.FindAll(t.AsSpan(t.Length - edge))) : null;
        if (lead == null && trail == null) return false;
        var rest = (lead is { } l ? t[(l.Start + l.Length)..] : t[..trail!.Value.Start]).Trim().TrimStart(':', '/').Trim();
        // "Von: det/dpa": a desk signature after a marker (not after "de"/"di", which also start sentences).
        if (lead is { } m && !IsShortMarker(t[..(m.Start + m.Length)]) && rest.Contains('/') && Signature(rest).Count > 0) return strong = true;
        if (rest.Length == 0 || !StartsName(rest[0])) return false;
        // Caseless scripts (CJK, Arabic, Hebrew) cannot show a name by its capital: keep such bylines short.
        if (!char.IsUpper(rest[0]) && TextMetrics.WordCount(rest) > 8) return false;
        if (TextMetrics.WordCount(t) > 14)
        {
            // "By Alex Heath, a deputy editor and author of …": a name, then a biography after a comma.
            int comma = rest.IndexOf(',');
            if (comma < 0 || !IsPersonName(rest[..comma])) return false;
        }
        var names = SplitNames(rest);
        strong = names.Count > 0;
        return strong;
    }

    /// <summary>"Von Thilo", "by IWB": a marker and one short name that <see cref="LooksLikeByline"/> does not take
    /// (one word is a name only right after a marker).</summary>
    public List<string> SingleNameAfterMarker(string text)
    {
        var t = text.Trim();
        if (t.Length > 40) return [];
        PhraseHit hit = default; // the longest marker at the start
        foreach (var h in _markers.FindAllAtStart(t))
            if (h.Length > hit.Length) hit = h;
        if (hit.Length == 0 || hit.Length >= t.Length || t[hit.Length] != ' ' || IsShortMarker(t[..hit.Length])) return [];
        var rest = t[hit.Length..].Trim();
        return TextMetrics.WordCount(rest) == 1 ? NamesAfterMarker(rest) : [];
    }

    private static readonly char[] BareMarkerTrim = [' ', '|', '-', '/', '·', '•', '('];
    private static readonly char[] ShortMarkerTrim = [' ', '|', ':', '-', '/'];

    /// <summary>A block that is only a byline marker ("By", "Von", "Par", "Posted by", "| von", "Autor:"): in a
    /// text dump the name that follows was a link on its own line.</summary>
    public bool IsBareMarker(string text)
    {
        if (text.Length > 30) return false;
        // "Autor:" needs its colon ("Autor" alone is a menu item); "By:" may add one. Folded on the stack, without
        // the space before a colon ("Auteur :"): every short block of a page is asked.
        Span<char> buffer = stackalloc char[30];
        var folded = buffer[..text.Length];
        TextFold.Fold(text, folded);
        if (folded.IndexOf(" :", StringComparison.Ordinal) >= 0)
        {
            int n = 0;
            for (int i = 0; i < folded.Length; i++)
                if (!(folded[i] == ' ' && i + 1 < folded.Length && folded[i + 1] == ':')) folded[n++] = folded[i];
            folded = folded[..n];
        }
        ReadOnlySpan<char> bare = ((ReadOnlySpan<char>)folded).Trim(BareMarkerTrim);
        // Most short blocks (menu entries) start with no marker's first two characters: no lookup for them.
        if (bare.Length == 0 || !_markerStarts.Contains(bare[0]) && !(bare.Length >= 2 && MayStartMarker(bare[0], bare[1])))
            return false;
        return _markerSet.Contains(bare) || bare[^1] == ':' && _markerSet.Contains(bare[..^1].TrimEnd());
    }

    /// <summary>The markers' first characters, of the markers one character long (a bare marker's lookup key is the
    /// block or the block without its colon, and starts with the block's first one or two characters).</summary>
    private readonly System.Buffers.SearchValues<char> _markerStarts =
        System.Buffers.SearchValues.Create(string.Concat(BareMarkers(phrases).Where(m => m.Length == 1)));

    /// <summary>A bit for each (hashed) pair of first characters of the longer markers.</summary>
    private readonly ulong[] _markerPairs = MarkerPairs(BareMarkers(phrases));

    private static int PairBit(char first, char second) => (first * 31 + second) & 0xFFFF;

    private static ulong[] MarkerPairs(HashSet<string> markers)
    {
        var bits = new ulong[1 << 10];
        foreach (var m in markers)
            if (m.Length >= 2) bits[PairBit(m[0], m[1]) >> 6] |= 1UL << PairBit(m[0], m[1]);
        return bits;
    }

    private bool MayStartMarker(char first, char second) =>
        (_markerPairs[PairBit(first, second) >> 6] & 1UL << PairBit(first, second)) != 0;

    /// <summary>A marker of one or two letters ("de", "di", "by") is also a language code or a day's abbreviation.</summary>
    public static bool IsShortMarker(string text) => text.Trim(ShortMarkerTrim).Length <= 2;

    /// <summary>Names on the line after a bare marker: "Daniel Kahn Gillmor, Senior Staff Technologist" gives the
    /// first name only; one capitalised word ("Paddy") counts as a name here because the marker vouches for it.</summary>
    public List<string> NamesAfterMarker(string text, bool allowSingleWord = true)
    {
        var t = text.Trim();
        if (t.Length < 2 || t.Length > 120 || !char.IsUpper(t[0])) return [];
        var names = SplitNames(t);
        if (names.Count > 0 || !allowSingleWord) return names;
        var first = t.Split([' ', ',', '|', '(', '·'], StringSplitOptions.RemoveEmptyEntries)[0].TrimEnd('.', ':');
        if (first.Length >= 3 && first.Length <= 25 && first.All(c => char.IsLetter(c) || c is '-' or '.' or '_') &&
            !_stopwords.Contains(TextFold.Fold(first)) && TextMetrics.WordCount(t) <= 3)
            return [first];
        return [];
    }

    /// <summary>A line that is only a person's name: two to four capitalised words ("Boris T. Kaiser", "JOE
    /// HILDEBRAND"), no digits, no common words. Used for unmarked bylines next to a date.</summary>
    public bool IsPersonName(string text)
    {
        var t = text.Trim();
        if (t.Length < 5 || t.Length > 40) return false;
        var words = t.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length is < 2 or > 4) return false;
        int particles = 0;
        foreach (var w in words)
        {
            if (IsParticle(w)) { particles++; continue; }
            if (!char.IsUpper(w[0])) return false;
            foreach (var c in w) if (!(char.IsLetter(c) || c is '.' or '-' or '\'' or '’')) return false;
            if (_stopwords.Contains(TextFold.Fold(w))) return false;
        }
        return particles < words.Length - 1;
    }

    /// <summary>A short line that is a date: "19.10.19, 08:00 Uhr", "April 5, 2018", "28. Februar 2016", "2022-12-06".</summary>
    public bool IsDateLine(string text)
    {
        if (text.Length > 60 || text.Length < 4) return false;
        int digits = 0, run = 0, longestRun = 0, letters = 0;
        foreach (var c in text)
        {
            if (char.IsDigit(c)) { digits++; run++; longestRun = Math.Max(longestRun, run); }
            else { run = 0; if (char.IsLetter(c)) letters++; }
        }
        if (digits == 0) return false;
        if (longestRun == 4 && letters <= 30) return true; // a year
        if (letters <= 3 && digits >= 4) return true;       // 19.10.19, 12/01/2022
        return _months.IsMatch(text) && letters <= 30;
    }

    /// <summary>The first role (in <see cref="Roles"/> order) with a phrase in the segment, and its longest phrase
    /// (the first of equal length).</summary>
    private ContributorRole? FindRole(string segment, out (int Start, int Length)? hit)
    {
        hit = null;
        var hits = _roles.FindAll(segment);
        if (hits.Count == 0) return null;
        foreach (var (category, role) in Roles)
        {
            PhraseHit? best = null;
            foreach (var h in hits)
                if (h.Category == category && (best == null || h.Length > best.Value.Length)) best = h;
            if (best is not { } b) continue;
            hit = (b.Start, b.Length);
            return role;
        }
        return null;
    }

    private string StripMarker(string segment)
    {
        var hits = _markers.FindAll(segment);
        if (LeadingMarker(segment, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(hits)) is { } lead) segment = segment[(lead.Start + lead.Length)..];
        else if (TrailingMarker(segment, hits) is { } trail) segment = segment[..trail.Start];
        return segment.Trim().TrimStart(':', '/').Trim();
    }

    /// <summary>The longest marker at the start ("By", "Von", "記者"); a marker in a script without spaces must not
    /// run on into a word ("記者会見" is a press conference, not a byline).</summary>
    private static PhraseHit? LeadingMarker(string text, ReadOnlySpan<PhraseHit> hits)
    {
        PhraseHit? best = null;
        foreach (var h in hits)
        {
            if (h.Start != 0 || best is { } b && b.Length >= h.Length) continue;
            int after = h.Start + h.Length;
            if (PhraseMatcher.IsUnspacedScript(h.Phrase[^1]) && after < text.Length && char.IsLetterOrDigit(text[after])) continue;
            best = h;
        }
        return best;
    }

    /// <summary>A marker that ends the text, for languages that put the role after the name ("홍길동 기자", "山田太郎記者").</summary>
    private static PhraseHit? TrailingMarker(string text, List<PhraseHit> hits) => TrailingMarker(text, 0, hits);

    /// <summary><see cref="TrailingMarker(string, List{PhraseHit})"/> over hits found in the text from <paramref name="offset"/> on.</summary>
    private static PhraseHit? TrailingMarker(string text, int offset, List<PhraseHit> hits)
    {
        foreach (var h in hits)
            if (h.Start + offset > 0 && h.Start + offset + h.Length == text.TrimEnd().Length && PhraseMatcher.IsUnspacedScript(h.Phrase[0]))
                return h with { Start = h.Start + offset };
        return null;
    }

    /// <summary>A name starts with a capital, or with a letter of a script that has no case.</summary>
    private static bool StartsName(char c) =>
        char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.UppercaseLetter
            or System.Globalization.UnicodeCategory.TitlecaseLetter or System.Globalization.UnicodeCategory.OtherLetter;

    /// <summary>Splits "X à Washington et Y à San Francisco" into names, dropping places and titles.</summary>
    public List<string> SplitNames(string text) => SplitNames(text, commaCutsTitle: true);

    private List<string> SplitNames(string text, bool commaCutsTitle)
    {
        var names = new List<string>();
        // "X, Senior Staff Technologist, ACLU …": a comma separates names only when every part is name-shaped,
        // else what follows the first comma is a job title or an affiliation.
        int comma = commaCutsTitle ? text.IndexOf(',') : -1;
        if (comma > 0)
        {
            var parts = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            bool allNames = true;
            foreach (var part in parts)
            {
                var p = part;
                var lead = FirstAtStart(_joiners, p);
                if (lead.Length > 0) p = p[lead.Length..].Trim();
                if (!IsPersonName(p) && !IsPersonNameList(p)) { allNames = false; break; }
            }
            if (!allNames) text = text[..comma];
        }
        // Cut at joiners (and, et, und, ",", "&") that stand as words.
        var cuts = new List<(int Start, int End)>();
        foreach (var h in _joiners.FindAll(text))
        {
            // One-letter joiners (e, y, i, a) are lower case; "John E. Smith" keeps its initial.
            if (h.Length == 1 && (char.IsUpper(text[h.Start]) || h.Start + 1 < text.Length && text[h.Start + 1] == '.')) continue;
            cuts.Add((h.Start, h.Start + h.Length));
        }
        for (int i = 0; i < text.Length; i++) if (text[i] is ',' or '/' or '·' or '،' or '、') cuts.Add((i, i + 1));
        cuts.Sort();
        int pos = 0;
        foreach (var (s, e) in cuts)
        {
            if (s < pos) continue;
            AddName(names, text[pos..s]);
            pos = e;
        }
        AddName(names, text[pos..]);
        return names;
    }

    /// <summary>"und Mariam Hofbeck" / "& Sylvia Torres-Guillén": a joiner and a name; the name, else null.</summary>
    public string? LeadingJoinerName(string text)
    {
        var t = text.Trim();
        if (t.Length > 60) return null;
        var hit = FirstAtStart(_joiners, t);
        if (hit.Length == 0) return null;
        var rest = t[hit.Length..].Trim();
        int comma = rest.IndexOf(',');
        if (comma > 0) rest = rest[..comma];
        return IsPersonName(rest) ? rest.Trim() : null;
    }

    /// <summary>The first hit at the start of the text, else default (Length 0).</summary>
    private static PhraseHit FirstAtStart(PhraseMatcher matcher, string text)
    {
        var hits = matcher.FindAllAtStart(text);
        return hits.IsEmpty ? default : hits[0];
    }

    /// <summary>"X and Y" where both are names.</summary>
    private bool IsPersonNameList(string text)
    {
        var hits = _joiners.FindAll(text);
        if (hits.Count != 1) return false;
        var h = hits[0];
        return IsPersonName(text[..h.Start]) && IsPersonName(text[(h.Start + h.Length)..]);
    }

    private void AddName(List<string> names, string part)
    {
        // CJK names are written without spaces, so a space separates two names: "张三 李四".
        if (part.Any(PhraseMatcher.IsUnspacedScript))
        {
            foreach (var token in part.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                if (token.Length >= 2 && token.All(char.IsLetter) && !names.Contains(token)) names.Add(token);
            return;
        }
        var name = LeadingName(part);
        if (name != null && !names.Contains(name)) names.Add(name);
    }

    /// <summary>The leading run of capitalised words (a person's name), allowing particles such as de, van, von;
    /// stops at a lower-case word such as a place preposition ("à", "in") or a job title.</summary>
    private string? LeadingName(string part)
    {
        var words = part.Trim().Trim('.', ':', '-', '–', '—').Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var taken = new List<string>();
        if (_jobTitles.Count > 0) words = StripJobTitleWords(words);
        foreach (var w in words)
        {
            var word = w.Trim(',', ';', ':');
            // Keep the period of an initial ("W.", "T. V. Raman"), drop a sentence's.
            if (word.EndsWith('.') && !(word.Length == 2 && char.IsLetter(word[0]))) word = word.TrimEnd('.');
            if (word.Length == 0) break;
            if (StartsName(word[0]) || taken.Count > 0 && IsParticle(word))
            {
                taken.Add(word);
                if (taken.Count >= 5) break;
                continue;
            }
            break;
        }
        while (taken.Count > 0 && IsParticle(taken[^1])) taken.RemoveAt(taken.Count - 1);
        if (taken.Count == 0) return null;
        var name = string.Join(' ', taken);
        // One capitalised word is a name only when it is an agency or desk tag (AFP, dpa are caught by case-insensitive match).
        if (taken.Count == 1 && !_agencies.Contains(TextFold.Fold(name)) && !(name.Length <= 5 && name.All(char.IsUpper)) &&
            !(name.Length >= 2 && !char.IsUpper(name[0])))
            return null;
        return name;
    }

    /// <summary>The words after a job title within the leading capitalised run ("Aerospace Writer Marcia Dunn in …").</summary>
    private string[] StripJobTitleWords(string[] words)
    {
        int run = 0;
        while (run < words.Length && words[run].Length > 0 && StartsName(words[run][0])) run++;
        for (int i = run - 2; i >= 0; i--)
        {
            var w = words[i].TrimEnd(',', ':');
            int dash = w.LastIndexOf('-');
            if (_jobTitles.Contains(TextFold.Fold(w)) || dash > 0 && _jobTitles.Contains(TextFold.Fold(w[(dash + 1)..])))
                return words[(i + 1)..];
        }
        return words;
    }

    private static bool IsParticle(string w) => w is "de" or "da" or "di" or "del" or "della" or "der" or "den" or "des" or "van" or "von" or "vom" or "le" or "la" or "du" or "do" or "dos" or "das" or "bin" or "al" or "ter" or "zu" or "y";

    /// <summary>A block that only joins names: "und", "and", ",", "&amp;".</summary>
    public bool IsBareJoiner(string text)
    {
        var t = text.Trim();
        if (t.Length == 0 || t.Length > 6) return false;
        if (t is "," or "&" or "/") return true;
        var hits = _joiners.FindAll(t);
        return hits.Count == 1 && hits[0].Length == t.Length;
    }
}
