namespace Cleaner.Core.Input;

/// <summary>Tells binary data (a NUL-filled file, an image, random bytes) from text after decoding, so it is
/// refused with a clear error instead of being "cleaned" into garbage.</summary>
public static class BinarySniffer
{
    /// <summary>Share of C0 control characters (other than tab, newline, form feed, carriage return) above which
    /// decoded text is binary. Random bytes give about 10%; real pages, even with a few stray bytes, almost none.</summary>
    public const double MaxControlShare = 0.03;

    /// <summary>The characters counted: C0 controls other than whitespace, and DEL.</summary>
    private static readonly System.Buffers.SearchValues<char> ControlChars = System.Buffers.SearchValues.Create(
        Enumerable.Range(0, 0x20).Where(c => c is not ('\t' or '\n' or '\r' or '\f' or '\v')).Select(c => (char)c).Append('\x7f').ToArray());

    public static bool LooksBinary(string text)
    {
        int n = Math.Min(text.Length, 64 * 1024), control = 0;
        if (n == 0) return false;
        if (!text.AsSpan(0, n).ContainsAny(ControlChars)) return false; // most text: one vectorised pass
        for (int i = 0; i < n; i++)
        {
            char c = text[i];
            if (c < 0x20 && c is not ('\t' or '\n' or '\r' or '\f' or '\v') || c == '\x7f') control++;
        }
        return control > n * MaxControlShare;
    }
}

/// <summary>Input that decodes to binary data rather than text.</summary>
public sealed class BinaryInputException(string message) : UnreadableInputException(message)
{
    public override string Kind => "binary";
}
