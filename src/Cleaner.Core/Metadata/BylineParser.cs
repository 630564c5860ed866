using Cleaner.Core.Knowledge;
using Cleaner.Core.Model;
using Cleaner.Core.Segmentation;

namespace Cleaner.Core.Metadata;

/// <summary>Reads names and roles out of a byline: "By X and Y", "Von X", "Par X et Y",
/// "(Reporting by X; Editing by Y)", "(X à Washington et Y à San Francisco; Z pour le service français)".</summary>
public sealed class BylineParser(PhraseBook phrases)
{
    private readonly PhraseMatcher _markers = phrases.Matcher("byline-marker");
    private readonly PhraseMatcher _joiners = phrases.Matcher("byline-joiner");
    private readonly (PhraseMatcher Matcher, ContributorRole Role)[] _roles =
    [
        (phrases.Matcher("role-additional-reporting"), ContributorRole.AdditionalReporting),
        (phrases.Matcher("role-translation"), ContributorRole.Translation),
        (phrases.Matcher("role-editing"), ContributorRole.Editing),
        (phrases.Matcher("role-photography"), ContributorRole.Photography),
    ];
    private readonly HashSet<string> _agencies = phrases.All("agency").Select(a => TextFold.Fold(a.Phrase)).ToHashSet();

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
        foreach (var rawSegment in text.Split([';', '|', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var segment = rawSegment;
            var role = FindRole(segment, out var roleHit);
            if (role != null && roleHit != null)
            {
                // The role phrase may lead ("Editing by X") or trail ("X pour le service français"): drop it.
                var (start, len) = roleHit.Value;
                var before = segment[..start].Trim();
                var after = segment[(start + len)..].Trim();
                segment = before.Length >= after.Length ? before : after;
            }
            else
            {
                segment = StripMarker(segment);
            }
            foreach (var name in SplitNames(segment))
            {
                if (role is { } r && r != ContributorRole.Other) contributors.Add(new Contributor(name, r));
                else if (!authors.Contains(name)) authors.Add(name);
            }
        }
        return new Result(authors, contributors);
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
            return !parsed.IsEmpty && (strong || parsed.Authors.Count >= 1 && t.Length < 160);
        }
        var folded = TextFold.Fold(t);
        var hit = _markers.FindAllFolded(folded).FirstOrDefault(h => h.Start == 0);
        if (hit.Length == 0 || TextMetrics.WordCount(t) > 14) return false;
        var rest = t[hit.Length..].Trim().TrimStart(':').Trim();
        if (rest.Length == 0 || !char.IsUpper(rest[0])) return false;
        var names = SplitNames(rest);
        strong = names.Count > 0;
        return strong;
    }

    private ContributorRole? FindRole(string segment, out (int Start, int Length)? hit)
    {
        var folded = TextFold.Fold(segment);
        foreach (var (matcher, role) in _roles)
        {
            var hits = matcher.FindAllFolded(folded);
            if (hits.Count == 0) continue;
            var h = hits.OrderByDescending(x => x.Length).First();
            hit = (h.Start, h.Length);
            return role;
        }
        hit = null;
        return null;
    }

    private string StripMarker(string segment)
    {
        var folded = TextFold.Fold(segment);
        var hits = _markers.FindAllFolded(folded).Where(h => h.Start == 0).OrderByDescending(h => h.Length).ToList();
        if (hits.Count > 0) segment = segment[hits[0].Length..];
        return segment.Trim().TrimStart(':').Trim();
    }

    /// <summary>Splits "X à Washington et Y à San Francisco" into names, dropping places and titles.</summary>
    public List<string> SplitNames(string text)
    {
        var names = new List<string>();
        var folded = TextFold.Fold(text);
        // Cut at joiners (and, et, und, ",", "&") that stand as words.
        var cuts = new List<(int Start, int End)>();
        foreach (var h in _joiners.FindAllFolded(folded)) cuts.Add((h.Start, h.Start + h.Length));
        for (int i = 0; i < text.Length; i++) if (text[i] is ',' or '/' or '·') cuts.Add((i, i + 1));
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

    private void AddName(List<string> names, string part)
    {
        var name = LeadingName(part);
        if (name != null && !names.Contains(name)) names.Add(name);
    }

    /// <summary>The leading run of capitalised words (a person's name), allowing particles such as de, van, von;
    /// stops at a lower-case word such as a place preposition ("à", "in") or a job title.</summary>
    private string? LeadingName(string part)
    {
        var words = part.Trim().Trim('.', ':', '-', '–', '—').Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var taken = new List<string>();
        foreach (var w in words)
        {
            var word = w.Trim(',', ';', '.', ':');
            // Initials keep their dot ("T. V. Raman").
            if (word.Length == 1 && char.IsUpper(word[0]) && w.TrimEnd(',', ';', ':').EndsWith('.')) word += ".";
            if (word.Length == 0) break;
            if (char.IsUpper(word[0]) || taken.Count > 0 && IsParticle(word))
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
        if (taken.Count == 1 && !_agencies.Contains(TextFold.Fold(name)) && !(name.Length <= 5 && name.All(char.IsUpper)))
            return null;
        return name;
    }

    private static bool IsParticle(string w) => w is "de" or "da" or "di" or "del" or "der" or "den" or "van" or "von" or "le" or "la" or "du" or "dos" or "das" or "bin" or "al" or "ter" or "zu";
}
