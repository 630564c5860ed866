using System.CommandLine;
using System.Diagnostics;
using Cleaner.Core;
using Cleaner.Core.Input;

namespace Cleaner.Cli.Commands;

/// <summary><c>cleaner bench</c>: pages/s and MB/s of the pipeline on the dev corpus, one job and N jobs,
/// with peak memory; <c>--stages</c> adds the time per pipeline stage (the profile used to find hot spots).</summary>
public static class BenchCommand
{
    private static readonly Option<string> Corpus = new("--corpus")
    {
        Description = "The dev corpus folder (with trafilatura-a/html and textdump/txt).",
        DefaultValueFactory = _ => FindCorpus(),
    };
    private static readonly Option<int> Jobs = new("--jobs", "-j")
    {
        Description = "Parallel jobs for the second measurement (default: cores).",
        DefaultValueFactory = _ => Environment.ProcessorCount,
    };
    private static readonly Option<int> Passes = new("--passes")
    {
        Description = "Times each set is cleaned per measurement, in rounds of up to 3 passes, one-job and N-job rounds alternating (after warm-up passes until background compilation has stopped).",
        DefaultValueFactory = _ => 3,
    };
    private static readonly Option<bool> Stages = new("--stages")
    {
        Description = "Also print the share of time per pipeline stage (one job).",
    };
    private static readonly Option<string?> Set = new("--set")
    {
        Description = "Only this set: html or text.",
    };

    public static Command Create()
    {
        var cmd = new Command("bench", "Measure pages/s, MB/s and peak memory on the dev corpus (HTML and text dumps).");
        cmd.Add(Corpus);
        cmd.Add(Jobs);
        cmd.Add(Passes);
        cmd.Add(Stages);
        cmd.Add(Set);
        cmd.SetAction(Run);
        return cmd;
    }

    private static string FindCorpus()
    {
        // ../shared/corpus from the repository, wherever the tool runs from.
        for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir != null; dir = dir.Parent)
        {
            var c = Path.Combine(dir.FullName, "shared", "corpus");
            if (Directory.Exists(c)) return c;
        }
        return "/work/shared/corpus";
    }

    private sealed record Page(string Id, byte[] Bytes);

    private static int Run(ParseResult parse)
    {
        var corpus = parse.GetValue(Corpus)!;
        int jobs = Math.Max(1, parse.GetValue(Jobs));
        int passes = Math.Max(1, parse.GetValue(Passes));
        var only = parse.GetValue(Set);
        var sets = new List<(string Name, string Folder)>();
        if (only is null or "html") sets.Add(("html (trafilatura-a)", Path.Combine(corpus, "trafilatura-a", "html")));
        if (only is null or "text") sets.Add(("text dumps (textdump)", Path.Combine(corpus, "textdump", "txt")));
        if (sets.Any(s => !Directory.Exists(s.Folder)))
        {
            Console.Error.WriteLine($"cleaner: bench: corpus not found under {corpus} (give --corpus DIR)");
            return ExitCodes.Usage;
        }

        Console.WriteLine($"cleaner bench: {Environment.ProcessorCount} cores, {passes} passes per measurement, .NET {Environment.Version}");
        foreach (var (name, folder) in sets)
        {
            // Pages are loaded and gunzipped up front: the figures are the cleaning, not the disk.
            var pages = Directory.EnumerateFiles(folder).Order(StringComparer.Ordinal)
                .Select(f => new Page(Path.GetFileName(f), Load(f))).ToList();
            long bytes = pages.Sum(p => (long)p.Bytes.Length);
            var pipeline = new CleanerPipeline(new CleanerOptions());
            int warmUp = WarmUp(pipeline, pages);

            // One-job and N-job rounds alternate, so a slow spell of a shared machine weighs on both alike. A round
            // cleans the set up to RoundPasses times back to back: a batch stream has no barrier every few hundred
            // pages, where the other workers wait for the last one (the dumps are in name order, and the largest,
            // 137 KB, comes near the end: ~5 % of a two-job text pass once a pass took 0.15 s).
            var one = new Tally();
            var many = new Tally();
            var ratios = new List<double>();
            for (int done = 0; done < passes; done += RoundPasses)
            {
                int round = Math.Min(RoundPasses, passes - done);
                double a = one.Add(() => Measure(pipeline, pages, 1, round));
                if (jobs > 1) ratios.Add(a / many.Add(() => Measure(pipeline, pages, jobs, round)));
            }
            double mb = bytes / 1e6 * passes;
            int cleaned = pages.Count * passes;
            Console.WriteLine($"{name}: {pages.Count} pages, {bytes / 1e6:F1} MB, {warmUp} warm-up passes" +
                              (RuntimeHints.DelayedTiering ? $" (one CPU: at least {OneCpuWarmUp.TotalSeconds:F0} s, see README \"One CPU\")" : ""));
            // Per CPU-second too: on a shared machine the wall clock also counts other processes' time slices.
            Console.WriteLine($"  1 job : {cleaned / one.Seconds:F0} pages/s, {mb / one.Seconds:F1} MB/s wall; " +
                              $"{cleaned / one.CpuSeconds:F0} pages, {mb / one.CpuSeconds:F1} MB per CPU-second");
            if (jobs > 1)
                Console.WriteLine($"  {jobs} jobs: {cleaned / many.Seconds:F0} pages/s, {mb / many.Seconds:F1} MB/s, {one.Seconds / many.Seconds:F2}x one job " +
                                  $"(rounds {ratios.Min():F2}-{ratios.Max():F2}x, median {Median(ratios):F2}x); " +
                                  // More CPU per page than one job means the workers slow each other (shared cache lines, memory).
                                  $"{cleaned / many.CpuSeconds:F0} pages per CPU-second");
            // What limits the --jobs speedup besides the cores: collections pause every worker, locks serialise them.
            Console.WriteLine($"  1 job : {one.Runtime.Describe(cleaned, one.Seconds)}");
            if (jobs > 1) Console.WriteLine($"  {jobs} jobs: {many.Runtime.Describe(cleaned, many.Seconds)}");

            if (parse.GetValue(Stages)) PrintStages(pages);
            // What stays alive after cleaning (should not grow with the number of pages cleaned).
            pages = null!;
            Console.WriteLine($"  managed heap after a full GC: {GC.GetTotalMemory(forceFullCollection: true) / 1048576.0:F1} MB");
        }
        using var self = Process.GetCurrentProcess();
        self.Refresh();
        Console.WriteLine($"peak working set: {self.PeakWorkingSet64 / (1024 * 1024)} MB");
        return ExitCodes.Ok;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        int mid = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    /// <summary>Wall and CPU seconds and runtime counters summed over the passes of one kind of measurement.</summary>
    private sealed class Tally
    {
        public double Seconds, CpuSeconds;
        public RuntimeCounts Runtime;

        /// <returns>The wall seconds of this pass.</returns>
        public double Add(Func<double> measure)
        {
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var before = RuntimeCounts.Now();
            double seconds = measure();
            CpuSeconds += (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
            Runtime += RuntimeCounts.Now() - before;
            Seconds += seconds;
            return seconds;
        }
    }

    /// <summary>Runtime counters over a measurement: collections, bytes allocated, GC pause time, lock contentions, JIT time.</summary>
    private readonly record struct RuntimeCounts(int Gen0, int Gen1, int Gen2, long Allocated, TimeSpan Paused, long Contentions, TimeSpan Jit)
    {
        public static RuntimeCounts Now() => new(GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2),
            GC.GetTotalAllocatedBytes(), GC.GetTotalPauseDuration(), Monitor.LockContentionCount, System.Runtime.JitInfo.GetCompilationTime());

        public static RuntimeCounts operator -(RuntimeCounts a, RuntimeCounts b) => new(a.Gen0 - b.Gen0, a.Gen1 - b.Gen1,
            a.Gen2 - b.Gen2, a.Allocated - b.Allocated, a.Paused - b.Paused, a.Contentions - b.Contentions, a.Jit - b.Jit);

        public static RuntimeCounts operator +(RuntimeCounts a, RuntimeCounts b) => new(a.Gen0 + b.Gen0, a.Gen1 + b.Gen1,
            a.Gen2 + b.Gen2, a.Allocated + b.Allocated, a.Paused + b.Paused, a.Contentions + b.Contentions, a.Jit + b.Jit);

        public string Describe(int pages, double seconds) =>
            $"{Allocated / 1e6 / pages:F2} MB allocated a page; GCs gen0 {Gen0}, gen1 {Gen1}, gen2 {Gen2}; " +
            $"paused {Paused.TotalMilliseconds:F0} ms ({100 * Paused.TotalSeconds / seconds:F1}% of the time); {Contentions} lock contentions; " +
            // Compilation still running in the background takes a core from the workers (see WarmUp).
            $"JIT {Jit.TotalMilliseconds:F0} ms";
    }

    private static byte[] Load(string path)
    {
        var bytes = File.ReadAllBytes(path);
        return Gzip.IsGzip(bytes) ? Gzip.Decompress(bytes, long.MaxValue) : bytes;
    }

    /// <summary>Cleans the pages until the JIT has settled: phrase tables and JIT first, then tiered compilation,
    /// which with profile-guided tiers compiles a hot method three times, in the background. After one pass over the
    /// corpus much of the code was still instrumented, which made a two-pass measurement ~30 % slower per CPU-second
    /// than the settled code that a long batch run spends its time in.</summary>
    /// <remarks>Settled means three passes in a row with background compilation under 2 % of their time, after
    /// enough passes for code run once a pass to tier up (<see cref="TierUpPasses"/>). Counting
    /// compiled methods instead (a pass compiling under 2 % of the first pass's methods, at most 8 passes) ended the
    /// warm-up while the JIT still took 20-35 % of a core: text-dump passes are short (0.3 s), and methods taken
    /// rarely reach their tier-up call counts only after 20-30 passes. With one job that compilation ran on the other
    /// core (per CPU-second 1.24 cores for one job); with two it took a worker's core (two jobs 1.5x instead of 1.8x).
    /// On one CPU (a pinned process, a container limited to one core) the runtime waits ten times longer before
    /// it starts tiering up (TC_DelaySingleProcMultiplier: 1 s instead of 100 ms, restarted at every new method),
    /// and nothing is compiled while it waits, so a quiet pass does not mean settled code: the passes stayed at ~400
    /// pages/s for the first ~30 s of a text-dump run, then ran at ~1,400. There the warm-up runs at least
    /// <see cref="OneCpuWarmUp"/>, unless the delay was set (README "One CPU").</remarks>
    /// <returns>The warm-up passes run.</returns>
    private static int WarmUp(CleanerPipeline pipeline, List<Page> pages)
    {
        const int QuietPassesNeeded = 3;
        const double QuietJitShare = 0.02;
        var minimum = RuntimeHints.DelayedTiering ? OneCpuWarmUp : TimeSpan.Zero;
        var clock = Stopwatch.StartNew();
        int quiet = 0;
        for (int pass = 1; ; pass++)
        {
            var jitBefore = System.Runtime.JitInfo.GetCompilationTime();
            double seconds = Measure(pipeline, pages, 1, 1);
            var jit = System.Runtime.JitInfo.GetCompilationTime() - jitBefore;
            quiet = jit.TotalSeconds < QuietJitShare * seconds ? quiet + 1 : 0;
            bool longEnough = (pass >= TierUpPasses || clock.Elapsed >= TierUpTime) && clock.Elapsed >= minimum;
            if ((quiet >= QuietPassesNeeded && longEnough) || clock.Elapsed >= MaxWarmUp) return pass;
        }
    }

    private const int RoundPasses = 3;

    private static readonly TimeSpan OneCpuWarmUp = TimeSpan.FromSeconds(45);

    // A method reaches its final code after ~60 calls (30 to be instrumented, 30 more to be optimised with the
    // profile): code run once a pass (a rare page's path, the SmartReader second opinion) tiers up at passes 30 and
    // 60, all at once, in bursts that a quiet-pass rule alone misses (text dumps: 300-700 methods, ~0.5 s of JIT, in
    // the measurement after 20-27 warm-up passes). Long HTML passes stop at the time limit instead.
    private const int TierUpPasses = 64;
    private static readonly TimeSpan TierUpTime = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan MaxWarmUp = TimeSpan.FromSeconds(120);

    /// <summary>Seconds to clean every page <paramref name="passes"/> times with <paramref name="jobs"/> threads.</summary>
    private static double Measure(CleanerPipeline pipeline, List<Page> pages, int jobs, int passes)
    {
        int total = pages.Count * passes, next = -1;
        var sw = Stopwatch.StartNew();
        var threads = Enumerable.Range(0, jobs).Select(_ => new Thread(() =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < total)
            {
                var p = pages[i % pages.Count];
                pipeline.Clean(InputDocument.FromBytes(p.Id, p.Bytes));
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        return sw.Elapsed.TotalSeconds;
    }

    private static void PrintStages(List<Page> pages)
    {
        var pipeline = new CleanerPipeline(new CleanerOptions { TimeStages = true });
        var sums = new Dictionary<string, double>();
        var bytes = new Dictionary<string, long>();
        var slowest = new List<(double Ms, string Id)>();
        var before = RuntimeCounts.Now();
        foreach (var p in pages)
        {
            var r = pipeline.Clean(InputDocument.FromBytes(p.Id, p.Bytes));
            foreach (var (stage, ms) in r.Stats.StageMs!) sums[stage] = sums.GetValueOrDefault(stage) + ms;
            foreach (var (stage, b) in r.Stats.StageBytes!) bytes[stage] = bytes.GetValueOrDefault(stage) + b;
            slowest.Add((r.Stats.ElapsedMs, p.Id));
        }
        var runtime = RuntimeCounts.Now() - before;
        double all = sums.Values.Sum();
        Console.WriteLine($"  stages (1 job, {all:F0} ms in all, {runtime.Allocated / 1e6 / pages.Count:F2} MB allocated a page, {runtime.Paused:g} in GC pauses):");
        foreach (var (stage, ms) in sums.OrderByDescending(kv => kv.Value))
            Console.WriteLine($"    {stage,-20} {ms,8:F1} ms  {100 * ms / all,5:F1}%  {bytes.GetValueOrDefault(stage) / 1e3 / pages.Count,8:F1} KB a page");
        Console.WriteLine("  slowest pages: " + string.Join(", ", slowest.OrderByDescending(s => s.Ms).Take(5).Select(s => $"{s.Id} {s.Ms:F0} ms")));
    }
}
