using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Cleaner.Core.Evaluation;

/// <summary>A port of the credits set's score_credits.py: title exact/contain, authors and contributors micro
/// P/R/F1, dateline accuracy and P/R/F1, image-credit micro P/R/F1 with one-to-one matching, caption–credit pairing.</summary>
public static class CreditsScorer
{
    private static readonly Dictionary<char, string> Quotes = new()
    {
        ['\u201c'] = "\"", ['\u201d'] = "\"", ['\u201e'] = "\"", ['\u201f'] = "\"", ['\u00ab'] = "\"", ['\u00bb'] = "\"",
        ['\u2033'] = "\"", ['\uff02'] = "\"", ['\u301d'] = "\"", ['\u301e'] = "\"",
        ['\u2018'] = "'", ['\u2019'] = "'", ['\u201a'] = "'", ['\u201b'] = "'", ['\u2039'] = "'", ['\u203a'] = "'",
        ['\u2032'] = "'", ['`'] = "'", ['\u00b4'] = "'",
        ['\u2010'] = "-", ['\u2011'] = "-", ['\u2012'] = "-", ['\u2013'] = "-", ['\u2014'] = "-", ['\u2015'] = "-",
        ['\u2212'] = "-", ['\u00ad'] = "",
    };

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(1);
    private const RegexOptions Opts = RegexOptions.CultureInvariant;

    private static string Base(JsonNode? n) => n == null ? "" : Base(Json.PyStr(n));

    private static string Base(string? s)
    {
        if (s == null) return "";
        s = s.Normalize(NormalizationForm.FormKC);
        var sb = new StringBuilder(s.Length);
        foreach (var c in s) { if (Quotes.TryGetValue(c, out var q)) sb.Append(q); else sb.Append(c); }
        return PyText.CollapseSpace(sb.ToString());
    }

    public static string FoldAccents(string s)
    {
        s = s.Normalize(NormalizationForm.FormKD);
        var sb = new StringBuilder(s.Length);
        foreach (var c in s)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark) continue;
            sb.Append(c switch
            {
                'ł' => "l", 'Ł' => "L", 'ø' => "o", 'Ø' => "O", 'đ' => "d", 'Đ' => "D",
                'ß' => "ss", 'æ' => "ae", 'Æ' => "AE", 'œ' => "oe", 'Œ' => "OE",
                _ => c.ToString(),
            });
        }
        return sb.ToString();
    }

    public static string NormTitle(JsonNode? s) => PyText.CaseFold(Base(s));

    private const string OuterPunct = " \t,;:|/\\-()[]{}<>\"'*•·";

    // re.sub(r'\s+', ' ', s).strip(OUTER_PUNCT).strip(): the collapse has no outer strip of its own.
    private static string Collapse(string s) => Regex.Replace(s, PyText.SpaceClass + "+", " ", Opts, Timeout);

    public static string NormName(JsonNode? s) =>
        PyText.Strip(PyText.Strip(Collapse(PyText.CaseFold(FoldAccents(Base(s)))), OuterPunct));

    public static string NormRole(JsonNode? s) => PyText.Strip(PyText.CaseFold(Base(s)));

    private static readonly Regex WireTag = new(PyText.SpaceClass + @"*\([^()]*\)[\s\u001c-\u001f\-:.]*$", Opts, Timeout);
    private static readonly Regex Slash = new(PyText.SpaceClass + "*/" + PyText.SpaceClass + "*", Opts, Timeout);

    public static string NormDateline(JsonNode? s)
    {
        var t = PyText.CaseFold(FoldAccents(Base(s)));
        t = WireTag.Replace(t, "", 1);
        t = Slash.Replace(t, "/");
        return PyText.Strip(PyText.Strip(t, OuterPunct + "."));
    }

    private static readonly Regex CreditLabel = new(
        @"^(?:(?:©|\(c\)|copyright\b)" + PyText.SpaceClass + "*:?" + PyText.SpaceClass + "*" +
        @"|(?:photos?|fotos?|fotograf[ií]as?|photograph(?:s|ie)?|pictures?|images?|bild(?:er)?|bildquelle|" +
        @"credits?|cr[ée]dits?(?:" + PyText.SpaceClass + @"+photos?)?|source|quelle|fot|zdj[eę]cie|autor|titelbild|" +
        @"image credit|photo credit)" +
        @"(?:" + PyText.SpaceClass + @"*[:.]|" + PyText.SpaceClass + @"+(?:by|de|von|por|par)\b" + PyText.SpaceClass + "*:?)" + PyText.SpaceClass + "*)",
        Opts | RegexOptions.IgnoreCase, Timeout);

    public static string NormCredit(JsonNode? n)
    {
        var s = Base(n);
        if (s.Length == 0) return "";
        s = PyText.Strip(PyText.Strip(PyText.Strip(s), "()[]"));
        for (int i = 0; i < 3; i++) // labels can stack: "(Photo: © X)"
        {
            var t = PyText.Strip(PyText.Strip(PyText.Strip(CreditLabel.Replace(s, "", 1)), "()[]"));
            if (t == s) break;
            s = t;
        }
        s = PyText.CaseFold(FoldAccents(s));
        s = Slash.Replace(s, "/");
        s = Collapse(s);
        return PyText.Strip(PyText.Strip(s, OuterPunct + "."));
    }

    private static bool TokenContains(string a, string b)
    {
        var ta = PyText.WordTokens(a); var tb = PyText.WordTokens(b);
        if (ta.Count == 0 || tb.Count == 0) return false;
        if (ta.Count > tb.Count) (ta, tb) = (tb, ta);
        int n = ta.Count;
        for (int i = 0; i <= tb.Count - n; i++)
            if (tb.GetRange(i, n).SequenceEqual(ta, StringComparer.Ordinal)) return true;
        return false;
    }

    public static string NormCaption(JsonNode? s) =>
        PyText.Strip(PyText.Strip(Collapse(PyText.CaseFold(FoldAccents(Base(s)))), OuterPunct + "."));

    public static bool CaptionMatch(JsonNode? gn, JsonNode? pn)
    {
        string g = NormCaption(gn), p = NormCaption(pn);
        if (g.Length == 0 || p.Length == 0) return false;
        if (g == p || TokenContains(g, p)) return true;
        var tg = PyText.WordTokens(g); var tp = PyText.WordTokens(p);
        var cg = tg.GroupBy(x => x).ToDictionary(x => x.Key, x => x.Count());
        var cp = tp.GroupBy(x => x).ToDictionary(x => x.Key, x => x.Count());
        int common = cg.Sum(kv => Math.Min(kv.Value, cp.GetValueOrDefault(kv.Key)));
        if (common == 0) return false;
        double prec = (double)common / tp.Count, rec = (double)common / tg.Count;
        return 2 * prec * rec / (prec + rec) >= 0.8;
    }

    public static bool CreditMatch(JsonNode? gn, JsonNode? pn)
    {
        string g = NormCredit(gn), p = NormCredit(pn);
        return g.Length > 0 && p.Length > 0 && (g == p || TokenContains(g, p));
    }

    /// <summary>Maximum bipartite matching (Kuhn). Recursion depth is bounded by the number of gold pictures on one page.</summary>
    private static int MaxMatching(int nLeft, int nRight, Func<int, int, bool> ok)
    {
        var matchR = Enumerable.Repeat(-1, nRight).ToArray();
        var okCache = new bool[nLeft, nRight];
        for (int i = 0; i < nLeft; i++) for (int j = 0; j < nRight; j++) okCache[i, j] = ok(i, j);
        bool TryLeft(int i, bool[] seen)
        {
            for (int j = 0; j < nRight; j++)
            {
                if (seen[j] || !okCache[i, j]) continue;
                seen[j] = true;
                if (matchR[j] == -1 || TryLeft(matchR[j], seen)) { matchR[j] = i; return true; }
            }
            return false;
        }
        for (int i = 0; i < nLeft; i++) TryLeft(i, new bool[nRight]);
        return matchR.Count(x => x != -1);
    }

    public static (double P, double R, double F) Prf(int tp, int fp, int fn)
    {
        double p = tp + fp > 0 ? (double)tp / (tp + fp) : (fn == 0 ? 1.0 : 0.0);
        double r = tp + fn > 0 ? (double)tp / (tp + fn) : (fp == 0 ? 1.0 : 0.0);
        double f = p + r > 0 ? 2 * p * r / (p + r) : 0.0;
        return (p, r, f);
    }

    private static JsonNode? Get(JsonObject? o, string key) => o != null && o.TryGetPropertyValue(key, out var n) ? n : null;

    private static List<JsonNode?> AsList(JsonNode? x) => x switch
    {
        null => [],
        JsonArray a => a.ToList(),
        _ => [x],
    };

    /// <summary>score(): gold and predictions keyed by id; the result object of score_credits.py --json.</summary>
    public static JsonObject Score(IReadOnlyList<JsonObject> goldList, IEnumerable<JsonObject> predictions)
    {
        var gold = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var g in goldList) { var id = Json.PyStr(Get(g, "id")); if (!gold.ContainsKey(id)) order.Add(id); gold[id] = g; }
        var pred = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        foreach (var p in predictions) if (Get(p, "id") != null) pred[Json.PyStr(Get(p, "id"))] = p;

        int titleN = 0, titleExact = 0, titleContain = 0, auTp = 0, auFp = 0, auFn = 0, coTp = 0, coFp = 0, coFn = 0;
        int dlN = 0, dlOk = 0, dlTp = 0, dlFp = 0, dlFn = 0, crTp = 0, crFp = 0, crFn = 0, pairN = 0, pairOk = 0;
        foreach (var gid in order)
        {
            var g = gold[gid];
            var p = pred.GetValueOrDefault(gid) ?? new JsonObject();
            if (Get(g, "title") != null)
            {
                titleN++;
                string gt = NormTitle(Get(g, "title")), pt = NormTitle(Get(p, "title"));
                if (pt.Length > 0 && gt == pt) titleExact++;
                if (pt.Length > 0 && (gt.Contains(pt, StringComparison.Ordinal) || pt.Contains(gt, StringComparison.Ordinal))) titleContain++;
            }
            var ga = AsList(Get(g, "authors")).Select(NormName).Where(x => x.Length > 0).ToHashSet(StringComparer.Ordinal);
            var pa = AsList(Get(p, "authors")).Select(NormName).Where(x => x.Length > 0).ToHashSet(StringComparer.Ordinal);
            int tp = ga.Intersect(pa).Count();
            auTp += tp; auFp += pa.Count - tp; auFn += ga.Count - tp;

            HashSet<(string, string)> Pairs(JsonNode? lst)
            {
                var set = new HashSet<(string, string)>();
                foreach (var x in AsList(lst))
                    if (x is JsonObject o && NormName(Get(o, "name")).Length > 0)
                        set.Add((NormName(Get(o, "name")), NormRole(Get(o, "role"))));
                return set;
            }
            var gc = Pairs(Get(g, "contributors")); var pc = Pairs(Get(p, "contributors"));
            tp = gc.Intersect(pc).Count();
            coTp += tp; coFp += pc.Count - tp; coFn += gc.Count - tp;

            string gd = NormDateline(Get(g, "dateline")), pdl = NormDateline(Get(p, "dateline"));
            dlN++;
            bool ok = gd == pdl;
            if (ok) dlOk++;
            if (gd.Length > 0 && pdl.Length > 0) { if (ok) dlTp++; else { dlFp++; dlFn++; } }
            else if (gd.Length > 0) dlFn++;
            else if (pdl.Length > 0) dlFp++;

            var gim = AsList(Get(g, "images")).OfType<JsonObject>().ToList();
            var pim = AsList(Get(p, "images")).OfType<JsonObject>().ToList();
            var gcr = gim.Where(im => NormCredit(Get(im, "credit")).Length > 0).ToList();
            var pcr = pim.Where(im => NormCredit(Get(im, "credit")).Length > 0).ToList();
            tp = MaxMatching(gcr.Count, pcr.Count, (i, j) => CreditMatch(Get(gcr[i], "credit"), Get(pcr[j], "credit")));
            crTp += tp; crFp += pcr.Count - tp; crFn += gcr.Count - tp;
            var gpair = gcr.Where(im => NormCaption(Get(im, "caption")).Length > 0).ToList();
            int ok2 = MaxMatching(gpair.Count, pcr.Count, (i, j) =>
                CreditMatch(Get(gpair[i], "credit"), Get(pcr[j], "credit")) && CaptionMatch(Get(gpair[i], "caption"), Get(pcr[j], "caption")));
            pairN += gpair.Count; pairOk += ok2;
        }

        var res = new JsonObject
        {
            ["docs"] = gold.Count,
            ["docs_predicted"] = gold.Keys.Count(pred.ContainsKey),
            ["pred_ids_not_in_gold"] = pred.Keys.Count(k => !gold.ContainsKey(k)),
            ["title"] = new JsonObject
            {
                ["n"] = titleN,
                ["exact"] = titleN > 0 ? (double)titleExact / titleN : null,
                ["contain"] = titleN > 0 ? (double)titleContain / titleN : null,
            },
        };
        foreach (var (key, t, f, n) in new[] { ("authors", auTp, auFp, auFn), ("contributors", coTp, coFp, coFn), ("image_credits", crTp, crFp, crFn) })
        {
            var (P, R, F) = Prf(t, f, n);
            res[key] = new JsonObject { ["precision"] = P, ["recall"] = R, ["f1"] = F, ["tp"] = t, ["fp"] = f, ["fn"] = n };
        }
        var (dp, dr, df) = Prf(dlTp, dlFp, dlFn);
        res["dateline"] = new JsonObject { ["n"] = dlN, ["accuracy"] = dlN > 0 ? (double)dlOk / dlN : null, ["precision"] = dp, ["recall"] = dr, ["f1"] = df };
        res["caption_credit_pairing"] = new JsonObject { ["n"] = pairN, ["accuracy"] = pairN > 0 ? (double)pairOk / pairN : null };
        return res;
    }

    private static string Fmt(JsonNode? x) => Json.Num(x) is { } d ? d.ToString("F3", CultureInfo.InvariantCulture) : "  -  ";
    private static int I(JsonNode? n) => (int)(Json.Num(n) ?? 0);

    /// <summary>score_credits.py's table.</summary>
    public static List<string> FormatReport(JsonObject res, string indent = "")
    {
        var o = new List<string>();
        int notInGold = I(res["pred_ids_not_in_gold"]);
        o.Add($"{indent}gold docs {I(res["docs"])}, predicted {I(res["docs_predicted"])}" + (notInGold > 0 ? $", {notInGold} pred ids not in gold" : ""));
        o.Add($"{indent}{"metric",-26}{"P",7}{"R",7}{"F1/acc",8}  n / counts");
        var t = (JsonObject)res["title"]!;
        o.Add($"{indent}{"title exact",-26}{"",7}{"",7}{Fmt(t["exact"]),8}  n={I(t["n"])}");
        o.Add($"{indent}{"title contain",-26}{"",7}{"",7}{Fmt(t["contain"]),8}  n={I(t["n"])}");
        foreach (var (key, label) in new[] { ("authors", "authors"), ("contributors", "contributors (name,role)"), ("image_credits", "image credits") })
        {
            var r = (JsonObject)res[key]!;
            o.Add($"{indent}{label,-26}{Fmt(r["precision"]),7}{Fmt(r["recall"]),7}{Fmt(r["f1"]),8}  tp={I(r["tp"])} fp={I(r["fp"])} fn={I(r["fn"])}");
        }
        var dl = (JsonObject)res["dateline"]!;
        o.Add($"{indent}{"dateline (non-null P/R/F1)",-26}{Fmt(dl["precision"]),7}{Fmt(dl["recall"]),7}{Fmt(dl["f1"]),8}");
        o.Add($"{indent}{"dateline accuracy",-26}{"",7}{"",7}{Fmt(dl["accuracy"]),8}  n={I(dl["n"])}");
        var pr = (JsonObject)res["caption_credit_pairing"]!;
        o.Add($"{indent}{"caption-credit pairing",-26}{"",7}{"",7}{Fmt(pr["accuracy"]),8}  n={I(pr["n"])}");
        return o;
    }
}
