using System.Text;
using System.Text.RegularExpressions;
using Cleaner.Core.Knowledge;
using Cleaner.Core.Model;
using Cleaner.Core.Segmentation;

namespace Cleaner.Core.Quality;

/// <summary>One rule that a document broke: the rule's name (stable, for CI filters) and a sentence saying why.</summary>
public sealed record QualityIssue(string Rule, string Message);

/// <summary>The measurements behind the rules, reported for every document.</summary>
public sealed class QualityMetrics
{
    public bool ArticleFound { get; init; }
    public int Chars { get; init; }
    public int Paragraphs { get; init; }
    public double BoilerplateShare { get; init; }
    /// <summary>Share of the page text removed, per boilerplate kind.</summary>
    public Dictionary<string, double> BoilerplateByKind { get; init; } = new();
    public bool HasTitle { get; init; }
    public bool HasAuthors { get; init; }
    public bool HasDate { get; init; }
    public string? Language { get; init; }
    public int Residue { get; init; }
    public int ReplacementChars { get; init; }
    public int MojibakeSequences { get; init; }
    public double DuplicateShare { get; init; }
}

public sealed class QualityAssessment
{
    public required string Id { get; init; }
    public string? Source { get; init; }
    public required QualityMetrics Metrics { get; init; }
    public List<QualityIssue> Failures { get; } = new();
    public List<QualityIssue> Warnings { get; } = new();
    public bool Passed => Failures.Count == 0;
}

/// <summary>Assesses a cleaned document against <see cref="QualityThresholds"/>: article found and long enough,
/// boilerplate share, title/authors/date, language, residue phrases left in the body, mojibake, duplicated
/// paragraphs, and consent or paywall pages where the article is missing.</summary>
public sealed class QualityAssessor(QualityThresholds thresholds, PhraseBook? phrases = null)
{
    public QualityThresholds Thresholds { get; } = thresholds;
    private readonly PhraseBook _phrases = phrases ?? PhraseBook.Default;

    /// <summary>Phrase categories whose presence in a short body paragraph means boilerplate survived cleaning.</summary>
    public static readonly string[] ResidueCategories =
        ["cookie-consent", "donation-appeal", "subscription", "newsletter", "share", "navigation", "legal-notice"];

    /// <summary>Kinds that, when they make up the page and no article is left, mean a consent or paywall page.</summary>
    private static readonly BlockKind[] WallKinds = [BlockKind.CookieConsent, BlockKind.Subscription];

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(1);

    // UTF-8 bytes read as Latin-1/cp1252: a lead byte (Ã Â Å Ä Ð Ñ â ...) rendered, then a continuation byte rendered
    // as a C1 control, a cp1252 punctuation mark or a Latin-1 symbol. Second alternative: a curly quote or dash read as
    // Latin-1 whose C1 controls were dropped on the way ("they\u00e2 re"): in real text "â" is always followed by a letter.
    private static readonly Regex Mojibake = new(
        "(?:[\u00c2-\u00c5\u00c6\u00c7\u00c9\u00d0\u00d1]|\u00e2\u20ac|\u00e2\u0080)[\u0080-\u00bf\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u02c6\u02dc\u0192]" +
        @"|\u00e2(?:[\s\p{P}]|$)",
        RegexOptions.CultureInvariant | RegexOptions.NonBacktracking, Timeout);

    public QualityAssessment Assess(CleanResult result)
    {
        var a = result.Article;
        var t = Thresholds;
        int chars = a.Paragraphs.Sum(p => p.Length);
        var (share, byKind, wallChars) = BoilerplateShares(result.Blocks);
        var body = a.Text;
        int replacement = body.Count(c => c == '\uFFFD');
        int mojibake = Mojibake.Count(body);
        var (residue, residueExample) = Residue(a.Paragraphs);
        var dupShare = DuplicateShare(a.Paragraphs, out var dupExample);

        var m = new QualityMetrics
        {
            ArticleFound = a.Found, Chars = chars, Paragraphs = a.Paragraphs.Count, BoilerplateShare = share, BoilerplateByKind = byKind,
            HasTitle = !string.IsNullOrWhiteSpace(a.Title), HasAuthors = a.Authors.Count > 0, HasDate = !string.IsNullOrWhiteSpace(a.Date),
            Language = a.Language, Residue = residue, ReplacementChars = replacement, MojibakeSequences = mojibake, DuplicateShare = dupShare,
        };
        var r = new QualityAssessment { Id = result.Id, Source = result.Source, Metrics = m };

        // A wall explains a missing article better than "too short", so it is reported first and alone.
        // Only when consent/paywall text dominates the page: a small cookie notice beside a lost article is not a wall.
        long pageChars = result.Blocks.Sum(b => (long)b.Text.Length);
        bool walled = chars < t.MinChars && wallChars >= 150 && wallChars >= chars && wallChars * 4 >= pageChars;
        if (walled)
        {
            var kinds = string.Join(" and ", byKind.Where(kv => kv.Key is "cookie-consent" or "subscription" && kv.Value > 0).Select(kv => kv.Key));
            r.Failures.Add(new("wall", $"{(kinds.Contains("cookie") ? "consent" : "paywall")} page: {wallChars} characters of {kinds} text and " +
                                       (a.Found ? $"only {chars} characters of article" : "no article")));
        }
        else if (!a.Found)
            r.Failures.Add(new("article", "no article found"));
        else
        {
            if (chars < t.MinChars) r.Failures.Add(new("min-chars", $"article has {chars} characters, fewer than {t.MinChars}"));
            if (a.Paragraphs.Count < t.MinParagraphs) r.Failures.Add(new("min-paragraphs", $"article has {a.Paragraphs.Count} paragraphs, fewer than {t.MinParagraphs}"));
        }
        if (share > t.MaxBoilerplateShare)
        {
            var top = byKind.OrderByDescending(kv => kv.Value).Take(3).Select(kv => $"{kv.Key} {QualityThresholds.Pct(kv.Value)}");
            r.Failures.Add(new("boilerplate", $"{QualityThresholds.Pct(share)} of the page is boilerplate (max {QualityThresholds.Pct(t.MaxBoilerplateShare)}): {string.Join(", ", top)}"));
        }
        Require(r, t.RequireTitle, m.HasTitle, "title", "no title found");
        Require(r, t.RequireAuthors, m.HasAuthors, "authors", "no authors found");
        Require(r, t.RequireDate, m.HasDate, "date", "no date found");
        if (t.ExpectLanguage.Count > 0 && a.Found && (a.Language == null || !t.ExpectLanguage.Contains(a.Language)))
            r.Failures.Add(new("language", $"language is {a.Language ?? "unknown"}, expected {string.Join(" or ", t.ExpectLanguage)}"));
        if (residue > t.MaxResidue)
            r.Failures.Add(new("residue", $"{residue} body paragraphs still read like boilerplate (max {t.MaxResidue}), e.g. \"{Shorten(residueExample)}\""));
        else if (residue > 0)
            r.Warnings.Add(new("residue", $"{residue} body paragraph(s) read like boilerplate, e.g. \"{Shorten(residueExample)}\""));
        if (replacement + mojibake > t.MaxMojibake)
            r.Failures.Add(new("mojibake", $"{replacement} replacement characters and {mojibake} mis-decoded sequences (max {t.MaxMojibake} together): wrong charset?"));
        if (dupShare > t.MaxDuplicateShare)
            r.Failures.Add(new("duplicates", $"{QualityThresholds.Pct(dupShare)} of the article repeats earlier paragraphs (max {QualityThresholds.Pct(t.MaxDuplicateShare)}), e.g. \"{Shorten(dupExample)}\""));
        return r;
    }

    private static void Require(QualityAssessment r, bool required, bool present, string rule, string message)
    {
        if (present) return;
        if (required) r.Failures.Add(new(rule, message));
        else r.Warnings.Add(new(rule, message));
    }

    private static (double Share, Dictionary<string, double> ByKind, int WallChars) BoilerplateShares(IReadOnlyList<Block> blocks)
    {
        long total = 0, article = 0;
        var byKind = new Dictionary<string, long>();
        int wall = 0;
        foreach (var b in blocks)
        {
            total += b.Text.Length;
            if (b.Kind.IsArticle()) { article += b.Text.Length; continue; }
            var name = b.Kind.IsBoilerplate() ? b.Kind.Name() : "unlabelled";
            byKind[name] = byKind.GetValueOrDefault(name) + b.Text.Length;
            if (WallKinds.Contains(b.Kind)) wall += b.Text.Length;
        }
        if (total == 0) return (0, new(), 0);
        return (1.0 - (double)article / total,
                byKind.Where(kv => kv.Value > 0).OrderByDescending(kv => kv.Value).ToDictionary(kv => kv.Key, kv => Math.Round((double)kv.Value / total, 4)),
                wall);
    }

    /// <summary>Body paragraphs that a boilerplate phrase explains: short ones with a phrase, or any with several.</summary>
    private (int Count, string? Example) Residue(IReadOnlyList<string> paragraphs)
    {
        var matchers = ResidueCategories.Select(_phrases.Matcher).Where(m => m.Count > 0).ToList();
        int n = 0;
        string? example = null;
        foreach (var p in paragraphs)
        {
            var folded = TextFold.Fold(p);
            int distinct = matchers.Sum(m => m.FindAllFolded(folded).Select(h => h.Phrase).Distinct().Count());
            if (distinct == 0) continue;
            if (TextMetrics.EffectiveLength(p) <= 120 || distinct >= 3)
            {
                n++;
                example ??= p;
            }
        }
        return (n, example);
    }

    private static double DuplicateShare(IReadOnlyList<string> paragraphs, out string? example)
    {
        example = null;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        long total = 0, dup = 0;
        foreach (var p in paragraphs)
        {
            total += p.Length;
            var key = NormaliseForDuplicates(p);
            if (key.Length < 20) continue; // short lines ("Read more", a repeated dateline) are not the signal
            if (!seen.Add(key)) { dup += p.Length; example ??= p; }
        }
        return total == 0 ? 0 : (double)dup / total;
    }

    private static string NormaliseForDuplicates(string p)
    {
        var sb = new StringBuilder(p.Length);
        foreach (var c in p) if (char.IsLetterOrDigit(c)) sb.Append(char.ToLowerInvariant(c));
        return sb.ToString();
    }

    private static string Shorten(string? s) => s == null ? "" : s.Length <= 80 ? s : s[..77] + "...";
}
