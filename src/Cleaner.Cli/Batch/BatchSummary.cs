using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Cleaner.Core.Batch;

namespace Cleaner.Cli.Batch;

/// <summary>What a batch run did: the summary printed on stderr at the end and written by --stats FILE.</summary>
public sealed class BatchSummary
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    public long Documents, Cleaned, Empty, Errors, Skipped, BytesIn, BytesOut, TextChars, OutputChars;
    public readonly Dictionary<string, long> RemovedCharsByKind = new(StringComparer.Ordinal);
    public readonly Dictionary<string, long> Languages = new(StringComparer.Ordinal);
    public readonly Dictionary<string, long> ErrorsByKind = new(StringComparer.Ordinal);
    public int Abandoned;

    public double Seconds => _clock.Elapsed.TotalSeconds;
    public double DocsPerSecond => Documents / Math.Max(Seconds, 1e-3);

    public void Add(BatchItem item, BatchOutcome outcome, long bytesOut)
    {
        if (ReferenceEquals(outcome, BatchOutcome.Skipped)) { Skipped++; return; }
        Documents++;
        BytesIn += item.Bytes;
        BytesOut += bytesOut;
        if (outcome.IsError)
        {
            Errors++;
            ErrorsByKind[outcome.ErrorKind!] = ErrorsByKind.GetValueOrDefault(outcome.ErrorKind!) + 1;
            return;
        }
        if (outcome.Found) Cleaned++; else Empty++;
        var lang = outcome.Language ?? "unknown";
        Languages[lang] = Languages.GetValueOrDefault(lang) + 1;
        OutputChars += outcome.OutputChars;
        TextChars += outcome.OutputChars;
        if (outcome.RemovedCharsByKind is { } removed)
            foreach (var (kind, chars) in removed)
            {
                RemovedCharsByKind[kind] = RemovedCharsByKind.GetValueOrDefault(kind) + chars;
                TextChars += chars;
            }
    }

    /// <summary>Share of the page text (kept plus removed characters) removed, by kind.</summary>
    public IEnumerable<(string Kind, double Share)> RemovedShares() =>
        RemovedCharsByKind.OrderByDescending(kv => kv.Value).Select(kv => (kv.Key, TextChars == 0 ? 0 : (double)kv.Value / TextChars));

    private static long PeakWorkingSet()
    {
        using var p = Process.GetCurrentProcess();
        p.Refresh();
        return p.PeakWorkingSet64;
    }

    private const int OneCpuNoteDocuments = 1000;

    public string Render()
    {
        var sb = new StringBuilder();
        sb.Append($"cleaner: {Documents} documents in {Seconds:F1} s ({DocsPerSecond:F1} docs/s): {Cleaned} cleaned, {Empty} empty, {Errors} errors");
        if (Skipped > 0) sb.Append($", {Skipped} skipped (already done)");
        sb.Append('\n');
        sb.Append($"  bytes in {Mb(BytesIn)}, out {Mb(BytesOut)}; article text kept {(TextChars == 0 ? 0 : 100.0 * OutputChars / TextChars):F1}% of page text\n");
        var shares = RemovedShares().Where(s => s.Share >= 0.0005).Select(s => $"{s.Kind} {100 * s.Share:F1}%").ToList();
        if (shares.Count > 0) sb.Append("  removed: ").Append(string.Join(", ", shares)).Append('\n');
        if (Languages.Count > 0)
            sb.Append("  languages: ").Append(string.Join(", ", Languages.OrderByDescending(kv => kv.Value).Take(12).Select(kv => $"{kv.Key} {kv.Value}"))).Append('\n');
        if (ErrorsByKind.Count > 0)
            sb.Append("  errors: ").Append(string.Join(", ", ErrorsByKind.OrderByDescending(kv => kv.Value).Select(kv => $"{kv.Key} {kv.Value}"))).Append('\n');
        // Only where it costs something: a one-CPU batch ran at a third of its speed for its first ~30 s.
        if (Documents >= OneCpuNoteDocuments && RuntimeHints.DelayedTiering) sb.Append("  note: ").Append(RuntimeHints.DelayedTieringNote).Append('\n');
        return sb.ToString();
    }

    /// <summary>What the runtime did (the memory and --jobs scaling figures of README "Performance"): collections
    /// by generation, bytes allocated, time paused, the heap after the last collection, lock contention.</summary>
    private static void WriteRuntime(Utf8JsonWriter w)
    {
        var info = GC.GetGCMemoryInfo(GCKind.Any);
        w.WriteStartObject("runtime");
        w.WriteNumber("gc_gen0", GC.CollectionCount(0));
        w.WriteNumber("gc_gen1", GC.CollectionCount(1));
        w.WriteNumber("gc_gen2", GC.CollectionCount(2));
        w.WriteNumber("allocated_bytes", GC.GetTotalAllocatedBytes());
        w.WriteNumber("gc_pause_ms", Math.Round(GC.GetTotalPauseDuration().TotalMilliseconds, 1));
        w.WriteNumber("heap_bytes", info.HeapSizeBytes);
        w.WriteNumber("committed_bytes", info.TotalCommittedBytes);
        w.WriteNumber("lock_contentions", Monitor.LockContentionCount);
        w.WriteEndObject();
    }

    private static string Mb(long bytes) => bytes >= 1 << 20 ? $"{bytes / 1048576.0:F1} MB" : $"{bytes / 1024.0:F1} KB";

    public void WriteJson(string path)
    {
        using var fs = File.Create(path);
        using var w = new Utf8JsonWriter(fs, new JsonWriterOptions { Indented = true });
        w.WriteStartObject();
        w.WriteNumber("documents", Documents);
        w.WriteNumber("cleaned", Cleaned);
        w.WriteNumber("empty", Empty);
        w.WriteNumber("errors", Errors);
        w.WriteNumber("skipped", Skipped);
        w.WriteNumber("bytes_in", BytesIn);
        w.WriteNumber("bytes_out", BytesOut);
        w.WriteNumber("text_chars", TextChars);
        w.WriteNumber("output_chars", OutputChars);
        w.WriteNumber("seconds", Math.Round(Seconds, 3));
        w.WriteNumber("docs_per_second", Math.Round(DocsPerSecond, 2));
        w.WriteNumber("peak_working_set_bytes", PeakWorkingSet());
        w.WriteNumber("abandoned_workers", Abandoned);
        WriteRuntime(w);
        w.WriteStartObject("removed_share_by_kind");
        foreach (var (kind, share) in RemovedShares()) w.WriteNumber(kind, Math.Round(share, 5));
        w.WriteEndObject();
        w.WriteStartObject("removed_chars_by_kind");
        foreach (var (kind, n) in RemovedCharsByKind.OrderByDescending(kv => kv.Value)) w.WriteNumber(kind, n);
        w.WriteEndObject();
        w.WriteStartObject("languages");
        foreach (var (lang, n) in Languages.OrderByDescending(kv => kv.Value)) w.WriteNumber(lang, n);
        w.WriteEndObject();
        w.WriteStartObject("errors_by_kind");
        foreach (var (kind, n) in ErrorsByKind.OrderByDescending(kv => kv.Value)) w.WriteNumber(kind, n);
        w.WriteEndObject();
        w.WriteEndObject();
    }
}

/// <summary>A one-line progress display on stderr (documents, rate, ETA when the input size is known), redrawn
/// a few times a second. Only used when stderr is a terminal.</summary>
public sealed class ProgressLine : IDisposable
{
    private readonly Func<(long Docs, long Bytes)> _read;
    private readonly long _totalBytes;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Timer _timer;
    private readonly object _lock = new();
    private bool _drawn, _disposed;

    public ProgressLine(Func<(long Docs, long Bytes)> read, long totalBytes)
    {
        _read = read;
        _totalBytes = totalBytes;
        _timer = new Timer(_ => Draw(), null, 250, 250);
    }

    private void Draw()
    {
        var (docs, bytes) = _read();
        double s = Math.Max(_clock.Elapsed.TotalSeconds, 1e-3);
        var line = $"{docs} docs  {docs / s:F1} docs/s  {bytes / 1048576.0 / s:F1} MB/s";
        if (_totalBytes > 0 && bytes > 0)
        {
            double done = Math.Min(1, (double)bytes / _totalBytes);
            const int width = 24;
            int filled = (int)(done * width);
            var eta = TimeSpan.FromSeconds(s / done - s);
            line = $"[{new string('#', filled)}{new string('.', width - filled)}] {100 * done:F0}%  {line}  ETA {eta:h\\:mm\\:ss}";
        }
        lock (_lock)
        {
            if (_disposed) return;
            Console.Error.Write("\r" + line + "\u001b[K");
            _drawn = true;
        }
    }

    /// <summary>Writes a message line above the progress line.</summary>
    public void Message(string text)
    {
        lock (_lock)
        {
            Console.Error.Write(_drawn ? "\r\u001b[K" + text + "\n" : text + "\n");
        }
    }

    public void Dispose()
    {
        _timer.Dispose();
        lock (_lock)
        {
            _disposed = true;
            if (_drawn) Console.Error.Write("\r\u001b[K");
        }
    }
}
