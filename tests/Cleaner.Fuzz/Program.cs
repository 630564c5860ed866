using Cleaner.Fuzz;

// cleaner-fuzz [--minutes N | --seconds N] [--iterations N] [--seed N] [--seeds DIR]... [--findings DIR] [--slow-seconds N]
// cleaner-fuzz --replay CASE [--seeds DIR]... > case.bin   (writes the input of a reported case)
// Exit code 0: no finding; 1: findings (inputs saved under --findings); 2: usage.
var seedFolders = new List<string>();
int? replay = null;
var o = new FuzzOptions();
try
{
    for (int i = 0; i < args.Length; i++)
    {
        string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
        o = args[i] switch
        {
            "--minutes" => o with { Duration = TimeSpan.FromMinutes(double.Parse(Next())) },
            "--seconds" => o with { Duration = TimeSpan.FromSeconds(double.Parse(Next())) },
            "--iterations" => o with { Iterations = long.Parse(Next()), Duration = TimeSpan.MaxValue },
            "--seed" => o with { Seed = int.Parse(Next()) },
            "--findings" => o with { FindingsDir = Next() },
            "--slow-seconds" => o with { SlowCase = TimeSpan.FromSeconds(double.Parse(Next())) },
            "--seeds" => o.Also(() => seedFolders.Add(Next())),
            "--replay" => o.Also(() => replay = int.Parse(Next())),
            _ => throw new ArgumentException($"unknown option {args[i]}"),
        };
    }
}
catch (Exception e) when (e is ArgumentException or FormatException)
{
    Console.Error.WriteLine("cleaner-fuzz: " + e.Message);
    return 2;
}
if (seedFolders.Count == 0)
{
    // Default seeds: the repository's samples and the dev corpus beside the clone.
    var root = AppContext.BaseDirectory;
    while (root != null && !File.Exists(Path.Combine(root, "Cleaner.sln"))) root = Path.GetDirectoryName(root.TrimEnd('/'));
    if (root != null)
    {
        seedFolders.Add(Path.Combine(root, "samples"));
        seedFolders.Add(Path.GetFullPath(Path.Combine(root, "..", "shared", "corpus")));
    }
}
o = o with { SeedFolders = seedFolders };
if (replay is { } caseSeed)
{
    var (input, names) = Fuzzer.MakeCase(caseSeed, Fuzzer.LoadSeeds(seedFolders), o.MaxInputBytes);
    Console.Error.WriteLine($"case {caseSeed} [{string.Join('+', names)}] {input.Length} bytes");
    using var stdout = Console.OpenStandardOutput();
    stdout.Write(input);
    return 0;
}
var report = Fuzzer.Run(o);
Console.WriteLine(report);
foreach (var f in report.Findings) Console.WriteLine("FINDING " + f);
return report.Findings.Count == 0 ? 0 : 1;

static class OptionsExtensions
{
    public static FuzzOptions Also(this FuzzOptions o, Action a) { a(); return o; }
}
