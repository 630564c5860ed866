using System.IO.Compression;
using System.Text.RegularExpressions;
using Cleaner.Cli.Commands;
using Cleaner.Cli.Inputs;
using Cleaner.Core.Batch;
using Cleaner.Core.Input;

namespace Cleaner.Cli.Batch;

public enum InputKind { Auto, Page, Jsonl, Warc }

/// <summary>One input of the command line after expansion: a file (or "-" for stdin) and its path relative to
/// the folder or glob it was found under (what an output folder mirrors).</summary>
public sealed record InputSource(string Path, string RelativePath, long Length, bool IsSingleFile);

/// <summary>Expands the command line (files, folders, globs, @lists, stdin) into sources, and sources into
/// batch items: a page file is one item; a JSONL or WARC file (gzipped or not) is one item per record.</summary>
public static class BatchInputs
{
    public static IEnumerable<InputSource> Expand(IEnumerable<string> inputs)
    {
        foreach (var input in inputs)
        {
            if (input == "-") { yield return new InputSource("-", "stdin", -1, true); continue; }
            if (input.StartsWith('@') && input.Length > 1 && !File.Exists(input))
            {
                // @list.txt: one path, folder or glob a line (relative to the current folder); no nested lists.
                var list = input[1..];
                if (!File.Exists(list)) { yield return new InputSource(list, Path.GetFileName(list), -1, true); continue; }
                foreach (var line in File.ReadLines(list))
                {
                    var entry = line.Trim();
                    if (entry.Length == 0 || entry.StartsWith('#')) continue;
                    foreach (var s in ExpandOne(entry)) yield return s with { IsSingleFile = false };
                }
                continue;
            }
            foreach (var s in ExpandOne(input)) yield return s;
        }
    }

    private static IEnumerable<InputSource> ExpandOne(string input)
    {
        if (Directory.Exists(input))
        {
            foreach (var f in Directory.EnumerateFiles(input, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                var rel = Path.GetRelativePath(input, f).Replace(Path.DirectorySeparatorChar, '/');
                if (rel.Split('/').Any(seg => seg.StartsWith('.'))) continue; // hidden files and folders
                yield return new InputSource(f, rel, LengthOf(f), false);
            }
            yield break;
        }
        if (!File.Exists(input) && IsGlob(input))
        {
            var (root, pattern) = SplitGlob(input);
            if (!Directory.Exists(root)) yield break;
            var regex = GlobRegex(pattern);
            foreach (var f in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                var rel = Path.GetRelativePath(root, f).Replace(Path.DirectorySeparatorChar, '/'); // a '\\' in a Unix file name is a character, not a separator
                if (regex.IsMatch(rel)) yield return new InputSource(f, rel, LengthOf(f), false);
            }
            yield break;
        }
        yield return new InputSource(input, Path.GetFileName(input), LengthOf(input), true);
    }

    private static long LengthOf(string path)
    {
        try { return new FileInfo(path).Length; } catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return -1; }
    }

    public static bool IsGlob(string s) => s.IndexOfAny(['*', '?', '[']) >= 0;

    /// <summary>"corpus/**/*.html" → ("corpus", "**/*.html"): the fixed folder before the first wildcard segment.</summary>
    private static (string Root, string Pattern) SplitGlob(string glob)
    {
        var parts = glob.Replace('\\', '/').Split('/');
        int first = Array.FindIndex(parts, IsGlob);
        var root = string.Join('/', parts[..first]);
        if (root.Length == 0) root = glob.StartsWith('/') ? "/" : ".";
        return (root, string.Join('/', parts[first..]));
    }

    /// <summary>A glob as a regex over '/'-separated relative paths: '**' any folders, '*' and '?' within a name.</summary>
    public static Regex GlobRegex(string pattern)
    {
        var sb = new System.Text.StringBuilder("^");
        for (int i = 0; i < pattern.Length; i++)
        {
            char c = pattern[i];
            if (c == '*' && i + 1 < pattern.Length && pattern[i + 1] == '*')
            {
                bool slash = i + 2 < pattern.Length && pattern[i + 2] == '/';
                sb.Append(slash ? "(?:.*/)?" : ".*");
                i += slash ? 2 : 1;
            }
            else if (c == '*') sb.Append("[^/]*");
            else if (c == '?') sb.Append("[^/]");
            else if (c == '[')
            {
                int close = pattern.IndexOf(']', i + 1);
                if (close < 0) { sb.Append(@"\["); continue; }
                var set = pattern[(i + 1)..close];
                sb.Append('[').Append(set.StartsWith('!') ? "^" + Regex.Escape(set[1..]) : Regex.Escape(set)).Append(']');
                i = close;
            }
            else sb.Append(Regex.Escape(c.ToString()));
        }
        return new Regex(sb.Append('$').ToString(), RegexOptions.NonBacktracking | RegexOptions.CultureInvariant);
    }

    /// <summary>The kind of a file from its name (the user's --input-format wins): .jsonl/.ndjson, .warc, else a page.</summary>
    public static InputKind KindOf(string path, InputKind forced)
    {
        if (forced != InputKind.Auto) return forced;
        var name = path.ToLowerInvariant();
        if (name.EndsWith(".gz")) name = name[..^3];
        if (name.EndsWith(".jsonl") || name.EndsWith(".ndjson")) return InputKind.Jsonl;
        if (name.EndsWith(".warc") || name.EndsWith(".arc")) return InputKind.Warc;
        return path == "-" ? InputKind.Auto : InputKind.Page;
    }

    /// <summary>Output name of a page file: its relative path without the known extensions, '/'-separated.</summary>
    public static string StripExtensions(string relativePath)
    {
        int slash = relativePath.LastIndexOf('/');
        var dir = slash >= 0 ? relativePath[..(slash + 1)] : "";
        var name = relativePath[(slash + 1)..];
        foreach (var ext in (string[])[".jsonl.gz", ".ndjson.gz", ".warc.gz", ".jsonl", ".ndjson", ".warc"])
            if (name.EndsWith(ext, StringComparison.OrdinalIgnoreCase) && name.Length > ext.Length) return dir + name[..^ext.Length];
        return dir + InputDocument.IdFromPath(name);
    }

    public static IEnumerable<BatchItem> Items(InputSource source, InputKind forced, JsonlFields fields, long maxBytes)
    {
        var kind = KindOf(source.Path, forced);
        if (kind == InputKind.Page)
        {
            yield return PageItem(source, maxBytes);
            yield break;
        }
        Stream stream;
        byte[] start;
        try
        {
            stream = OpenContainer(source.Path, out start);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stream = Stream.Null;
            start = [];
            if (e is FileNotFoundException or DirectoryNotFoundException) start = [0];
        }
        if (stream == Stream.Null)
        {
            var why = start.Length > 0 ? "no such file or directory" : "cannot read";
            yield return BatchItem.Failed(InputDocument.IdFromPath(source.Path), source.Path,
                new UnreadableInputException($"{source.Path}: {why}"));
            yield break;
        }
        if (kind == InputKind.Auto) kind = WarcSource.LooksLikeWarc(start) ? InputKind.Warc : InputKind.Page;
        if (kind == InputKind.Page)
        {
            // stdin holding one page: read it whole, as the single-document mode does.
            using var ms = new MemoryStream();
            using (stream) stream.CopyTo(ms);
            var doc = InputDocument.FromBytes("stdin", ms.ToArray(), "stdin");
            yield return new BatchItem { Id = "stdin", Source = "stdin", Load = () => doc, Bytes = ms.Length, RelativePath = "stdin" };
            yield break;
        }
        using (stream)
        {
            var name = source.Path == "-" ? "stdin" : source.Path;
            var records = kind == InputKind.Jsonl ? JsonlSource.Read(stream, name, fields, maxBytes) : WarcSource.Read(stream, name, maxBytes);
            var folder = source.Path == "-" ? "" : StripExtensions(source.RelativePath) + "/";
            foreach (var item in records)
            {
                item.RelativePath = folder + CleanCommand.SafeFileName(item.Id); // an id is one file name, whatever its slashes
                yield return item;
            }
        }
    }

    private static BatchItem PageItem(InputSource source, long maxBytes)
    {
        var path = source.Path;
        var id = path == "-" ? "stdin" : InputDocument.IdFromPath(path);
        return new BatchItem
        {
            Id = id, Source = path == "-" ? "stdin" : path, Bytes = Math.Max(0, source.Length),
            RelativePath = path == "-" ? "stdin" : StripExtensions(source.RelativePath),
            Load = () =>
            {
                if (source.Length > maxBytes)
                    throw new InputTooLargeException($"{path}: {source.Length} bytes, over the limit of {maxBytes} (--max-bytes)");
                return InputResolver.Load(path, maxBytes);
            },
        };
    }

    /// <summary>Opens a file or stdin, gunzipping when it starts with the gzip magic bytes (a concatenation of gzip
    /// members, as Common Crawl writes WARC files, reads as one stream). <paramref name="start"/>: its first bytes.</summary>
    public static Stream OpenContainer(string path, out byte[] start)
    {
        if (path == "-" && _stdin is { } peeked)
        {
            // stdin was peeked at already (StdinIsWarc): hand out that stream, once.
            _stdin = null;
            start = peeked.Start;
            return peeked.Stream;
        }
        Stream raw = path == "-" ? Console.OpenStandardInput() : new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        var head = ReadUpTo(raw, 2);
        Stream s = new PrefixedStream(head, raw);
        if (Gzip.IsGzip(head)) s = new GZipStream(s, CompressionMode.Decompress);
        start = ReadUpTo(s, 8);
        return new PrefixedStream(start, s);
    }

    private static (Stream Stream, byte[] Start)? _stdin;
    private static bool? _stdinIsWarc;

    /// <summary>stdin given without --input-format is a WARC stream when it starts with "WARC/" (after gunzip).
    /// The peeked stream is kept for the next <see cref="OpenContainer"/> of "-".</summary>
    public static bool StdinIsWarc()
    {
        if (_stdinIsWarc is { } known) return known;
        var stream = OpenContainer("-", out var start);
        _stdin = (stream, start);
        return (_stdinIsWarc = WarcSource.LooksLikeWarc(start)).Value;
    }

    private static byte[] ReadUpTo(Stream s, int n)
    {
        var buf = new byte[n];
        int got = 0, r;
        while (got < n && (r = s.Read(buf, got, n - got)) > 0) got += r;
        return got == n ? buf : buf[..got];
    }
}

/// <summary>A stream that first returns some already-read bytes, then the rest of an inner stream (peeking stdin).</summary>
public sealed class PrefixedStream(byte[] prefix, Stream inner) : Stream
{
    private int _pos;
    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override int Read(byte[] buffer, int offset, int count)
    {
        if (_pos < prefix.Length)
        {
            int n = Math.Min(count, prefix.Length - _pos);
            Buffer.BlockCopy(prefix, _pos, buffer, offset, n);
            _pos += n;
            return n;
        }
        return inner.Read(buffer, offset, count);
    }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    protected override void Dispose(bool disposing)
    {
        if (disposing) inner.Dispose();
        base.Dispose(disposing);
    }
}
