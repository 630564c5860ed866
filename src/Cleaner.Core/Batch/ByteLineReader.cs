namespace Cleaner.Core.Batch;

/// <summary>Reads '\n'-terminated lines of bytes from a stream with a cap on line length: a line past the cap
/// is skipped to its end and reported, never held whole in memory. Also reads and skips exact byte counts
/// (WARC record blocks).</summary>
public sealed class ByteLineReader(Stream stream, int bufferSize = 1 << 16)
{
    private readonly byte[] _buffer = new byte[bufferSize];
    private int _pos, _len;

    /// <summary>Bytes consumed so far (progress).</summary>
    public long Position { get; private set; }

    private bool Fill()
    {
        if (_pos < _len) return true;
        _len = stream.Read(_buffer, 0, _buffer.Length);
        _pos = 0;
        return _len > 0;
    }

    // One line buffer reused for every line (a new one per line churned the large-object heap on big records).
    private byte[] _line = new byte[1 << 16];

    /// <summary>The next line without its '\n' (a trailing '\r' kept), valid until the next call; false at the end.
    /// A line longer than <paramref name="maxBytes"/> is skipped to its end and comes back empty with
    /// <paramref name="tooLong"/> set.</summary>
    public bool TryReadLine(long maxBytes, out ReadOnlyMemory<byte> line, out bool tooLong)
    {
        tooLong = false;
        line = default;
        if (!Fill()) return false;
        int length = 0;
        while (Fill())
        {
            int nl = Array.IndexOf(_buffer, (byte)'\n', _pos, _len - _pos);
            int end = nl < 0 ? _len : nl;
            int n = end - _pos;
            if (!tooLong && (long)length + n > maxBytes) tooLong = true;
            if (!tooLong)
            {
                if (length + n > _line.Length) Array.Resize(ref _line, Math.Max(length + n, _line.Length * 2));
                Buffer.BlockCopy(_buffer, _pos, _line, length, n);
                length += n;
            }
            Position += n + (nl < 0 ? 0 : 1);
            _pos = nl < 0 ? _len : nl + 1;
            if (nl >= 0) break;
        }
        line = tooLong ? ReadOnlyMemory<byte>.Empty : _line.AsMemory(0, length);
        if (_line.Length > 1 << 22 && length < 1 << 20) _line = new byte[1 << 16]; // do not keep a huge buffer for small lines
        return true;
    }

    /// <summary>The next line as a new array (see <see cref="TryReadLine"/>), or null at the end.</summary>
    public byte[]? ReadLine(long maxBytes, out bool tooLong) =>
        TryReadLine(maxBytes, out var line, out tooLong) ? line.ToArray() : null;

    /// <summary>Reads exactly <paramref name="count"/> bytes (fewer at the end of the stream).</summary>
    public byte[] ReadBytes(int count)
    {
        var result = new byte[count];
        int got = 0;
        while (got < count && Fill())
        {
            int n = Math.Min(count - got, _len - _pos);
            Buffer.BlockCopy(_buffer, _pos, result, got, n);
            _pos += n;
            got += n;
            Position += n;
        }
        return got == count ? result : result[..got];
    }

    public void Skip(long count)
    {
        while (count > 0 && Fill())
        {
            int n = (int)Math.Min(count, _len - _pos);
            _pos += n;
            count -= n;
            Position += n;
        }
    }
}
