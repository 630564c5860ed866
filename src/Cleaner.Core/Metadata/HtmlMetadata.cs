using Cleaner.Core.Classification;
using Cleaner.Core.Classification.Detectors;
using Cleaner.Core.Knowledge;
using Cleaner.Core.Model;
using Cleaner.Core.Segmentation;
using Cleaner.Core.Segmentation.Html;

namespace Cleaner.Core.Metadata;

/// <summary>Title and authors of an HTML page from its structure: og:title, JSON-LD headline, h1 and &lt;title&gt;
/// picked by agreement; authors from JSON-LD persons, rel=author, itemprop=author, byline containers, byline
/// blocks and meta author, in that order of trust.</summary>
public sealed class HtmlMetadata(PhraseBook phrases)
{
    private readonly BylineParser _bylines = new(phrases);
    private readonly PhraseMatcher _markers = phrases.Matcher("byline-marker");
    private readonly PhraseMatcher _creditLabels = phrases.Matcher("credit-marker");
    private readonly HashSet<string> _months = phrases.All("months").Select(m => TextFold.Fold(m.Phrase)).ToHashSet(StringComparer.Ordinal);

    private static bool LooksLikeDomain(string t)
    {
        int dot = t.LastIndexOf('.');
        return dot > 0 && t.Length - dot - 1 is >= 2 and <= 4 && t[(dot + 1)..].All(char.IsAsciiLetterLower);
    }

    /// <summary>The headline: an h1 that agrees with the page's title sources (minus a kicker the sources leave
    /// out), else the one h1 of the article, else og:title or the JSON-LD headline, else &lt;title&gt; minus its site name.</summary>
    public string? Title(PageHints hints, int regionStart = -1, int regionEnd = int.MaxValue)
    {
        var layout = hints.Html;
        if (layout == null) return null;
        var refs = new List<string>();
        if (hints.TitleTag != null) refs.Add(hints.TitleTag);
        refs.AddRange(hints.TitleCandidates);
        // The sources as given and without a trailing site name; a leading segment is never cut here, as
        // "Topic – Headline" is often the headline itself.
        var stripped = refs.Concat(refs.Select(r => StripTrailingSite(r, hints.SiteName))).Where(r => r.Length >= 5).Distinct().ToList();
        string? best = null;
        int bestAgree = 0, bestIndex = -1;
        for (int i = 0; i < layout.H1.Count; i++)
        {
            var h1 = layout.H1[i].Text;
            if (h1.Length > 300) continue;
            int agree = refs.Count(r => TitleDetector.Agrees(h1, r));
            if (agree > bestAgree) { bestAgree = agree; best = h1; bestIndex = i; }
        }
        if (best != null)
        {
            if (WithoutLeadKicker(best, layout.H1Leads[bestIndex]) is { } headline) return headline;
            // "Kicker Headline" in the h1 where the sources give "Headline": the kicker is not part of the title,
            // unless the page itself joins them with a colon.
            foreach (var r in stripped.OrderByDescending(r => r.Length))
            {
                if (r.Length < best.Length && r.Length * 10 >= best.Length * 5 && best.EndsWith(r, StringComparison.OrdinalIgnoreCase))
                {
                    var kicker = best[..^r.Length].TrimEnd();
                    if (!kicker.EndsWith(':')) return r;
                }
            }
            return best;
        }
        // The article's own h1 (not a logo or site name) when the sources disagree with every h1.
        var own = layout.H1.Where(h => h.BlockIndex >= regionStart - 40 && h.BlockIndex <= regionEnd && h.Text.Length is >= 8 and <= 300 &&
                                       !IsSiteName(h.Text, hints.SiteName) && !IsTitleTagSiteSegment(h.Text, hints.TitleTag)).ToList();
        if (own.Count == 1) return WithoutLeadKicker(own[0].Text, layout.H1Leads[layout.H1.IndexOf(own[0])]) ?? own[0].Text;
        foreach (var t in layout.OgTitle is { } og ? [og, .. layout.JsonLdHeadlines] : layout.JsonLdHeadlines)
        {
            var s = StripTrailingSite(t, hints.SiteName);
            if (s.Length > 0 && !IsSiteName(s, hints.SiteName)) return s;
        }
        if (hints.TitleTag != null) return StripSite(hints.TitleTag, hints.SiteName);
        return layout.H1.Count > 0 ? layout.H1[0].Text : null;
    }

    /// <summary>The h1 minus its leading child element when that element is a kicker set apart from the headline
    /// ("<span class=overline>Topic</span> Headline", a date before the headline): the headline is the rest, which
    /// must be the longer part and more than one word. Null when the h1 has no such lead.</summary>
    public static string? WithoutLeadKicker(string h1, string? lead)
    {
        if (string.IsNullOrEmpty(lead) || !h1.StartsWith(lead, StringComparison.Ordinal)) return null;
        var rest = h1[lead.Length..].TrimStart(' ', ':', '-', '–', '—', '|', '·', '/').Trim();
        if (rest.Length <= lead.TrimEnd(':', ' ').Length || rest.Length < 10 || !rest.Contains(' ')) return null;
        return rest;
    }

    /// <summary>The h1 is the site's name as the &lt;title&gt; gives it: its last segment ("… | Silicon Exposed")
    /// or its first before a colon ("Silicon Exposed: Open Verilog flow …").</summary>
    private static bool IsTitleTagSiteSegment(string h1, string? titleTag)
    {
        if (titleTag == null || h1.Length >= titleTag.Length) return false;
        if (titleTag.EndsWith(h1, StringComparison.OrdinalIgnoreCase)) return true;
        if (!titleTag.StartsWith(h1, StringComparison.OrdinalIgnoreCase)) return false;
        var rest = titleTag[h1.Length..];
        // Only a colon: "Headline - Site" also starts with the headline, but "Blog: Post" is how blog engines name a post.
        return rest.StartsWith(": ", StringComparison.Ordinal);
    }

    private static readonly string[] GluedMarkers = ["By", "Von", "Par", "Por", "Author", "Autor", "Auteur"];

    private static readonly string[] Separators = [" | ", " - ", " – ", " — ", " :: ", " · ", " » ", " // "];

    /// <summary>Drops a trailing " | Site" when the tail names the site (og:site_name) or is a domain.</summary>
    private static string StripTrailingSite(string title, string? site)
    {
        foreach (var sep in Separators)
        {
            int at = title.LastIndexOf(sep, StringComparison.Ordinal);
            if (at <= 0) continue;
            var tail = title[(at + sep.Length)..].Trim();
            bool isSite = site != null && site.Length >= 2 &&
                          (tail.Contains(site, StringComparison.OrdinalIgnoreCase) || site.Contains(tail, StringComparison.OrdinalIgnoreCase));
            bool isDomain = !tail.Contains(' ') && tail.Contains('.') && tail.Length <= 40;
            if (isSite || isDomain) return StripTrailingSite(title[..at].Trim(), site);
        }
        return title;
    }

    private static string StripSite(string title, string? site)
    {
        if (site != null && site.Length >= 3)
        {
            foreach (var sep in new[] { " | ", " - ", " – ", " — ", " :: ", " · ", " » ", ": " })
            {
                if (title.EndsWith(sep + site, StringComparison.OrdinalIgnoreCase)) return title[..^(sep.Length + site.Length)].Trim();
                if (title.StartsWith(site + sep, StringComparison.OrdinalIgnoreCase)) return title[(site.Length + sep.Length)..].Trim();
            }
        }
        // Breadcrumb-like titles ("Site » Section » Headline"): strip while a short end segment remains.
        var current = title;
        for (int i = 0; i < 3; i++)
        {
            var next = TitleDetector.StripSiteName(current);
            if (next == current || next.Length < 5) break;
            current = next;
        }
        if (current == title)
        {
            int colon = title.IndexOf(" : ", StringComparison.Ordinal);
            if (colon > 0) current = colon >= title.Length - colon - 3 ? title[..colon].Trim() : title[(colon + 3)..].Trim();
        }
        return current;
    }

    private static bool IsSiteName(string s, string? site) => site != null && string.Equals(s, site, StringComparison.OrdinalIgnoreCase);

    /// <summary>Authors from the most trusted source that yields names; byline blocks found by the text patterns
    /// (already parsed) come in after the structured sources. Contributors named in a role parenthesis of an
    /// author text ("X (avec Y et Z)") go to <paramref name="contributors"/>.</summary>
    public List<string> Authors(PageContext page, List<Contributor>? contributors = null)
    {
        contributors ??= [];
        var layout = page.Hints.Html;
        var result = new List<string>();
        if (layout == null) return result;
        int regionStart = page.RegionStart < 0 ? 0 : page.RegionStart;
        int regionEnd = page.RegionEnd < 0 ? page.Blocks.Count : page.RegionEnd;

        // The publisher named as author (meta author "Auswärtiges Amt", a JSON-LD Organization "BBC News" on a page whose
        // title ends "- BBC News") is no byline: the page has no author unless another source names one.
        // A blogger's name often ends the title ("… | Haki Benita"): a person-shaped name counts as the publisher only
        // when og:site_name says so.
        var (siteNames, titleNames) = SiteNameKeys(page.Hints);
        bool IsPublisher(string n) => siteNames.Contains(AlnumKey(n)) || titleNames.Contains(AlnumKey(n)) && !_bylines.IsPersonName(n);
        if (!(layout.JsonLdAuthorsAreOrganisations && layout.JsonLdAuthors.All(IsPublisher)))
            foreach (var n in layout.JsonLdAuthors) AddClean(result, n, structured: true, contributors);
        if (result.Count > 0) return result;

        // rel=author / itemprop=author outside comment sections, near the article; co-authors sit together.
        foreach (var source in new[] { "rel-author", "itemprop-author" })
        {
            int first = -1;
            foreach (var h in layout.AuthorHints)
            {
                // Author boxes often follow the article: look a little further below than above.
                if (h.Source != source || h.InComments || !Near(h.BlockIndex, regionStart, regionEnd + 25)) continue;
                if (first >= 0 && h.BlockIndex - first > 3) break;
                int before = result.Count;
                AddClean(result, h.Text, structured: true, contributors);
                if (result.Count > before && first < 0) first = h.BlockIndex;
                if (result.Count >= 4) break;
            }
            if (result.Count > 0) return result;
        }
        // Byline blocks found by the text patterns inside or just before the article, then the desk signature that
        // closes it ("(ats/nxp)"), then byline containers by class; an unmarked name next to a date ("JUST WATCHED"
        // above a video) is the weakest of these.
        if (BylineBlocks(page, regionStart, regionEnd, result, unmarked: false)) return result;
        if (page.RegionStart >= 0)
        {
            result.AddRange(_bylines.EndSignature(page.Blocks, page.RegionStart, page.RegionEnd));
            if (result.Count > 0) return result;
        }
        foreach (var h in layout.AuthorHints)
        {
            if (h.Source != "byline-class" || h.InComments || !Near(h.BlockIndex, regionStart, regionEnd)) continue;
            AddClean(result, h.Text, structured: false, contributors);
            if (result.Count > 0) return result;
        }
        if (BylineBlocks(page, regionStart, regionEnd, result, unmarked: true)) return result;
        // A referenced Person node counts only with a full name ("Doris Schuppe", not the account "admin").
        foreach (var n in layout.JsonLdAuthorReferences)
            if (_bylines.IsPersonName(n)) AddClean(result, n, structured: true, contributors);
        if (result.Count > 0) return result;
        foreach (var n in layout.MetaAuthors) if (!IsPublisher(n)) AddClean(result, n, structured: true, contributors);
        if (result.Count > 0) return result;
        // A rel=author link elsewhere on the page (blog sidebars).
        foreach (var h in layout.AuthorHints)
        {
            if (h.Source != "rel-author" || h.InComments) continue;
            AddClean(result, h.Text, structured: true, contributors);
            if (result.Count > 0) break;
        }
        return result;
    }

    /// <summary>Letters and digits only, lower case, accents kept: "Automobilwoche.de" and "automobilwoche" differ
    /// only by the domain, which <see cref="SiteNameKeys"/> also drops.</summary>
    private static string AlnumKey(string s) => new(s.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());

    /// <summary>The site's names: og:site_name (with and without a domain ending) and the first and last segments of a
    /// &lt;title&gt; that has separators ("Italien: Reisehinweise - Auswärtiges Amt").</summary>
    private static (HashSet<string> Site, HashSet<string> Title) SiteNameKeys(PageHints hints)
    {
        var site = new HashSet<string>(StringComparer.Ordinal);
        var inTitle = new HashSet<string>(StringComparer.Ordinal);
        if (hints.SiteName is { } name)
        {
            site.Add(AlnumKey(name));
            if (LooksLikeDomain(name.Trim().ToLowerInvariant())) site.Add(AlnumKey(name[..name.LastIndexOf('.')]));
        }
        if (hints.TitleTag is { } title)
        {
            var parts = title.Split(Separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (parts.Length >= 2) { inTitle.Add(AlnumKey(parts[0])); inTitle.Add(AlnumKey(parts[^1])); }
            // A title that is only the site's name ("kath.net").
            if (parts.Length == 1 && !title.Contains(' ')) inTitle.Add(AlnumKey(title));
        }
        site.Remove("");
        inTitle.Remove("");
        return (site, inTitle);
    }

    /// <summary>Adds the names of the first byline block near the article (marked ones, or the unmarked names next to a
    /// date); true when it found one.</summary>
    private bool BylineBlocks(PageContext page, int regionStart, int regionEnd, List<string> result, bool unmarked)
    {
        foreach (var (block, parsed) in page.Bylines)
        {
            if (!Near(block.Index, regionStart, regionEnd) || (block.Rule == NameNearDateBylineDetector.RuleName) != unmarked) continue;
            foreach (var a in CleanNames(parsed.Authors)) if (!result.Contains(a)) result.Add(a);
            if (result.Count > 0) return true;
        }
        return false;
    }

    private static bool EndsWithCapitalisedWord(string prefix)
    {
        var p = prefix.TrimEnd();
        int i = p.LastIndexOf(' ');
        var word = p[(i + 1)..];
        return word.Length > 0 && char.IsUpper(word[0]) && word.All(c => char.IsLetter(c) || c is '.' or '-');
    }

    /// <summary>Whether a block sits in an element whose class names a credit or caption.</summary>
    public static bool InCreditContainer(Block b, PhraseBook phrases)
    {
        var tokens = b.ClassTokens;
        if (string.IsNullOrEmpty(tokens)) return false;
        if (tokens.Contains("caption", StringComparison.Ordinal)) return true;
        foreach (var (p, _) in phrases.All("html-class-credit"))
            if (tokens.Contains(p, StringComparison.Ordinal)) return true;
        return false;
    }

    /// <summary>A marker glued to the name by markup: "ByAlex Bozarjian", "AuthorAndreas Kalt".</summary>
    private static string StripGluedMarker(string t)
    {
        foreach (var glued in GluedMarkers)
            if (t.Length > glued.Length + 1 && t.StartsWith(glued, StringComparison.Ordinal) && char.IsUpper(t[glued.Length]))
                return t[glued.Length..];
        return t;
    }

    /// <summary>"Richard (R.J.) Eskow": a short parenthesis between two parts of a name is a nickname and stays.</summary>
    private static bool IsNicknameInside(string name, int open)
    {
        if (name[open] != '(') return false;
        int close = name.IndexOf(')', open);
        if (close < 0 || close - open > 16 || name.IndexOf(' ', open, close - open) >= 0) return false;
        var after = name[(close + 1)..].TrimStart();
        return after.Length > 1 && after.Length < name.Length - close && char.IsUpper(after[0]) && after.IndexOfAny(['(', '[', '|']) < 0 &&
               after.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 2;
    }

    /// <summary>Cuts what trails a name in a byline: a parenthesis, digits of a date, month names.</summary>
    public string CleanName(string raw)
    {
        var name = StripGluedMarker(raw.Trim());
        int cut = name.IndexOfAny(['(', '[', '|']);
        if (cut > 0 && !IsNicknameInside(name, cut)) name = name[..cut];
        for (int i = 0; i < name.Length; i++)
            if (char.IsDigit(name[i])) { name = name[..i]; break; }
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        while (words.Count > 1 && _months.Contains(TextFold.Fold(words[^1].TrimEnd('.', ',')))) words.RemoveAt(words.Count - 1);
        // Language switchers ("FR IT EN"), arrows, e-mail addresses are no names.
        if (words.Count == 0 || words.All(w => w.Length <= 2 && w.All(char.IsUpper))) return "";
        if (name.Contains("[at]") || name.Contains('@') || name.Any(c => c is '→' or '»' or '›' or '<' or '>')) return "";
        return _bylines.StripJobTitle(string.Join(' ', words).Trim().TrimEnd(',', '-', '–', '/').Trim());
    }

    /// <summary>Final clean-up of author names from any source (byline blocks included).</summary>
    public List<string> CleanNames(IEnumerable<string> names)
    {
        var result = new List<string>();
        foreach (var n in names)
        {
            var c = CleanName(n);
            if (c.Length >= 2 && !result.Any(r => c.Contains(r, StringComparison.OrdinalIgnoreCase))) result.Add(c);
        }
        return result;
    }

    private static bool Near(int blockIndex, int regionStart, int regionEnd) =>
        blockIndex >= regionStart - 40 && blockIndex <= regionEnd + 3;

    /// <summary>Cleans one author text: drops a leading marker ("By", "Von", "©"), a trailing date or job after
    /// a comma, dash or digits; structured values keep single names ("Redaktion"), free text needs the name shape.</summary>
    private void AddClean(List<string> result, string text, bool structured, List<Contributor> contributors)
    {
        var t = _bylines.TakeRoleGroups(TextMetrics.NormalizeSpace(text).Trim(), contributors);
        // "© Getty Images" in a byline container is a picture credit.
        if (!structured && t.StartsWith('©')) return;
        t = t.TrimStart('©').Trim();
        t = StripGluedMarker(t);
        if (t.Length < 2 || t.EndsWith(':') || t.Contains('*') || t.Contains('@') && !t.Contains(' ')) return;
        if (t.StartsWith("http", StringComparison.OrdinalIgnoreCase) || t.Equals("null", StringComparison.OrdinalIgnoreCase)) return;
        if (!t.Contains(' ') && (t.Contains('/') || LooksLikeDomain(t))) return;
        // A credit line ("Foto: X") in a byline container names the photographer, not the author.
        var foldedStart = TextFold.Fold(t);
        if (_creditLabels.FindAllFolded(foldedStart).Any(h => h.Start == 0 && (h.Phrase.EndsWith(':') || t.Length > h.Length && t[h.Length] == ':'))) return;
        // Drop a leading marker word ("By", "Von:", "Por", "erstellt von") when names follow.
        var folded = TextFold.Fold(t);
        bool markerOnly = false;
        foreach (var hit in _markers.FindAllFolded(folded).OrderBy(h => h.Start))
        {
            if (hit.Start > 60) break;
            // A marker inside a name ("Verónica De Vita", "Christoph von Eichhorn") follows a capitalised word.
            if (hit.Start > 0 && EndsWithCapitalisedWord(t[..hit.Start])) continue;
            var rest = t[Math.Min(t.Length, hit.Start + hit.Length)..].TrimStart(':', ' ');
            if (rest.Length == 0 && hit.Start == 0) markerOnly = true;
            if (rest.Length > 1 && char.IsLetter(rest[0])) { t = rest; break; }
        }
        if (markerOnly) return;
        // Cut at the first digit (dates, times), a dash or a pipe: what follows is not the name.
        int cut = t.Length;
        for (int i = 0; i < t.Length; i++)
        {
            if (char.IsDigit(t[i]) || t[i] is '|' or '—' or '–' || t[i] == '-' && i > 0 && t[i - 1] == ' ') { cut = i; break; }
        }
        t = t[..cut].Trim().TrimEnd(',', ';', '-', '/', '·').Trim();
        if (t.Length < 2 || t.EndsWith(':')) return; // "Zuletzt geändert am: 15.10.2021"
        List<string> names;
        if (structured)
        {
            names = new List<string>();
            foreach (var part in t.Split([';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                // "Name, PhD" / "Name, CNN" / "Name, London, Other Name": keep the comma parts that read as names.
                var pieces = part.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                var multi = pieces.Where(p => p.Contains(' ')).ToList();
                if (pieces.Length > 1 && multi.Count > 0) names.AddRange(multi);
                else names.Add(pieces.Length > 0 ? pieces[0] : part);
            }
        }
        else
        {
            int words = TextMetrics.WordCount(t);
            if (words > 8) return;
            names = _bylines.SplitNames(t);
            if (names.Count == 0 && words is >= 1 and <= 3 && char.IsUpper(t[0])) names = [t];
        }
        foreach (var n in names)
        {
            var name = CleanName(n);
            if (name.Length == 0) continue;
            if (name.EndsWith('.') && !(name.Length >= 2 && char.IsUpper(name[^2]) && (name.Length == 2 || name[^3] is ' ' or '.'))) name = name[..^1];
            // Language switchers ("FR IT EN") and lower-case words are no names.
            if (!structured && name.Split(' ').All(w => w.Length <= 2 && w.All(char.IsUpper))) continue;
            if (!structured && !char.IsUpper(name[0])) continue;
            // A later text that repeats an earlier name ("All articles of X") adds nothing.
            if (name.Length >= 2 && name.Length <= 60 && !result.Any(r => name.Contains(r, StringComparison.OrdinalIgnoreCase))) result.Add(name);
        }
    }
}
