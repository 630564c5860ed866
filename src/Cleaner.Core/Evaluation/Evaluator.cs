using System.Diagnostics;
using System.Text.Json.Nodes;
using Cleaner.Core.Input;
using Cleaner.Core.Model;
using Cleaner.Core.Quality;

namespace Cleaner.Core.Evaluation;

public enum EvalSetKind { Extraction, Credits }

/// <summary>An evaluation set: a folder with gold.jsonl (corpus README format, or the credits set's format).</summary>
public sealed class EvalSet
{
    public required string Folder { get; init; }
    public required string Name { get; init; }
    public required List<JsonObject> Gold { get; init; }
    public EvalSetKind Kind { get; init; }

    public static EvalSet Load(string folder, bool skipSynthetic = false)
    {
        var goldPath = Path.Combine(folder, "gold.jsonl");
        if (!File.Exists(goldPath)) throw new FileNotFoundException($"no gold.jsonl in {folder}", goldPath);
        var gold = Json.ReadLines(goldPath);
        if (skipSynthetic) gold = gold.Where(g => !Json.IsTrue(g, "synthetic")).ToList();
        // The credits gold names its pages by html_path/textdump_path, relative to the corpus folder.
        var kind = gold.Count > 0 && gold.All(g => Json.Has(g, "html_path")) ? EvalSetKind.Credits : EvalSetKind.Extraction;
        var full = Path.GetFullPath(folder);
        return new EvalSet { Folder = full, Name = Path.GetFileName(full.TrimEnd(Path.DirectorySeparatorChar)), Gold = gold, Kind = kind };
    }

    /// <summary>The page file of a gold document: "path" relative to the set, or for credits "html_path" (or
    /// "textdump_path" when <paramref name="textDump"/>) relative to the set or its parent folder.</summary>
    public string? PagePath(JsonObject g, bool textDump = false)
    {
        var rel = Kind == EvalSetKind.Credits ? Json.Str(g, textDump ? "textdump_path" : "html_path") : Json.Str(g, "path");
        if (rel == null) return null;
        var inSet = Path.Combine(Folder, rel);
        if (File.Exists(inSet)) return inSet;
        var inParent = Path.Combine(Path.GetDirectoryName(Folder) ?? Folder, rel);
        return File.Exists(inParent) ? inParent : inSet;
    }
}

/// <summary>One set's evaluation: predictions (score.py's prediction format, plus the credits fields), the
/// metrics, and how long cleaning took.</summary>
public sealed class EvalRun
{
    public required EvalSet Set { get; init; }
    public required List<JsonObject> Predictions { get; init; }
    public required JsonObject Result { get; init; }
    public List<string> Errors { get; } = new();
    public double CleanSeconds { get; set; }

    public List<string> Report() => Set.Kind == EvalSetKind.Credits
        ? [Set.Name + ":", .. CreditsScorer.FormatReport(Result, "  "), .. LanguageRows()]
        : ExtractionScorer.FormatResult(Set.Name, Result);

    private IEnumerable<string> LanguageRows()
    {
        if (Result["by_language"] is not JsonObject byLang) yield break;
        foreach (var kv in byLang)
        {
            var r = (JsonObject)kv.Value!;
            string F(string k1, string k2) => (Json.Num(Json.AtPath(r, k1 + "." + k2)) is { } d ? d.ToString("F3", System.Globalization.CultureInfo.InvariantCulture) : "  -  ");
            yield return $"  [language {kv.Key}] {Json.Num(r["docs"])} docs: title exact {F("title", "exact")}  authors F1 {F("authors", "f1")}  " +
                         $"dateline acc {F("dateline", "accuracy")}  image credits F1 {F("image_credits", "f1")}";
        }
    }
}

/// <summary>Cleans every page of a set with a pipeline and scores the output like the corpus scorers do.</summary>
public sealed class Evaluator(CleanerPipeline pipeline)
{
    public int MaxParallelism { get; init; } = Environment.ProcessorCount;
    public int Bootstrap { get; init; } = 1000;
    public int Seed { get; init; }
    /// <summary>Credits set: clean the text dumps instead of the HTML pages.</summary>
    public bool CreditsFromTextDump { get; init; }

    /// <summary>The prediction line for one cleaned page: score.py reads id/text/title/author, score_credits.py
    /// reads title/authors/contributors/dateline/images; both ignore the rest.</summary>
    public static JsonObject Prediction(string id, Article a) => new()
    {
        ["id"] = id,
        ["text"] = a.Text,
        ["title"] = a.Title,
        ["author"] = new JsonArray(a.Authors.Select(x => (JsonNode?)x).ToArray()),
        ["authors"] = new JsonArray(a.Authors.Select(x => (JsonNode?)x).ToArray()),
        ["contributors"] = new JsonArray(a.Contributors.Select(c => (JsonNode?)new JsonObject { ["name"] = c.Name, ["role"] = c.Role.Name() }).ToArray()),
        ["dateline"] = a.Dateline,
        ["agency"] = a.Agency,
        ["images"] = new JsonArray(a.Images.Select(i => (JsonNode?)new JsonObject { ["caption"] = i.Caption, ["credit"] = i.Credit }).ToArray()),
        ["language"] = a.Language,
    };

    public EvalRun Run(EvalSet set)
    {
        var sw = Stopwatch.StartNew();
        var preds = new JsonObject?[set.Gold.Count];
        var errors = new string?[set.Gold.Count];
        var checks = new QualityAssessment?[set.Gold.Count];
        var assessor = new QualityAssessor(CheckThresholds, pipeline.Options.Phrases);
        Parallel.For(0, set.Gold.Count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, MaxParallelism) }, i =>
        {
            var g = set.Gold[i];
            var id = Json.PyStr(g["id"]);
            var path = set.PagePath(g, CreditsFromTextDump);
            try
            {
                if (path == null || !File.Exists(path)) throw new FileNotFoundException($"page not found: {path ?? "(no path)"}");
                var result = pipeline.Clean(InputDocument.FromBytes(id, File.ReadAllBytes(path), path));
                preds[i] = Prediction(id, result.Article);
                checks[i] = assessor.Assess(result);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or UnreadableInputException)
            {
                errors[i] = $"{id}: {e.Message}";
            }
        });
        double seconds = sw.Elapsed.TotalSeconds;
        var predictions = preds.Where(p => p != null).Select(p => p!).ToList();
        var run = Score(set, predictions);
        run.CleanSeconds = seconds;
        run.Errors.AddRange(errors.Where(e => e != null)!);
        if (set.Kind == EvalSetKind.Extraction) run.Result["check"] = CheckSummary(set, checks);
        return run;
    }

    /// <summary>Thresholds for the `cleaner check` pass rate reported with every extraction set (the defaults).</summary>
    public QualityThresholds CheckThresholds { get; init; } = new();

    /// <summary>How many of the set's article pages (non-synthetic, with a gold body or gold snippets) pass `cleaner check`.</summary>
    private static JsonObject CheckSummary(EvalSet set, QualityAssessment?[] checks)
    {
        int n = 0, passed = 0;
        var byRule = new SortedDictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < set.Gold.Count; i++)
        {
            var g = set.Gold[i];
            bool article = !Json.IsTrue(g, "synthetic") && (!string.IsNullOrWhiteSpace(Json.Str(g, "body")) || Json.Arr(g, "with") is { Count: > 0 });
            if (!article) continue;
            n++;
            if (checks[i] is { Passed: true }) { passed++; continue; }
            foreach (var rule in checks[i]?.Failures.Select(f => f.Rule).Distinct() ?? ["input"]) byRule[rule] = byRule.GetValueOrDefault(rule) + 1;
        }
        return new JsonObject
        {
            ["docs"] = n, ["passed"] = passed, ["pass_rate"] = n > 0 ? (double)passed / n : 0.0,
            ["failed_by_rule"] = new JsonObject(byRule.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)kv.Value))),
        };
    }

    /// <summary>Scores given predictions (e.g. another tool's) against a set; no cleaning.</summary>
    public EvalRun Score(EvalSet set, List<JsonObject> predictions)
    {
        var predLang = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var p in predictions) if (p["id"] != null) predLang[Json.PyStr(p["id"])] = Json.Str(p, "language") ?? Json.Str(p, "lang");
        // Per-language rows use the gold language when the set has one, else the language Cleaner found.
        string? LanguageOf(JsonObject g) =>
            Metadata.LanguageDetector.Normalize(Json.Str(g, "lang")) ?? Metadata.LanguageDetector.Normalize(predLang.GetValueOrDefault(Json.PyStr(g["id"])));

        JsonObject result;
        if (set.Kind == EvalSetKind.Credits)
        {
            result = new JsonObject { ["set"] = set.Name };
            foreach (var kv in CreditsScorer.Score(set.Gold, predictions).ToList()) result[kv.Key] = kv.Value?.DeepClone();
            var byLang = new JsonObject();
            foreach (var grp in set.Gold.GroupBy(g => LanguageOf(g) ?? "und").OrderByDescending(x => x.Count()).ThenBy(x => x.Key, StringComparer.Ordinal))
            {
                var ids = grp.Select(g => Json.PyStr(g["id"])).ToHashSet(StringComparer.Ordinal);
                byLang[grp.Key] = CreditsScorer.Score(grp.ToList(), predictions.Where(p => ids.Contains(Json.PyStr(p["id"]))));
            }
            result["by_language"] = byLang;
        }
        else
        {
            result = ExtractionScorer.Score(set.Name, set.Gold, predictions, LanguageOf, Bootstrap, Seed);
        }
        return new EvalRun { Set = set, Predictions = predictions, Result = result };
    }
}
