using System.Text.Json;
using Cleaner.Core.Classification;
using Cleaner.Core.Segmentation;
using Cleaner.Core.Segmentation.Html;

namespace Cleaner.Core.Metadata;

/// <summary>Reads schema.org JSON-LD: headline, authors (string, Person/Organization objects, arrays of either),
/// datePublished and articleBody of article-like objects, wherever they sit (@graph, arrays, nesting).
/// Invalid JSON is ignored. The traversal is iterative; JsonDocument limits nesting itself.</summary>
public static class JsonLdReader
{
    private static readonly JsonDocumentOptions Options = new()
    {
        AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 64,
    };

    public static void Read(string json, PageHints hints, HtmlLayout layout)
    {
        json = json.Trim();
        if (json.Length == 0) return;
        // Some sites wrap the JSON in an HTML comment or CDATA.
        if (json.StartsWith("<!--")) json = json[4..];
        if (json.EndsWith("-->")) json = json[..^3];
        JsonDocument doc;
        try { doc = JsonDocument.Parse(json, Options); }
        catch (JsonException) { return; }
        catch (ArgumentException) { return; }
        using (doc)
        {
            var persons = new List<string>();
            var organisations = new List<string>();
            // Yoast-style graphs name the author elsewhere: "author": {"@id": "…#author"} points at a Person node.
            var references = new List<string>();
            var named = new Dictionary<string, (string Name, bool Org)>(StringComparer.Ordinal);
            var stack = new Stack<JsonElement>();
            stack.Push(doc.RootElement);
            int visited = 0;
            while (stack.Count > 0 && visited++ < 5000)
            {
                var e = stack.Pop();
                if (e.ValueKind == JsonValueKind.Array)
                {
                    for (int i = e.GetArrayLength() - 1; i >= 0; i--) stack.Push(e[i]);
                    continue;
                }
                if (e.ValueKind != JsonValueKind.Object) continue;
                if (e.TryGetProperty("@type", out var nodeType) && (HasType(nodeType, "Person") || HasType(nodeType, "Organization")) &&
                    String(e, "@id") is { } id && !named.ContainsKey(id) && String(e, "name") is { } nodeName)
                    named[id] = (nodeName, !HasType(nodeType, "Person"));
                if (IsArticleType(e))
                {
                    if (String(e, "headline") is { } h && !layout.JsonLdHeadlines.Contains(h)) layout.JsonLdHeadlines.Add(h);
                    if (e.TryGetProperty("author", out var author)) ReadAuthors(author, persons, organisations, references);
                    else if (e.TryGetProperty("creator", out var creator)) ReadAuthors(creator, persons, organisations, references);
                    if (String(e, "datePublished") is { } d) hints.Date ??= d;
                    if (String(e, "articleBody") is { Length: > 0 } body && (hints.ArticleBody == null || body.Length > hints.ArticleBody.Length))
                        hints.ArticleBody = body;
                    if (String(e, "inLanguage") is { } lang) hints.DeclaredLanguage ??= lang;
                    continue;
                }
                foreach (var p in e.EnumerateObject())
                    if (p.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Array && p.Name is "@graph" or "mainEntity" or "mainEntityOfPage" or "itemListElement" or "hasPart")
                        stack.Push(p.Value);
            }
            foreach (var r in references)
                if (named.TryGetValue(r, out var node) && !node.Org && !layout.JsonLdAuthorReferences.Contains(node.Name))
                    layout.JsonLdAuthorReferences.Add(node.Name);
            if (persons.Count == 0 && organisations.Count > 0 && layout.JsonLdAuthors.Count == 0) layout.JsonLdAuthorsAreOrganisations = true;
            foreach (var n in persons.Count > 0 ? persons : organisations)
                if (!layout.JsonLdAuthors.Contains(n)) layout.JsonLdAuthors.Add(n);
        }
    }

    private static bool IsArticleType(JsonElement e)
    {
        if (!e.TryGetProperty("@type", out var t)) return false;
        if (t.ValueKind == JsonValueKind.String) return IsArticleTypeName(t.GetString());
        if (t.ValueKind == JsonValueKind.Array)
            foreach (var x in t.EnumerateArray())
                if (x.ValueKind == JsonValueKind.String && IsArticleTypeName(x.GetString())) return true;
        return false;
    }

    private static bool IsArticleTypeName(string? s) =>
        s != null && (s.Contains("Article", StringComparison.Ordinal) || s is "BlogPosting" or "Report" or "LiveBlogPosting" or "Review" or "OpinionNewsArticle" or "Blog" or "Posting");

    private static bool HasType(JsonElement type, string name)
    {
        if (type.ValueKind == JsonValueKind.String) return type.GetString() == name;
        if (type.ValueKind == JsonValueKind.Array)
            foreach (var x in type.EnumerateArray())
                if (x.ValueKind == JsonValueKind.String && x.GetString() == name) return true;
        return false;
    }

    private static void ReadAuthors(JsonElement author, List<string> persons, List<string> organisations, List<string> references)
    {
        // author: "Name" | {"@type":"Person","name":"…"} | [ … ] ; name itself may be an array.
        var stack = new Stack<JsonElement>();
        stack.Push(author);
        int visited = 0;
        var found = new List<(string Name, bool Org)>();
        while (stack.Count > 0 && visited++ < 200)
        {
            var a = stack.Pop();
            switch (a.ValueKind)
            {
                case JsonValueKind.Array:
                    for (int i = a.GetArrayLength() - 1; i >= 0; i--) stack.Push(a[i]);
                    break;
                case JsonValueKind.String:
                    Add(found, a.GetString(), false);
                    break;
                case JsonValueKind.Object:
                    bool org = a.TryGetProperty("@type", out var type) && type.ValueKind == JsonValueKind.String &&
                               type.GetString() is "Organization" or "NewsMediaOrganization" or "Corporation";
                    if (a.TryGetProperty("name", out var name))
                    {
                        if (name.ValueKind == JsonValueKind.String) Add(found, name.GetString(), org);
                        else if (name.ValueKind == JsonValueKind.Array)
                            foreach (var n in name.EnumerateArray())
                                if (n.ValueKind == JsonValueKind.String) Add(found, n.GetString(), org);
                    }
                    else if (String(a, "givenName") is { } given)
                    {
                        Add(found, (given + " " + (String(a, "familyName") ?? "")).Trim(), org);
                    }
                    else if (String(a, "@id") is { } reference && !references.Contains(reference))
                    {
                        references.Add(reference);
                    }
                    break;
            }
        }
        foreach (var (n, org) in found)
        {
            var list = org ? organisations : persons;
            if (!list.Contains(n)) list.Add(n);
        }
    }

    private static void Add(List<(string, bool)> found, string? name, bool org)
    {
        if (string.IsNullOrWhiteSpace(name)) return;
        var n = TextMetrics.NormalizeSpace(System.Net.WebUtility.HtmlDecode(name));
        if (n.Length < 2 || n.Length > 80 || n.StartsWith("http", StringComparison.OrdinalIgnoreCase)) return;
        found.Add((n, org));
    }

    private static string? String(JsonElement e, string property)
    {
        if (!e.TryGetProperty(property, out var v)) return null;
        if (v.ValueKind == JsonValueKind.Array && v.GetArrayLength() > 0) v = v[0];
        if (v.ValueKind != JsonValueKind.String) return null;
        var s = v.GetString();
        return string.IsNullOrWhiteSpace(s) ? null : TextMetrics.NormalizeSpace(System.Net.WebUtility.HtmlDecode(s));
    }
}
