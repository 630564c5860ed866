using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json;
using Cleaner.Core;
using Cleaner.Core.Input;
using Cleaner.Core.Model;
using Cleaner.Core.Output;

namespace Cleaner.Fuzz;

public sealed record FuzzOptions
{
    public int Seed { get; init; } = Environment.TickCount;
    public long Iterations { get; init; } = long.MaxValue;
    public TimeSpan Duration { get; init; } = TimeSpan.FromMinutes(1);
    /// <summary>Folders of seed pages (.html, .html.gz, .txt): the dev corpus and the samples.</summary>
    public List<string> SeedFolders { get; init; } = new();
    /// <summary>Where failing inputs are saved (null: not saved).</summary>
    public string? FindingsDir { get; init; }
    /// <summary>A case using more CPU time than this is a finding (the per-document --timeout default is 10 s).</summary>
    public TimeSpan SlowCase { get; init; } = TimeSpan.FromSeconds(10);
    /// <summary>Largest input after mutation; bigger variants are cut (the pipeline refuses past --max-bytes anyway).</summary>
    public int MaxInputBytes { get; init; } = 12_000_000;
    public TextWriter Log { get; init; } = Console.Error;
}

public sealed class FuzzReport
{
    public long Executions { get; set; }
    public long DocumentErrors { get; set; }
    public long Cleaned { get; set; }
    public List<string> Findings { get; } = new();
    public TimeSpan Elapsed { get; set; }
    public double SlowestMs { get; set; }
    public string? SlowestCase { get; set; }
    public Dictionary<string, long> ErrorKinds { get; } = new();

    public override string ToString() =>
        $"{Executions} executions in {Elapsed.TotalSeconds:F0} s ({Executions / Math.Max(1, Elapsed.TotalSeconds):F1}/s): " +
        $"{Cleaned} cleaned, {DocumentErrors} refused ({string.Join(", ", ErrorKinds.OrderBy(k => k.Key).Select(k => $"{k.Key} {k.Value}"))}), " +
        $"{Findings.Count} findings; slowest case {SlowestMs:F0} ms CPU ({SlowestCase})";
}

/// <summary>Mutates real pages and runs the whole pipeline on each variant, checking the invariants of README
/// "Robustness": the only exceptions are the documented input errors (<see cref="UnreadableInputException"/>
/// and its kinds), every block carries a label, every output renders, the JSON parses, and no case is slow.</summary>
public static class Fuzzer
{
    public static FuzzReport Run(FuzzOptions o)
    {
        var seeds = LoadSeeds(o.SeedFolders);
        if (seeds.Count == 0) seeds.Add(System.Text.Encoding.UTF8.GetBytes("<html><body><h1>Title</h1><p>By Jane Doe</p><p>Body text of the article.</p></body></html>"));
        var rng = new Random(o.Seed);
        var mutations = new Mutator(rng).All;
        var pipeline = new CleanerPipeline(new CleanerOptions { MaxBytes = 10_000_000 });
        var report = new FuzzReport();
        var total = Stopwatch.StartNew();
        o.Log.WriteLine($"fuzz: seed {o.Seed}, {seeds.Count} seed pages, {mutations.Count} mutations");
        var nextLog = TimeSpan.FromSeconds(60);

        for (long i = 0; i < o.Iterations && total.Elapsed < o.Duration; i++)
        {
            int caseSeed = rng.Next();
            var (input, names) = MakeCase(caseSeed, seeds, o.MaxInputBytes);
            var label = $"case {caseSeed} [{string.Join('+', names)}] {input.Length} bytes";

            // CPU time, not wall time: the fuzzer runs niced beside other work, and a busy machine is not a finding.
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            string? failure = Check(pipeline, input, report);
            var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
            report.Executions++;
            if (cpu.TotalMilliseconds > report.SlowestMs) { report.SlowestMs = cpu.TotalMilliseconds; report.SlowestCase = label; }
            if (failure == null && cpu > o.SlowCase) failure = $"slow: {cpu.TotalSeconds:F1} s CPU";
            if (failure != null)
            {
                report.Findings.Add($"{label}: {failure}");
                o.Log.WriteLine($"fuzz: FINDING {label}: {failure}");
                if (o.FindingsDir != null)
                {
                    Directory.CreateDirectory(o.FindingsDir);
                    File.WriteAllBytes(Path.Combine(o.FindingsDir, $"case-{caseSeed}.bin"), input);
                }
            }
            if (total.Elapsed > nextLog)
            {
                report.Elapsed = total.Elapsed;
                o.Log.WriteLine("fuzz: " + report);
                nextLog += TimeSpan.FromSeconds(60);
            }
        }
        report.Elapsed = total.Elapsed;
        return report;
    }

    /// <summary>The input of one case: a seed page with 1–3 mutations, all drawn from <paramref name="caseSeed"/>, so
    /// `--replay CASE` rebuilds it from the same seed pages.</summary>
    public static (byte[] Input, List<string> Mutations) MakeCase(int caseSeed, IReadOnlyList<byte[]> seeds, int maxInputBytes)
    {
        var caseRng = new Random(caseSeed);
        var mutations = new Mutator(caseRng).All;
        var input = seeds[caseRng.Next(seeds.Count)];
        var other = seeds[caseRng.Next(seeds.Count)];
        var names = new List<string>();
        int rounds = caseRng.Next(1, 4);
        for (int r = 0; r < rounds; r++)
        {
            var (name, apply) = mutations[caseRng.Next(mutations.Count)];
            names.Add(name);
            input = apply(input, other);
            if (input.Length > maxInputBytes) input = input[..maxInputBytes];
        }
        return (input, names);
    }

    /// <summary>Runs one input through the pipeline and every writer; null when all invariants hold.</summary>
    public static string? Check(CleanerPipeline pipeline, byte[] input, FuzzReport report)
    {
        CleanResult result;
        try
        {
            result = pipeline.Clean(InputDocument.FromBytes("fuzz", input, "fuzz"));
        }
        catch (UnreadableInputException e)
        {
            report.DocumentErrors++;
            report.ErrorKinds[e.Kind] = report.ErrorKinds.GetValueOrDefault(e.Kind) + 1;
            // The error record must render too.
            var error = Writers.Json(ArticleRecord.FromError("fuzz", "fuzz", e.Kind, e.Message));
            return ValidJson(error) ? null : "error record is not valid JSON";
        }
        catch (Exception e)
        {
            return $"unhandled {e.GetType().Name}: {e.Message}\n{e.StackTrace}";
        }
        try
        {
            report.Cleaned++;
            foreach (var b in result.Blocks)
                if (!b.IsDecided) return $"block {b.Index} left without a label";
            var json = Writers.Json(ArticleRecord.From(result));
            if (!ValidJson(json)) return "JSON output does not parse";
            _ = Writers.Text(result.Article);
            _ = Writers.Markdown(result.Article);
            _ = Writers.Explain(result);
            if (!ValidJson(Writers.ExplainJson(result))) return "explain JSON does not parse";
            return null;
        }
        catch (Exception e)
        {
            return $"unhandled {e.GetType().Name} while writing: {e.Message}\n{e.StackTrace}";
        }
    }

    private static bool ValidJson(string json)
    {
        try
        {
            using var _ = JsonDocument.Parse(json);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    public static List<byte[]> LoadSeeds(IEnumerable<string> folders)
    {
        var seeds = new List<byte[]>();
        foreach (var folder in folders.Where(Directory.Exists))
            foreach (var f in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                if (f.EndsWith(".json") || f.EndsWith(".jsonl") || f.EndsWith(".py") || f.EndsWith(".md")) continue;
                var bytes = File.ReadAllBytes(f);
                if (f.EndsWith(".gz"))
                {
                    using var gz = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
                    using var ms = new MemoryStream();
                    gz.CopyTo(ms);
                    bytes = ms.ToArray();
                }
                seeds.Add(bytes);
            }
        return seeds;
    }
}
