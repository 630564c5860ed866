using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Cleaner.Core.Evaluation;

/// <summary>A port of the dev corpus's score.py: body (4-token shingles, article-extraction-benchmark), snippets
/// (trafilatura benchmark), title exact/contain, author exact-set/any-overlap and the "no author" rate. Results are
/// JSON objects with score.py's keys in score.py's order, so `--json` output can be compared field by field.</summary>
public static class ExtractionScorer
{
    private const int NgramN = 4;

    // ---------------------------------------------------------------- body (article-extraction-benchmark)

    /// <summary>string_shingle_matching: normalised (TP, FP, FN) over 4-token shingle counts.</summary>
    public static (double Tp, double Fp, double Fn) ShingleMatching(string? gold, string? pred)
    {
        var g = Shingles(gold);
        var p = Shingles(pred);
        double tp = 0, fp = 0, fn = 0;
        foreach (var key in g.Keys.Union(p.Keys))
        {
            int t = g.GetValueOrDefault(key), q = p.GetValueOrDefault(key);
            tp += Math.Min(t, q);
            fp += Math.Max(0, q - t);
            fn += Math.Max(0, t - q);
        }
        double s = tp + fp + fn;
        return s > 0 ? (tp / s, fp / s, fn / s) : (tp, fp, fn);
    }

    private static Dictionary<string, int> Shingles(string? text)
    {
        var tokens = PyText.WordTokens(text);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        // Fewer than n tokens still give one (shorter) shingle, as in the original.
        for (int i = 0; i < Math.Max(1, tokens.Count - NgramN + 1); i++)
        {
            int len = Math.Min(NgramN, tokens.Count - i);
            if (len <= 0) continue;
            var key = string.Join('\u0001', tokens.GetRange(i, len));
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }
        return counts;
    }

    public static double PrecisionScore(double tp, double fp, double fn) =>
        fp == 0 && fn == 0 ? 1.0 : tp == 0 && fp == 0 ? 0.0 : tp / (tp + fp);

    public static double RecallScore(double tp, double fp, double fn) =>
        fp == 0 && fn == 0 ? 1.0 : tp == 0 && fn == 0 ? 0.0 : tp / (tp + fn);

    private static (double F1, double P, double R) FromTpFpFns(IReadOnlyList<(double Tp, double Fp, double Fn)> xs)
    {
        var ps = new List<double>(); var rs = new List<double>();
        foreach (var (tp, fp, fn) in xs)
        {
            if (tp + fp > 0) ps.Add(PrecisionScore(tp, fp, fn));
            if (tp + fn > 0) rs.Add(RecallScore(tp, fp, fn));
        }
        double p = Mean(ps), r = Mean(rs);
        return (p + r > 0 ? 2 * p * r / (p + r) : 0.0, p, r);
    }

    /// <summary>statistics.mean, with compensated summation to stay as close as possible to its exact arithmetic.</summary>
    private static double Mean(IReadOnlyList<double> xs)
    {
        if (xs.Count == 0) return 0.0;
        double sum = 0, c = 0;
        foreach (var x in xs)
        {
            double t = sum + x;
            c += Math.Abs(sum) >= Math.Abs(x) ? (sum - t) + x : (x - t) + sum;
            sum = t;
        }
        return (sum + c) / xs.Count;
    }

    private static double StDev(IReadOnlyList<double> xs)
    {
        if (xs.Count < 2) return 0.0;
        double m = Mean(xs), ss = 0;
        foreach (var x in xs) ss += (x - m) * (x - m);
        return Math.Sqrt(ss / (xs.Count - 1));
    }

    public static (JsonObject Metrics, List<JsonObject> PerDoc) Body(IReadOnlyList<(string Gold, string Pred)> pairs, int nBootstrap = 1000, int seed = 0)
    {
        var t = pairs.Select(x => ShingleMatching(x.Gold, x.Pred)).ToList();
        var acc = pairs.Select(x => PyText.WordTokens(x.Gold).SequenceEqual(PyText.WordTokens(x.Pred)) ? 1.0 : 0.0).ToList();
        var (f1, p, r) = FromTpFpFns(t);
        var m = new JsonObject { ["f1"] = f1, ["precision"] = p, ["recall"] = r, ["accuracy"] = Mean(acc) };
        if (nBootstrap > 0 && t.Count > 0)
        {
            var rng = new PyRandom((uint)seed);
            int n = t.Count;
            var bf = new List<double>(); var bp = new List<double>(); var br = new List<double>(); var ba = new List<double>();
            var sample = new (double, double, double)[n];
            var sampleAcc = new double[n];
            for (int b = 0; b < nBootstrap; b++)
            {
                for (int i = 0; i < n; i++)
                {
                    int k = rng.RandInt(0, n - 1);
                    sample[i] = t[k]; sampleAcc[i] = acc[k];
                }
                var (sf, sp, sr) = FromTpFpFns(sample);
                bf.Add(sf); bp.Add(sp); br.Add(sr); ba.Add(Mean(sampleAcc));
            }
            m["accuracy_std"] = StDev(ba); m["f1_std"] = StDev(bf); m["precision_std"] = StDev(bp); m["recall_std"] = StDev(br);
        }
        m["docs"] = pairs.Count;
        var perDoc = t.Zip(acc, (x, a) => new JsonObject
        {
            ["tp"] = x.Tp, ["fp"] = x.Fp, ["fn"] = x.Fn,
            ["p"] = x.Tp + x.Fp > 0 ? PrecisionScore(x.Tp, x.Fp, x.Fn) : null,
            ["r"] = x.Tp + x.Fn > 0 ? RecallScore(x.Tp, x.Fp, x.Fn) : null,
            ["exact"] = a,
        }).ToList();
        return (m, perDoc);
    }

    // ---------------------------------------------------------------- snippets (trafilatura benchmark)

    public static (int Tp, int Fp, int Fn, int Tn) CountItem(JsonObject gold, string text)
    {
        var resn = PyText.CollapseSpace(text);
        var with = Strings(Json.Arr(gold, "with"));
        var without = Strings(Json.Arr(gold, "without"));
        int tp = with.Count(w => resn.Contains(PyText.CollapseSpace(w), StringComparison.Ordinal));
        int fp = without.Count(w => resn.Contains(PyText.CollapseSpace(w), StringComparison.Ordinal));
        return (tp, fp, with.Count - tp, without.Count - fp);
    }

    private static List<string> Strings(JsonArray? a) => a == null ? [] : a.Select(Json.PyStr).ToList();

    public static (JsonObject Metrics, List<JsonObject> PerDoc) Snippets(IReadOnlyList<(JsonObject Gold, string Pred)> items)
    {
        int tp = 0, fp = 0, fn = 0, tn = 0;
        var perDoc = new List<JsonObject>();
        foreach (var (g, text) in items)
        {
            var c = CountItem(g, text);
            perDoc.Add(new JsonObject { ["tp"] = c.Tp, ["fp"] = c.Fp, ["fn"] = c.Fn, ["tn"] = c.Tn });
            tp += c.Tp; fp += c.Fp; fn += c.Fn; tn += c.Tn;
        }
        double precision = tp + fp > 0 ? (double)tp / (tp + fp) : 0.0;
        double recall = tp + fn > 0 ? (double)tp / (tp + fn) : 0.0;
        int total = tp + tn + fp + fn;
        double accuracy = total > 0 ? (double)(tp + tn) / total : 0.0;
        int denom = 2 * tp + fp + fn;
        double f1 = denom > 0 ? 2.0 * tp / denom : 0.0;
        return (new JsonObject
        {
            ["docs"] = items.Count, ["precision"] = precision, ["recall"] = recall, ["f1"] = f1, ["accuracy"] = accuracy,
            ["tp"] = tp, ["fp"] = fp, ["fn"] = fn, ["tn"] = tn,
        }, perDoc);
    }

    // ---------------------------------------------------------------- title / author

    public static string NormTitle(JsonNode? s) => s switch
    {
        null => "",
        JsonArray a => PyText.CaseFold(PyText.CollapseSpace(string.Join(' ', a.Select(Json.PyStr)))),
        _ => PyText.CaseFold(PyText.CollapseSpace(Json.PyStr(s))),
    };

    private static readonly Regex AuthorSplit = new(";|,| and | und | et | y ", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    public static HashSet<string> AuthorSet(JsonNode? a)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        if (a == null) return set;
        var s = a is JsonArray arr ? string.Join("; ", arr.Where(x => x != null).Select(Json.PyStr)) : Json.PyStr(a);
        s = PyText.Lower(PyText.CollapseSpace(s));
        foreach (var part in AuthorSplit.Split(s))
        {
            var p = PyText.Strip(part);
            if (p.Length > 0) set.Add(p);
        }
        return set;
    }

    private static JsonNode? Get(JsonObject? o, string key) => o != null && o.TryGetPropertyValue(key, out var n) ? n : null;

    /// <summary>pred_text: the first of text/body/articleBody that is a string.</summary>
    public static string PredText(JsonObject? p)
    {
        if (p == null) return "";
        foreach (var k in new[] { "text", "body", "articleBody" })
            if (Json.Str(p, k) is { } v) return v;
        return "";
    }

    // ---------------------------------------------------------------- driver

    /// <summary>score_subset: every metric the gold supports, over the given gold documents.</summary>
    public static (JsonObject Result, List<JsonObject> PerDoc) ScoreSubset(IReadOnlyList<JsonObject> gold, IReadOnlyDictionary<string, JsonObject> preds,
        int nBootstrap = 1000, int seed = 0)
    {
        string Id(JsonObject g) => Json.PyStr(Get(g, "id"));
        JsonObject? PredOf(JsonObject g) => preds.GetValueOrDefault(Id(g));
        var res = new JsonObject { ["docs"] = gold.Count, ["predicted"] = gold.Count(g => preds.ContainsKey(Id(g))) };
        var perDoc = new Dictionary<string, JsonObject>();
        var order = new List<JsonObject>();
        foreach (var g in gold)
        {
            if (!perDoc.ContainsKey(Id(g))) { var d = new JsonObject { ["id"] = Id(g) }; perDoc[Id(g)] = d; order.Add(d); }
        }

        var body = gold.Where(g => Json.Str(g, "body") != null).ToList();
        if (body.Count > 0)
        {
            var (m, pd) = Body(body.Select(g => (Json.Str(g, "body")!, PredText(PredOf(g)))).ToList(), nBootstrap, seed);
            res["body"] = m;
            for (int i = 0; i < body.Count; i++) perDoc[Id(body[i])]["body"] = pd[i];
        }

        var snip = gold.Where(g => Json.Arr(g, "with") != null).ToList();
        if (snip.Count > 0)
        {
            var (m, pd) = Snippets(snip.Select(g => (g, PredText(PredOf(g)))).ToList());
            res["snippets"] = m;
            for (int i = 0; i < snip.Count; i++) perDoc[Id(snip[i])]["snippets"] = pd[i];
        }

        var titled = gold.Where(g => NormTitle(Get(g, "title")).Length > 0).ToList();
        if (titled.Count > 0)
        {
            int exact = 0, contain = 0;
            foreach (var g in titled)
            {
                var gt = NormTitle(Get(g, "title"));
                var pt = NormTitle(Get(PredOf(g), "title"));
                bool ok = gt == pt;
                exact += ok ? 1 : 0;
                contain += pt.Length > 0 && (gt.Contains(pt, StringComparison.Ordinal) || pt.Contains(gt, StringComparison.Ordinal)) ? 1 : 0;
                perDoc[Id(g)]["title_exact"] = ok;
            }
            res["title"] = new JsonObject { ["docs"] = titled.Count, ["exact"] = (double)exact / titled.Count, ["contain"] = (double)contain / titled.Count };
        }

        var authored = gold.Where(g => AuthorSet(Get(g, "author")).Count > 0).ToList();
        var absent = gold.Where(g => Get(g, "author") != null && AuthorSet(Get(g, "author")).Count == 0).ToList();
        if (authored.Count > 0 || absent.Count > 0)
        {
            var r = new JsonObject { ["docs"] = authored.Count };
            if (authored.Count > 0)
            {
                int exact = 0, any = 0;
                foreach (var g in authored)
                {
                    var gs = AuthorSet(Get(g, "author"));
                    var ps = AuthorSet(Get(PredOf(g), "author"));
                    bool ex = gs.SetEquals(ps), ov = gs.Overlaps(ps);
                    exact += ex ? 1 : 0; any += ov ? 1 : 0;
                    perDoc[Id(g)]["author_exact"] = ex;
                    perDoc[Id(g)]["author_any"] = ov;
                }
                r["exact"] = (double)exact / authored.Count;
                r["any"] = (double)any / authored.Count;
            }
            r["absent_docs"] = absent.Count;
            if (absent.Count > 0)
                r["absent_ok"] = (double)absent.Count(g => AuthorSet(Get(PredOf(g), "author")).Count == 0) / absent.Count;
            res["author"] = r;
        }
        return (res, order);
    }

    /// <summary>The whole of score.py's main(): the set's result, unknown/duplicate prediction ids, and the
    /// per-source breakdown for mixed sets; plus Cleaner's per-language breakdown when languages are given.</summary>
    public static JsonObject Score(string setName, IReadOnlyList<JsonObject> gold, IEnumerable<JsonObject> predictions,
        Func<JsonObject, string?>? languageOf = null, int nBootstrap = 1000, int seed = 0)
    {
        var goldIds = gold.Select(g => Json.PyStr(Get(g, "id"))).ToHashSet(StringComparer.Ordinal);
        var preds = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        int unknown = 0, dup = 0;
        foreach (var p in predictions)
        {
            var id = Get(p, "id") == null ? null : Json.PyStr(Get(p, "id"));
            if (id == null || !goldIds.Contains(id)) { unknown++; continue; }
            if (preds.ContainsKey(id)) dup++;
            preds[id] = p; // last one wins
        }
        var (res, _) = ScoreSubset(gold, preds, nBootstrap, seed);
        var result = new JsonObject { ["set"] = setName };
        foreach (var kv in res.ToList()) { res.Remove(kv.Key); result[kv.Key] = kv.Value; }
        result["unknown_pred_ids"] = unknown;
        result["duplicate_pred_ids"] = dup;
        var sources = gold.Select(g => Json.Str(g, "source")).Where(s => !string.IsNullOrEmpty(s)).Distinct().Order(StringComparer.Ordinal).ToList();
        if (sources.Count > 1)
        {
            var bySource = new JsonObject();
            foreach (var src in sources)
                bySource[src!] = ScoreSubset(gold.Where(g => Json.Str(g, "source") == src).ToList(), preds, nBootstrap, seed).Result;
            result["by_source"] = bySource;
        }
        if (languageOf != null)
        {
            var byLang = new JsonObject();
            foreach (var grp in gold.GroupBy(g => languageOf(g) ?? "und").OrderByDescending(x => x.Count()).ThenBy(x => x.Key, StringComparer.Ordinal))
                byLang[grp.Key] = ScoreSubset(grp.ToList(), preds, 0, seed).Result;
            result["by_language"] = byLang;
        }
        return result;
    }

    // ---------------------------------------------------------------- report (score.py's fmt_report)

    private static string F3(JsonNode? n) => (Json.Num(n) ?? 0).ToString("F3", CultureInfo.InvariantCulture);
    private static int I(JsonNode? n) => (int)(Json.Num(n) ?? 0);

    public static List<string> FormatReport(string name, JsonObject res, string indent = "")
    {
        var o = new List<string> { $"{indent}{name}: {I(res["docs"])} docs, {I(res["predicted"])} with a prediction" };
        if (res["body"] is JsonObject b)
        {
            string Pm(string k) => F3(b[k]) + (b.ContainsKey(k + "_std") ? " ± " + F3(b[k + "_std"]) : "");
            o.Add($"{indent}  body (article-extraction-benchmark, {I(b["docs"])} docs): F1 {Pm("f1")}  precision {Pm("precision")}  recall {Pm("recall")}  accuracy {Pm("accuracy")}");
        }
        if (res["snippets"] is JsonObject s)
            o.Add($"{indent}  snippets (trafilatura, {I(s["docs"])} docs): precision {F3(s["precision"])}  recall {F3(s["recall"])}  F1 {F3(s["f1"])}  accuracy {F3(s["accuracy"])}  " +
                  $"(tp {I(s["tp"])} fp {I(s["fp"])} fn {I(s["fn"])} tn {I(s["tn"])})");
        if (res["title"] is JsonObject t)
            o.Add($"{indent}  title ({I(t["docs"])} docs): exact {F3(t["exact"])}  (contain {F3(t["contain"])})");
        if (res["author"] is JsonObject a)
        {
            var line = $"{indent}  author ({I(a["docs"])} docs): ";
            line += I(a["docs"]) > 0 ? $"exact-set {F3(a["exact"])}  any-overlap {F3(a["any"])}" : "no gold authors";
            if (I(a["absent_docs"]) > 0) line += $"  (gold \"no author\", {I(a["absent_docs"])} docs: none predicted {F3(a["absent_ok"])})";
            o.Add(line);
        }
        return o;
    }

    /// <summary>score.py's text output for a set, then Cleaner's per-language rows.</summary>
    public static List<string> FormatResult(string name, JsonObject result)
    {
        var lines = FormatReport(name, result);
        int unknown = I(result["unknown_pred_ids"]), dup = I(result["duplicate_pred_ids"]);
        if (unknown > 0 || dup > 0)
            lines.Add($"  note: {unknown} prediction ids not in the set ignored, {dup} duplicate ids (last kept)");
        if (result["by_source"] is JsonObject bySource)
            foreach (var kv in bySource) lines.AddRange(FormatReport($"[source {kv.Key}]", (JsonObject)kv.Value!, "  "));
        // Cleaner's additions come after score.py's lines, so the report starts exactly like score.py's.
        if (result["check"] is JsonObject check)
        {
            var rules = string.Join(", ", ((JsonObject)check["failed_by_rule"]!).Select(kv => $"{kv.Key} {I(kv.Value)}"));
            lines.Add($"  check (cleaner check, default thresholds, {I(check["docs"])} article pages): pass {F3(check["pass_rate"])}" +
                      (rules.Length > 0 ? $"  (failing rules: {rules})" : ""));
        }
        if (result["by_language"] is JsonObject byLang)
            foreach (var kv in byLang) lines.AddRange(FormatReport($"[language {kv.Key}]", (JsonObject)kv.Value!, "  "));
        return lines;
    }
}
