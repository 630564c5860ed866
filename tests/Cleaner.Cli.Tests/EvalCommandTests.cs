using System.Text.Json.Nodes;

namespace Cleaner.Cli.Tests;

/// <summary>`cleaner eval` run as the real binary over the committed sample set.</summary>
public class EvalCommandTests
{
    private static string SampleSet => Path.Combine(CliRunner.Root, "eval", "sampleset");

    [Fact]
    public void PrintsScorePyReportWithSourceAndLanguageRows()
    {
        var run = CliRunner.Exec(["eval", "--set", SampleSet, "--n-bootstrap", "0"]);
        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("sampleset: 12 docs, 12 with a prediction", run.Stdout);
        Assert.Contains("  body (article-extraction-benchmark, 6 docs): F1 ", run.Stdout);
        Assert.Contains("  snippets (trafilatura, 6 docs): precision ", run.Stdout);
        Assert.Contains("  [source html]: 8 docs", run.Stdout);
        Assert.Contains("  [language fr]:", run.Stdout);
    }

    [Fact]
    public void JsonFloorsAndPredictions()
    {
        var dir = Directory.CreateTempSubdirectory("cleaner-eval");
        try
        {
            var pred = Path.Combine(dir.FullName, "pred.jsonl");
            var floors = Path.Combine(dir.FullName, "floors.json");
            File.WriteAllText(floors, """{"sampleset": {"body.f1": 0.5, "title.exact": 1.01}}""");
            var run = CliRunner.Exec(["eval", "--set", SampleSet, "--json", "--n-bootstrap", "0", "--pred", pred, "--floors", floors]);
            Assert.Equal(1, run.ExitCode); // title.exact can never reach 1.01
            var root = JsonNode.Parse(run.Stdout)!;
            var set = root["sets"]![0]!;
            Assert.Equal("sampleset", (string)set["set"]!);
            Assert.InRange((double)set["body"]!["f1"]!, 0.0, 1.0);
            var checks = root["floors"]!.AsArray();
            Assert.True((bool)checks[0]!["passed"]!);
            Assert.False((bool)checks[1]!["passed"]!);
            var lines = File.ReadAllLines(pred);
            Assert.Equal(12, lines.Length);
            var first = JsonNode.Parse(lines[0])!;
            foreach (var key in new[] { "id", "text", "title", "author", "authors", "contributors", "dateline", "images" })
                Assert.True(first.AsObject().ContainsKey(key), key);

            // Scoring the written predictions gives the same numbers as cleaning again.
            var again = CliRunner.Exec(["eval", "--set", SampleSet, "--json", "--n-bootstrap", "0", "--from-pred", pred]);
            Assert.Equal((double)set["snippets"]!["f1"]!, (double)JsonNode.Parse(again.Stdout)!["sets"]![0]!["snippets"]!["f1"]!);
        }
        finally { dir.Delete(true); }
    }

    [Fact]
    public void MissingSetIsAUsageError()
    {
        var run = CliRunner.Exec(["eval", "--set", Path.Combine(CliRunner.Root, "no-such-set")]);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("gold.jsonl", run.Stderr);
    }
}
