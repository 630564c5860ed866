using System.CommandLine;
using System.Text;
using System.Text.Json.Nodes;
using Cleaner.Core;
using Cleaner.Core.Evaluation;
using Cleaner.Core.Knowledge;

namespace Cleaner.Cli.Commands;

/// <summary><c>cleaner eval --set DIR</c>: clean every page of an evaluation set and print the corpus
/// scorers' metrics (score.py, credits/score_credits.py), per source and per language; optionally gate on floors.</summary>
public static class EvalCommand
{
    private static readonly Option<string[]> Sets = new("--set")
    {
        Description = "A set folder holding gold.jsonl (repeat for several sets).",
        Arity = ArgumentArity.OneOrMore,
        AllowMultipleArgumentsPerToken = false,
        Required = true,
    };
    private static readonly Option<bool> AsJson = new("--json") { Description = "Print machine-readable JSON: {\"sets\": [...], \"floors\": [...]}." };
    private static readonly Option<bool> SkipSynthetic = new("--skip-synthetic") { Description = "Leave out gold documents marked \"synthetic\": true." };
    private static readonly Option<string?> Pred = new("--pred")
    {
        Description = "Also write the predictions (score.py's format) to FILE; with several sets, FILE is a folder of <set>.jsonl.",
    };
    private static readonly Option<string?> FromPred = new("--from-pred")
    {
        Description = "Score this predictions file instead of cleaning (one set; e.g. another tool's output).",
    };
    private static readonly Option<string?> FloorsFile = new("--floors")
    {
        Description = "A floors file (eval/floors.json); prints one ok/FAIL line per gated metric and exits 1 if one fails.",
    };
    private static readonly Option<bool> CreditsTextDump = new("--credits-textdump")
    {
        Description = "Credits set: clean each page's text dump instead of its HTML.",
    };
    private static readonly Option<int> NBootstrap = new("--n-bootstrap") { Description = "Bootstrap samples for the body metric's ± (0 disables).", DefaultValueFactory = _ => 1000 };
    private static readonly Option<int> Seed = new("--seed") { Description = "Bootstrap random seed.", DefaultValueFactory = _ => 0 };
    private static readonly Option<int> Jobs = new("--jobs", "-j") { Description = "Pages cleaned in parallel (default: processor count).", DefaultValueFactory = _ => Environment.ProcessorCount };
    private static readonly Option<string?> Rules = new("--rules") { Description = "A phrase rules file layered over the built-in data." };

    public static Command Create()
    {
        var cmd = new Command("eval", "Score Cleaner on evaluation sets (gold.jsonl): the metrics of the corpus's score.py / score_credits.py.");
        foreach (var o in new Option[] { Sets, AsJson, SkipSynthetic, Pred, FromPred, FloorsFile, CreditsTextDump, NBootstrap, Seed, Jobs, Rules }) cmd.Add(o);
        cmd.SetAction(Run);
        return cmd;
    }

    private static int Run(ParseResult parse)
    {
        var setDirs = parse.GetValue(Sets) ?? [];
        var fromPred = parse.GetValue(FromPred);
        if (fromPred != null && setDirs.Length != 1)
        {
            Console.Error.WriteLine("cleaner: --from-pred scores one set; give exactly one --set");
            return ExitCodes.Usage;
        }
        Floors? floors = null;
        List<EvalSet> sets;
        CleanerPipeline pipeline;
        List<JsonObject>? given = null;
        try
        {
            var floorsPath = parse.GetValue(FloorsFile);
            if (floorsPath != null) floors = Floors.Load(floorsPath);
            sets = setDirs.Select(d => EvalSet.Load(d, parse.GetValue(SkipSynthetic))).ToList();
            var phrases = PhraseBook.Default;
            if (parse.GetValue(Rules) is { } rules) phrases = phrases.WithRulesFile(rules);
            pipeline = new CleanerPipeline(new CleanerOptions { Phrases = phrases });
            if (fromPred != null) given = Json.ReadLines(fromPred);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException or System.Text.Json.JsonException)
        {
            Console.Error.WriteLine($"cleaner: {e.Message}");
            return ExitCodes.Usage;
        }

        var evaluator = new Evaluator(pipeline)
        {
            MaxParallelism = parse.GetValue(Jobs), Bootstrap = parse.GetValue(NBootstrap), Seed = parse.GetValue(Seed),
            CreditsFromTextDump = parse.GetValue(CreditsTextDump),
        };
        bool json = parse.GetValue(AsJson);
        var predPath = parse.GetValue(Pred);
        var output = new StringBuilder();
        var allChecks = new List<FloorCheck>();
        var jsonSets = new JsonArray();
        int exit = ExitCodes.Ok;
        foreach (var set in sets)
        {
            var run = given != null ? evaluator.Score(set, given) : evaluator.Run(set);
            foreach (var err in run.Errors) Console.Error.WriteLine($"cleaner: eval {set.Name}: {err}");
            if (run.Errors.Count > 0) exit = ExitCodes.Usage;
            if (given == null)
                Console.Error.WriteLine($"cleaner: eval {set.Name}: {set.Gold.Count} pages cleaned in {run.CleanSeconds:F1} s");
            if (predPath != null) WritePredictions(predPath, sets.Count > 1, set.Name, run.Predictions);
            var checks = floors?.Check(set.Name, run.Result) ?? [];
            allChecks.AddRange(checks);
            if (json)
            {
                run.Result["pages_per_second"] = given == null && run.CleanSeconds > 0 ? Math.Round(set.Gold.Count / run.CleanSeconds, 1) : null;
                jsonSets.Add(run.Result);
            }
            else
            {
                foreach (var line in run.Report()) output.Append(line).Append('\n');
            }
        }
        if (floors != null && allChecks.Count == 0)
            Console.Error.WriteLine("cleaner: warning: the floors file gates none of the sets evaluated");
        if (json)
        {
            var root = new JsonObject { ["sets"] = jsonSets };
            if (floors != null)
                root["floors"] = new JsonArray(allChecks.Select(c => (JsonNode?)new JsonObject
                {
                    ["set"] = c.Set, ["metric"] = c.Metric, ["value"] = c.Value, ["floor"] = c.Floor, ["passed"] = c.Passed,
                }).ToArray());
            output.Append(Json.Write(root, indented: true)).Append('\n');
        }
        else
        {
            foreach (var c in allChecks) output.Append(c).Append('\n');
        }
        Console.Out.Write(output.ToString());
        Console.Out.Flush();
        if (allChecks.Any(c => !c.Passed)) return ExitCodes.NoArticle; // 1: a metric dropped below its floor
        return exit;
    }

    private static void WritePredictions(string path, bool severalSets, string setName, List<JsonObject> predictions)
    {
        if (severalSets || Directory.Exists(path))
        {
            Directory.CreateDirectory(path);
            path = Path.Combine(path, setName + ".jsonl");
        }
        using var w = new StreamWriter(path, false, new UTF8Encoding(false));
        foreach (var p in predictions) w.Write(Json.Write(p) + "\n");
    }
}
