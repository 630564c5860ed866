using System.Text;
using Cleaner.Core.Input;
using Cleaner.Core.Model;

namespace Cleaner.Core.Batch;

/// <summary>Reads WARC files (as Common Crawl publishes them; gunzip the stream first): every HTTP response
/// record with a 2xx status and an HTML payload is one document, id = WARC-Record-ID, url = WARC-Target-URI,
/// charset from the HTTP Content-Type header. Other records (request, metadata, images, redirects) are skipped.</summary>
public static class WarcSource
{
    /// <summary>HTTP headers larger than this are not a web page's.</summary>
    private const int MaxHttpHeader = 64 * 1024;

    public static bool LooksLikeWarc(ReadOnlySpan<byte> start) => start.StartsWith("WARC/"u8);

    public static IEnumerable<BatchItem> Read(Stream stream, string sourceName, long maxBytes)
    {
        var reader = new ByteLineReader(stream);
        bool atVersionLine = false; // true after a resync consumed the next record's "WARC/1.x" line
        while (true)
        {
            long start = reader.Position;
            if (!atVersionLine)
            {
                // Skip blank lines between records, then the version line.
                byte[]? line;
                do line = reader.ReadLine(4096, out _); while (line != null && Trim(line).Length == 0);
                if (line == null) yield break;
                if (!Trim(line).StartsWith("WARC/"u8))
                {
                    // A corrupt record costs itself only: the reader resyncs on the next record header.
                    yield return BatchItem.Failed($"{Path.GetFileName(sourceName)}@{start}", sourceName,
                        new BatchInputException("invalid-warc", "expected a WARC record header; skipped to the next record"));
                    if (!(atVersionLine = SkipToNextRecord(reader))) yield break;
                    continue;
                }
            }
            atVersionLine = false;
            var headers = ReadHeaders(reader);
            long length = long.TryParse(headers.GetValueOrDefault("content-length"), out var l) ? l : -1;
            if (length < 0)
            {
                yield return BatchItem.Failed($"{Path.GetFileName(sourceName)}@{start}", sourceName,
                    new BatchInputException("invalid-warc", "WARC record without a valid Content-Length; skipped to the next record"));
                if (!(atVersionLine = SkipToNextRecord(reader))) yield break;
                continue;
            }
            var type = headers.GetValueOrDefault("warc-type");
            var contentType = headers.GetValueOrDefault("content-type") ?? "";
            if (type != "response" || !contentType.Contains("application/http", StringComparison.OrdinalIgnoreCase))
            {
                reader.Skip(length);
                continue;
            }
            var id = headers.GetValueOrDefault("warc-record-id")?.Trim('<', '>') ?? $"{Path.GetFileName(sourceName)}@{start}";
            var url = headers.GetValueOrDefault("warc-target-uri")?.Trim('<', '>');
            var source = url ?? sourceName;

            // The HTTP head decides whether this is an HTML page before the payload is read.
            long readNow = Math.Min(length, maxBytes + MaxHttpHeader);
            var block = reader.ReadBytes((int)Math.Min(readNow, int.MaxValue));
            reader.Skip(length - block.Length);
            var item = FromHttpResponse(block, id, url, source, truncated: block.Length < length, length, maxBytes);
            if (item != null) yield return item;
        }
    }

    private static BatchItem? FromHttpResponse(byte[] block, string id, string? url, string source, bool truncated, long length, long maxBytes)
    {
        int headEnd = IndexOf(block, "\r\n\r\n"u8, out int sepLen);
        if (headEnd < 0) headEnd = IndexOf(block, "\n\n"u8, out sepLen);
        if (headEnd < 0 || headEnd > MaxHttpHeader) return null;
        var head = Encoding.Latin1.GetString(block, 0, headEnd).Split('\n');
        var status = head[0].Split(' ', 3, StringSplitOptions.RemoveEmptyEntries);
        if (status.Length < 2 || !status[1].StartsWith('2')) return null;
        string? contentType = null, transferEncoding = null;
        foreach (var h in head.Skip(1))
        {
            int colon = h.IndexOf(':');
            if (colon <= 0) continue;
            var name = h[..colon].Trim();
            var value = h[(colon + 1)..].Trim();
            if (name.Equals("content-type", StringComparison.OrdinalIgnoreCase)) contentType = value;
            else if (name.Equals("transfer-encoding", StringComparison.OrdinalIgnoreCase)) transferEncoding = value;
        }
        if (contentType != null && !contentType.Contains("html", StringComparison.OrdinalIgnoreCase)) return null;
        if (truncated)
            return BatchItem.Failed(id, source, new InputTooLargeException($"WARC record of {length} bytes is over the limit (--max-bytes {maxBytes})"), length);
        var payload = block[(headEnd + sepLen)..];
        if (transferEncoding != null && transferEncoding.Contains("chunked", StringComparison.OrdinalIgnoreCase))
            payload = Dechunk(payload);
        var doc = new InputDocument
        {
            Id = id, Url = url, Source = source, Bytes = payload, Format = InputFormat.Html,
            DeclaredCharset = CharsetOf(contentType),
        };
        return new BatchItem { Id = id, Url = url, Source = source, Bytes = length, Load = () => doc };
    }

    /// <summary>Reads up to and including the next "WARC/1.x" version line; false at the end of the stream.</summary>
    private static bool SkipToNextRecord(ByteLineReader reader)
    {
        byte[]? line;
        while ((line = reader.ReadLine(4096, out _)) != null)
            if (line.AsSpan().StartsWith("WARC/1."u8) || line.AsSpan().StartsWith("WARC/0."u8)) return true;
        return false;
    }

    public static string? CharsetOf(string? contentType)
    {
        if (contentType == null) return null;
        foreach (var part in contentType.Split(';'))
        {
            var p = part.Trim();
            if (p.StartsWith("charset=", StringComparison.OrdinalIgnoreCase))
                return p["charset=".Length..].Trim('"', '\'', ' ') is { Length: > 0 } cs ? cs : null;
        }
        return null;
    }

    private static Dictionary<string, string> ReadHeaders(ByteLineReader reader)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        byte[]? line;
        while ((line = reader.ReadLine(MaxHttpHeader, out _)) != null)
        {
            var text = Encoding.UTF8.GetString(Trim(line));
            if (text.Length == 0) break;
            int colon = text.IndexOf(':');
            if (colon > 0) headers[text[..colon].Trim().ToLowerInvariant()] = text[(colon + 1)..].Trim();
        }
        return headers;
    }

    private static ReadOnlySpan<byte> Trim(byte[] line) => line.AsSpan().TrimEnd("\r\n "u8);

    private static int IndexOf(byte[] data, ReadOnlySpan<byte> pattern, out int length)
    {
        length = pattern.Length;
        return data.AsSpan().IndexOf(pattern);
    }

    /// <summary>Undoes HTTP chunked transfer coding; stops at a malformed chunk size with what it has.</summary>
    private static byte[] Dechunk(byte[] body)
    {
        using var output = new MemoryStream(body.Length);
        int pos = 0;
        while (pos < body.Length)
        {
            int eol = body.AsSpan(pos).IndexOf("\r\n"u8);
            if (eol < 0) break;
            var sizeText = Encoding.Latin1.GetString(body, pos, eol).Split(';')[0].Trim();
            if (!int.TryParse(sizeText, System.Globalization.NumberStyles.HexNumber, null, out int size) || size < 0)
            {
                if (output.Length == 0) return body; // the header said chunked but the payload is not (already de-chunked)
                break;
            }
            pos += eol + 2;
            if (size == 0) break;
            size = Math.Min(size, body.Length - pos);
            output.Write(body, pos, size);
            pos += size + 2;
        }
        return output.ToArray();
    }
}
