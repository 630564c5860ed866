using System.Text.Json.Nodes;
using Cleaner.Core.Evaluation;

namespace Cleaner.Core.Tests.Evaluation;

/// <summary>The C# ports must give score.py's and score_credits.py's numbers. The expected.*.json files next to the
/// hand-made sets were produced by the Python scorers (see Data/README.md); every number in them is compared.</summary>
public class ScorerPortTests
{
    private static string Data(string rel) => Path.Combine(TestPaths.Root, "tests", "Cleaner.Core.Tests", "Evaluation", "Data", rel);

    private static void AssertSameNumbers(JsonNode? expected, JsonNode? actual, string path = "")
    {
        switch (expected)
        {
            case JsonObject eo:
                foreach (var kv in eo)
                {
                    if (kv.Key is "set" or "pred") continue; // absolute paths in score.py's output
                    Assert.True(actual is JsonObject ao && ao.ContainsKey(kv.Key), $"missing {path}{kv.Key}");
                    AssertSameNumbers(kv.Value, ((JsonObject)actual!)[kv.Key], path + kv.Key + ".");
                }
                break;
            case JsonValue ev when Json.Num(ev) is { } e:
                var a = Json.Num(actual);
                Assert.True(a != null && Math.Abs(a.Value - e) < 1e-12, $"{path}: score.py {e}, port {a}");
                break;
            case null:
                Assert.True(actual == null, $"{path}: score.py null, port {actual?.ToJsonString()}");
                break;
            default:
                Assert.Equal(expected.ToJsonString(), actual?.ToJsonString());
                break;
        }
    }

    private static EvalRun ScoreTiny(bool skipSynthetic)
    {
        var set = EvalSet.Load(Data("tiny"), skipSynthetic);
        return new Evaluator(new CleanerPipeline()).Score(set, Json.ReadLines(Data("tiny/pred.jsonl")));
    }

    [Theory]
    [InlineData(false, "tiny/expected.score.json")]
    [InlineData(true, "tiny/expected.score.skip-synthetic.json")]
    public void ExtractionMetricsMatchScorePy(bool skipSynthetic, string expectedFile)
    {
        var expected = JsonNode.Parse(File.ReadAllText(Data(expectedFile)));
        AssertSameNumbers(expected, ScoreTiny(skipSynthetic).Result);
    }

    [Fact]
    public void TextReportMatchesScorePyLineForLine()
    {
        var expected = File.ReadAllLines(Data("tiny/expected.score.txt"));
        var actual = ScoreTiny(false).Report();
        Assert.Equal(expected, actual.Take(expected.Length));
        Assert.Contains(actual, l => l.StartsWith("  [language de]"));
    }

    [Fact]
    public void CreditsMetricsMatchScoreCreditsPy()
    {
        var set = EvalSet.Load(Data("tinycredits"));
        Assert.Equal(EvalSetKind.Credits, set.Kind);
        var run = new Evaluator(new CleanerPipeline()).Score(set, Json.ReadLines(Data("tinycredits/pred.jsonl")));
        AssertSameNumbers(JsonNode.Parse(File.ReadAllText(Data("tinycredits/expected.credits.json"))), run.Result);
    }

    [Fact]
    public void GoldScoredAgainstItselfIsPerfect()
    {
        var set = EvalSet.Load(Data("tinycredits"));
        var r = CreditsScorer.Score(set.Gold, set.Gold);
        foreach (var key in new[] { "authors.f1", "contributors.f1", "image_credits.f1", "dateline.f1", "dateline.accuracy", "title.exact" })
            Assert.Equal(1.0, Json.Num(Json.AtPath(r, key)));
    }

    [Fact]
    public void WordTokensFollowPythonsUnicodeWordClass()
    {
        // Python's \w: letters and all numerals, not combining marks; .NET's \w differs on both.
        Assert.Equal(["cafe", "noir", "½", "2⁵", "x_y"], PyText.WordTokens("cafe\u0301 noir ½ 2⁵ x_y"));
        Assert.Equal(["नमस", "त"], PyText.WordTokens("नमस्ते"));
        Assert.Equal(["𝐀𝐁"], PyText.WordTokens("𝐀𝐁")); // astral letters are one token
    }

    [Fact]
    public void CaseFoldFoldsSharpSAndFinalSigma()
    {
        Assert.Equal("strasse", PyText.CaseFold("Straße"));
        Assert.Equal("σοφοσ", PyText.CaseFold("ΣΟΦΟς"));
        Assert.Equal("a b", PyText.CollapseSpace("\u001f a \u00a0\n b  "));
    }

    [Fact]
    public void BootstrapRandomMatchesPython()
    {
        // random.Random(0); [r.randint(0, 129) for _ in range(8)]
        var rng = new PyRandom(0);
        Assert.Equal([98, 107, 10, 66, 124, 103, 77, 122], Enumerable.Range(0, 8).Select(_ => rng.RandInt(0, 129)));
    }

    [Fact]
    public void FloorsReportEachGatedMetric()
    {
        var dir = Directory.CreateTempSubdirectory("floors");
        try
        {
            var path = Path.Combine(dir.FullName, "floors.json");
            File.WriteAllText(path, """{"_comment": "x", "tiny": {"snippets.f1": 0.2, "title.exact": 0.9, "no.such": 0.1}}""");
            var checks = Floors.Load(path).Check("tiny", ScoreTiny(false).Result);
            Assert.Equal(3, checks.Count);
            Assert.True(checks[0].Passed);
            Assert.False(checks[1].Passed);
            Assert.False(checks[2].Passed); // a missing metric fails rather than passing silently
            Assert.StartsWith("floor FAIL tiny title.exact = 0.667", checks[1].ToString());
        }
        finally { dir.Delete(true); }
    }
}
