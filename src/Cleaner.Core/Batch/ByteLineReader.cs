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

    /// <summary>The next line without its '\n' (and a trailing '\r' kept), or null at the end. When the line is
    /// longer than <paramref name="maxBytes"/>, returns an empty array and sets <paramref name="tooLong"/>.</summary>
    public byte[]? ReadLine(long maxBytes, out bool tooLong)
    {
        tooLong = false;
        if (!Fill()) return null;
        var line = new MemoryStream();
        while (Fill())
        {
            int nl = Array.IndexOf(_buffer, (byte)'\n', _pos, _len - _pos);
            int end = nl < 0 ? _len : nl;
            int n = end - _pos;
            if (!tooLong && line.Length + n > maxBytes)
            {
                tooLong = true;
                line = new MemoryStream();
            }
            if (!tooLong) line.Write(_buffer, _pos, n);
            Position += n + (nl < 0 ? 0 : 1);
            _pos = nl < 0 ? _len : nl + 1;
            if (nl >= 0) break;
        }
        return tooLong ? [] : line.ToArray();
    }

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
