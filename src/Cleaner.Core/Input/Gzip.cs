using System.IO.Compression;

namespace Cleaner.Core.Input;

public static class Gzip
{
    public static bool IsGzip(ReadOnlySpan<byte> bytes) => bytes.Length >= 2 && bytes[0] == 0x1f && bytes[1] == 0x8b;

    /// <summary>Decompresses, refusing to expand past <paramref name="maxBytes"/> (a gzip bomb is an error, not an OOM).</summary>
    public static byte[] Decompress(byte[] bytes, long maxBytes)
    {
        using var input = new MemoryStream(bytes, writable: false);
        using var gz = new GZipStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        var buffer = new byte[81920];
        int n;
        try
        {
            while ((n = gz.Read(buffer, 0, buffer.Length)) > 0)
            {
                if (output.Length + n > maxBytes)
                    throw new InputTooLargeException($"gzip content expands past the limit of {maxBytes} bytes");
                output.Write(buffer, 0, n);
            }
        }
        catch (InvalidDataException e)
        {
            throw new UnreadableInputException("corrupt or truncated gzip data: " + e.Message, e);
        }
        catch (EndOfStreamException e)
        {
            throw new UnreadableInputException("truncated gzip data", e);
        }
        if (LooksTruncated(bytes, output.Length))
            throw new UnreadableInputException($"truncated gzip data ({bytes.Length} bytes compressed, {output.Length} decompressed, which the gzip trailer contradicts)");
        return output.ToArray();
    }

    /// <summary>GZipStream stops quietly at the end of a truncated stream, so the trailer is checked: its last four bytes
    /// are the uncompressed size mod 2^32. A file of several gzip members only states the last member's size, so the
    /// check is skipped when another member header follows the first.</summary>
    private static bool LooksTruncated(byte[] bytes, long decompressed)
    {
        if (bytes.Length < 18) return true;
        uint isize = System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(bytes.Length - 4));
        if (isize == (uint)decompressed) return false;
        return bytes.AsSpan(10).IndexOf([(byte)0x1f, (byte)0x8b, (byte)0x08]) < 0;
    }
}

/// <summary>Input that cannot be cleaned at all (exit code 2 / an error record).</summary>
public class UnreadableInputException(string message, Exception? inner = null) : Exception(message, inner)
{
    public virtual string Kind => "unreadable-input";
}

public sealed class InputTooLargeException(string message) : UnreadableInputException(message)
{
    public override string Kind => "too-large";
}
