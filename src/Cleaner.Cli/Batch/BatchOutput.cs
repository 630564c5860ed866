using System.Text;
using Cleaner.Cli.Commands;
using Cleaner.Core.Batch;
using Cleaner.Core.Output;

namespace Cleaner.Cli.Batch;

/// <summary>Where batch results go, in input order.</summary>
public interface IBatchSink : IDisposable
{
    /// <summary>Writes one document's output (UTF-8); returns the bytes written.</summary>
    long Write(BatchItem item, byte[] content);
    void Flush();
}

/// <summary>One stream (stdout or -o FILE): records one after the other. Flushed about once a second so that a
/// killed run loses little and --resume has a file to continue.</summary>
public sealed class StreamSink(Stream stream) : IBatchSink
{
    private readonly BufferedStream _writer = new(stream, 1 << 16);
    private long _lastFlush = Environment.TickCount64;

    public long Write(BatchItem item, byte[] content)
    {
        _writer.Write(content);
        if (Environment.TickCount64 - _lastFlush > 1000) Flush();
        return content.Length;
    }

    public void Flush()
    {
        _writer.Flush();
        _lastFlush = Environment.TickCount64;
    }

    public void Dispose() => _writer.Dispose();
}

/// <summary>-o DIR: one file per document, mirroring the input tree, written atomically (temp file, then rename).
/// Every path segment is made a safe file name and the result is checked to stay inside DIR, whatever the ids
/// or URLs contain.</summary>
public sealed class FolderSink(string root, string extension, bool resumed = false) : IBatchSink
{
    private readonly string _root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
    private readonly HashSet<string> _used = new(StringComparer.OrdinalIgnoreCase);

    public string Extension { get; } = extension;

    /// <summary>The file a document goes to (deterministic in input order, so --resume finds the same names).
    /// A name already used in this run gets "-2", "-3"….</summary>
    public string Assign(BatchItem item)
    {
        var segments = item.RelativePath.Split('/').Where(s => s.Length > 0).Select(CleanCommand.SafeFileName).ToList();
        if (segments.Count == 0) segments.Add(CleanCommand.SafeFileName(item.Id));
        if (segments.Count > 32) segments = [.. segments[..31], string.Join("_", segments[31..])];
        var baseName = Path.Combine([_root, .. segments]);
        var path = baseName + Extension;
        for (int n = 2; !_used.Add(path); n++) path = $"{baseName}-{n}{Extension}";
        var full = Path.GetFullPath(path);
        if (!full.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw new InvalidOperationException($"output path escapes the output folder: {full}");
        return full;
    }

    public long Write(BatchItem item, byte[] bytes)
    {
        var final = item.OutputPath ?? throw new InvalidOperationException("no output path assigned");
        // A document that failed in an earlier (resumed) run and succeeds now leaves no stale error file.
        if (_hadErrorFiles) File.Delete(ErrorPath(final));
        return WriteAtomically(final, bytes);
    }

    /// <summary>A failed document's error record, as JSON beside where its output would be ("name.error.json"),
    /// so that -o DIR loses no document whatever the format. --resume skips only documents with an output, so
    /// failed ones are tried again.</summary>
    public long WriteError(BatchItem item, byte[] record)
    {
        var final = item.OutputPath ?? throw new InvalidOperationException("no output path assigned");
        _hadErrorFiles = true;
        return WriteAtomically(ErrorPath(final), record);
    }

    private bool _hadErrorFiles = resumed;

    private string ErrorPath(string outputPath) => outputPath[..^Extension.Length] + ".error.json";

    private static long WriteAtomically(string final, byte[] bytes)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(final)!);
        var temp = Path.Combine(Path.GetDirectoryName(final)!, "." + Path.GetFileName(final) + ".tmp-" + Environment.ProcessId);
        File.WriteAllBytes(temp, bytes);
        File.Move(temp, final, overwrite: true);
        return bytes.Length;
    }

    public void Flush() { }
    public void Dispose() { }
}

/// <summary>--resume for a JSONL output file: counts the complete records already written, cuts a truncated
/// last line (a kill -9 mid-write), and tells how many input documents to skip.</summary>
public static class JsonlResume
{
    public sealed record State(long Done, string? LastId);

    public static State Prepare(string path)
    {
        if (!File.Exists(path)) return new State(0, null);
        using var fs = new FileStream(path, FileMode.Open, FileAccess.ReadWrite);
        long lines = 0, lastEnd = 0, prevEnd = 0, pos = 0;
        var buf = new byte[1 << 16];
        int n;
        while ((n = fs.Read(buf, 0, buf.Length)) > 0)
        {
            for (int i = 0; i < n; i++)
            {
                if (buf[i] != (byte)'\n') continue;
                lines++;
                prevEnd = lastEnd;
                lastEnd = pos + i + 1;
            }
            pos += n;
        }
        // The last complete line must be a whole record; a kill can leave a line cut anywhere, even after '\n'
        // of a partial buffer, so check it parses and drop it if it does not.
        string? lastId = null;
        while (lines > 0)
        {
            fs.Position = prevEnd;
            var last = new byte[lastEnd - prevEnd];
            fs.ReadExactly(last);
            try
            {
                using var doc = System.Text.Json.JsonDocument.Parse(last);
                lastId = doc.RootElement.TryGetProperty("id", out var id) ? id.GetString() : null;
                break;
            }
            catch (System.Text.Json.JsonException)
            {
                lines--;
                lastEnd = prevEnd;
                prevEnd = FindPreviousLineStart(fs, prevEnd);
            }
        }
        if (fs.Length != lastEnd) fs.SetLength(lastEnd);
        return new State(lines, lastId);
    }

    private static long FindPreviousLineStart(FileStream fs, long end)
    {
        // Walk back from the '\n' ending the previous line to the one before it.
        long p = end - 1;
        var one = new byte[1];
        while (p > 0)
        {
            fs.Position = p - 1;
            fs.ReadExactly(one);
            if (one[0] == (byte)'\n') return p;
            p--;
        }
        return 0;
    }
}
