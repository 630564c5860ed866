using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Xml;
using Cleaner.Core.Evaluation;
using Cleaner.Core.Quality;

namespace Cleaner.Cli.Check;

/// <summary>The report formats of `cleaner check`: a human table, JSON, JUnit XML and GitHub workflow annotations.</summary>
public static class CheckReports
{
    public static readonly string[] Formats = ["table", "json", "junit", "github"];

    public static string Render(string format, IReadOnlyList<CheckedDocument> docs, CheckSummary summary, QualityThresholds thresholds, string? configPath) => format switch
    {
        "json" => Json(docs, summary, thresholds, configPath),
        "junit" => JUnit(docs, summary, thresholds),
        "github" => GitHub(docs, summary),
        _ => Table(docs, summary),
    };

    private static string F(double x, string fmt = "0.###") => x.ToString(fmt, CultureInfo.InvariantCulture);

    // ------------------------------------------------------------------ table

    public static string Table(IReadOnlyList<CheckedDocument> docs, CheckSummary summary)
    {
        var sb = new StringBuilder();
        int idWidth = Math.Clamp(docs.Count == 0 ? 2 : docs.Max(d => d.Id.Length), 2, 40);
        sb.Append($"{"STATUS",-6}  {"ID".PadRight(idWidth)}  {"CHARS",7}  {"PARAS",5}  {"BOILER",6}  {"LANG",4}  RULES\n");
        foreach (var d in docs)
        {
            var id = d.Id.Length > idWidth ? d.Id[..(idWidth - 1)] + "…" : d.Id.PadRight(idWidth);
            var m = d.Assessment?.Metrics;
            var rules = string.Join(",", d.Failures.Select(f => f.Rule));
            sb.Append($"{(d.IsError ? "ERROR" : d.Passed ? "pass" : "FAIL"),-6}  {id}  {(m == null ? "-" : m.Chars.ToString(CultureInfo.InvariantCulture)),7}  " +
                      $"{(m == null ? "-" : m.Paragraphs.ToString(CultureInfo.InvariantCulture)),5}  {(m == null ? "-" : QualityThresholdsPct(m.BoilerplateShare)),6}  " +
                      $"{m?.Language ?? "-",4}  {(d.Passed ? "" : rules)}\n");
        }
        var failing = docs.Where(d => !d.Passed).ToList();
        if (failing.Count > 0)
        {
            sb.Append("\nFailures:\n");
            foreach (var d in failing)
            {
                sb.Append($"  {d.Id} ({d.Path})\n");
                foreach (var f in d.Failures) sb.Append($"    {f.Rule}: {f.Message}\n");
                foreach (var line in d.Diff) sb.Append("      ").Append(Shorten(line.ToString(), 160)).Append('\n');
            }
        }
        sb.Append('\n').Append(summary).Append('\n');
        var byRule = docs.Where(d => !d.Passed).SelectMany(d => d.Failures.Select(f => f.Rule).Distinct())
            .GroupBy(r => r).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}");
        var ruleCounts = string.Join(", ", byRule);
        if (ruleCounts.Length > 0) sb.Append("failing rules: ").Append(ruleCounts).Append('\n');
        return sb.ToString();
    }

    private static string QualityThresholdsPct(double share) => F(share * 100, "0.0") + "%";

    private static string Shorten(string s, int max) => s.Length <= max ? s : s[..(max - 1)] + "…";

    // ------------------------------------------------------------------ json

    public static string Json(IReadOnlyList<CheckedDocument> docs, CheckSummary summary, QualityThresholds thresholds, string? configPath)
    {
        static JsonArray Issues(IEnumerable<QualityIssue> xs) =>
            new(xs.Select(i => (JsonNode?)new JsonObject { ["rule"] = i.Rule, ["message"] = i.Message }).ToArray());
        var list = new JsonArray();
        foreach (var d in docs)
        {
            var o = new JsonObject { ["id"] = d.Id, ["source"] = d.Path, ["status"] = d.Status, ["failures"] = Issues(d.Failures), ["warnings"] = Issues(d.Warnings) };
            if (d.Assessment?.Metrics is { } m)
            {
                o["metrics"] = new JsonObject
                {
                    ["article_found"] = m.ArticleFound, ["chars"] = m.Chars, ["paragraphs"] = m.Paragraphs,
                    ["boilerplate_share"] = Math.Round(m.BoilerplateShare, 4),
                    ["boilerplate_by_kind"] = new JsonObject(m.BoilerplateByKind.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)kv.Value))),
                    ["has_title"] = m.HasTitle, ["has_authors"] = m.HasAuthors, ["has_date"] = m.HasDate, ["language"] = m.Language,
                    ["residue"] = m.Residue, ["replacement_chars"] = m.ReplacementChars, ["mojibake_sequences"] = m.MojibakeSequences,
                    ["duplicate_share"] = Math.Round(m.DuplicateShare, 4),
                };
            }
            if (d.Diff.Count > 0)
                o["diff"] = new JsonArray(d.Diff.Select(l => (JsonNode?)new JsonObject { ["op"] = l.Op == DiffOp.Added ? "added" : l.Op == DiffOp.Removed ? "removed" : "same", ["text"] = l.Text }).ToArray());
            list.Add(o);
        }
        var root = new JsonObject
        {
            ["summary"] = new JsonObject
            {
                ["documents"] = summary.Documents, ["passed"] = summary.Passed, ["failed"] = summary.Failed, ["errors"] = summary.Errors,
                ["warnings"] = summary.Warnings, ["seconds"] = Math.Round(summary.Seconds, 3),
            },
            ["config"] = configPath,
            ["thresholds"] = thresholds.ToJson(),
            ["documents"] = list,
        };
        return Cleaner.Core.Evaluation.Json.Write(root, indented: true) + "\n";
    }

    // ------------------------------------------------------------------ junit

    /// <summary>JUnit XML as CI systems read it: one testsuite, one testcase per document, a failure element for a
    /// document that broke rules, an error element for an input that could not be read.</summary>
    public static string JUnit(IReadOnlyList<CheckedDocument> docs, CheckSummary summary, QualityThresholds thresholds)
    {
        var sb = new StringBuilder();
        var settings = new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false), OmitXmlDeclaration = true };
        sb.Append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        using (var w = XmlWriter.Create(new StringWriter(sb), settings))
        {
            var time = F(summary.Seconds, "0.000");
            w.WriteStartElement("testsuites");
            w.WriteAttributeString("name", "cleaner check");
            w.WriteAttributeString("tests", summary.Documents.ToString(CultureInfo.InvariantCulture));
            w.WriteAttributeString("failures", summary.Failed.ToString(CultureInfo.InvariantCulture));
            w.WriteAttributeString("errors", summary.Errors.ToString(CultureInfo.InvariantCulture));
            w.WriteAttributeString("time", time);
            w.WriteStartElement("testsuite");
            w.WriteAttributeString("name", "cleaner check");
            w.WriteAttributeString("tests", summary.Documents.ToString(CultureInfo.InvariantCulture));
            w.WriteAttributeString("failures", summary.Failed.ToString(CultureInfo.InvariantCulture));
            w.WriteAttributeString("errors", summary.Errors.ToString(CultureInfo.InvariantCulture));
            w.WriteAttributeString("skipped", "0");
            w.WriteAttributeString("time", time);
            w.WriteAttributeString("timestamp", DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture));
            w.WriteStartElement("properties");
            foreach (var (k, v) in thresholds.ToJson())
            {
                w.WriteStartElement("property");
                w.WriteAttributeString("name", k);
                w.WriteAttributeString("value", Xml(v is JsonArray a ? string.Join(",", a.Select(x => x!.ToString())) : v?.ToJsonString() ?? ""));
                w.WriteEndElement();
            }
            w.WriteEndElement();
            foreach (var d in docs)
            {
                w.WriteStartElement("testcase");
                w.WriteAttributeString("classname", "cleaner.check");
                w.WriteAttributeString("name", Xml(d.Id));
                w.WriteAttributeString("file", Xml(d.Path));
                w.WriteAttributeString("time", F(d.Seconds, "0.000"));
                if (!d.Passed)
                {
                    w.WriteStartElement(d.IsError ? "error" : "failure");
                    w.WriteAttributeString("type", string.Join(",", d.Failures.Select(f => f.Rule)));
                    w.WriteAttributeString("message", Xml(string.Join("; ", d.Failures.Select(f => $"{f.Rule}: {f.Message}"))));
                    var body = new StringBuilder();
                    foreach (var f in d.Failures) body.Append($"{f.Rule}: {f.Message}\n");
                    foreach (var l in d.Diff) body.Append(l).Append('\n');
                    w.WriteString(Xml(body.ToString()));
                    w.WriteEndElement();
                }
                if (d.Assessment?.Metrics is { } m)
                {
                    var o = new StringBuilder($"chars={m.Chars} paragraphs={m.Paragraphs} boilerplate={QualityThresholdsPct(m.BoilerplateShare)} language={m.Language ?? "-"}\n");
                    foreach (var wn in d.Warnings) o.Append($"warning {wn.Rule}: {wn.Message}\n");
                    w.WriteElementString("system-out", Xml(o.ToString()));
                }
                w.WriteEndElement();
            }
            w.WriteEndElement();
            w.WriteEndElement();
        }
        return sb.Append('\n').ToString();
    }

    /// <summary>Drops characters XML 1.0 cannot carry (control characters, lone surrogates) from page-derived text.</summary>
    private static string Xml(string s)
    {
        StringBuilder? sb = null;
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            bool ok = c is '\t' or '\n' or '\r' || c >= 0x20 && c <= 0xD7FF || c >= 0xE000 && c <= 0xFFFD ||
                      char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]) ||
                      char.IsLowSurrogate(c) && i > 0 && char.IsHighSurrogate(s[i - 1]);
            if (ok) { sb?.Append(c); continue; }
            sb ??= new StringBuilder(s.Length).Append(s, 0, i);
            sb.Append('\uFFFD');
        }
        return sb?.ToString() ?? s;
    }

    // ------------------------------------------------------------------ github

    /// <summary>GitHub Actions workflow commands: an error annotation per failing document (on its file), a
    /// warning per warning, and a notice with the summary.</summary>
    public static string GitHub(IReadOnlyList<CheckedDocument> docs, CheckSummary summary)
    {
        var sb = new StringBuilder();
        foreach (var d in docs)
        {
            var props = $"file={Prop(d.Path)},title={Prop("cleaner check: " + d.Id)}";
            if (!d.Passed)
            {
                var msg = string.Join("\n", d.Failures.Select(f => $"{f.Rule}: {f.Message}").Concat(d.Diff.Select(l => l.ToString())));
                sb.Append($"::error {props}::{Data(msg)}\n");
            }
            foreach (var wn in d.Warnings.Where(x => x.Rule == "residue"))
                sb.Append($"::warning {props}::{Data($"{wn.Rule}: {wn.Message}")}\n");
        }
        sb.Append($"::notice title=cleaner check::{Data(summary.ToString())}\n");
        return sb.ToString();
    }

    private static string Data(string s) => s.Replace("%", "%25").Replace("\r", "%0D").Replace("\n", "%0A");
    private static string Prop(string s) => Data(s).Replace(":", "%3A").Replace(",", "%2C");
}
