using System.Text.Json;
using System.Text.Json.Nodes;
using Cleaner.Core.Input;
using Cleaner.Core.Output;

namespace Cleaner.Core.Tests.Golden;

/// <summary>Whole pages in samples/: each input (.txt, .html, .html.gz) has NAME.expected.json (the JSON record
/// without timing stats) and NAME.expected.txt (the text output). Expected files were checked by hand;
/// set UPDATE_GOLDEN=1 to rewrite them deliberately after a reviewed change.</summary>
public class GoldenTests
{
    public static IEnumerable<object[]> Samples() =>
        Directory.EnumerateFiles(TestPaths.Samples, "*", SearchOption.AllDirectories)
            .Where(IsInput)
            .Order(StringComparer.Ordinal)
            .Select(p => new object[] { Path.GetRelativePath(TestPaths.Samples, p) });

    private static bool IsInput(string path)
    {
        var name = Path.GetFileName(path);
        return !name.Contains(".expected.") && !name.StartsWith('.') && !name.EndsWith(".md") &&
               (name.EndsWith(".txt") || name.EndsWith(".html") || name.EndsWith(".htm") || name.EndsWith(".gz"));
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void SampleMatchesExpectedOutput(string relativePath)
    {
        var path = Path.Combine(TestPaths.Samples, relativePath);
        var stem = Path.Combine(Path.GetDirectoryName(path)!, InputDocument.IdFromPath(path));
        var result = new CleanerPipeline().Clean(InputDocument.FromBytes(InputDocument.IdFromPath(path), File.ReadAllBytes(path), relativePath));
        var json = Normalise(Writers.Json(ArticleRecord.From(result), indented: true));
        var text = Writers.Text(result.Article);

        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(stem + ".expected.json", json);
            File.WriteAllText(stem + ".expected.txt", text);
        }
        Assert.True(File.Exists(stem + ".expected.json"), $"missing {stem}.expected.json (run with UPDATE_GOLDEN=1 and review)");
        Assert.Equal(File.ReadAllText(stem + ".expected.json"), json);
        Assert.Equal(File.ReadAllText(stem + ".expected.txt"), text);
    }

    /// <summary>Drops run-dependent fields (timings) so the record is stable.</summary>
    private static string Normalise(string json)
    {
        var node = JsonNode.Parse(json)!.AsObject();
        if (node["stats"] is JsonObject stats) stats.Remove("elapsed_ms");
        return node.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";
    }
}
