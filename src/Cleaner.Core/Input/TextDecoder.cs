using System.Text;
using System.Text.RegularExpressions;

namespace Cleaner.Core.Input;

/// <summary>Bytes to text: BOM, then the declared charset (HTTP header, then meta/http-equiv for HTML),
/// then UTF-8 if valid, then statistical detection (UTF.Unknown). Invalid bytes become U+FFFD, never an exception.</summary>
public static class TextDecoder
{
    static TextDecoder() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static readonly Regex MetaCharset = new(
        @"<meta[^>]{0,300}?charset\s*=\s*[""']?\s*([A-Za-z0-9_\-:.]{2,40})",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);

    public sealed record Decoded(string Text, string EncodingName, string How);

    public static Decoded Decode(byte[] bytes, string? declaredCharset = null)
    {
        // 1. BOM
        if (bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF)
            return new(Utf8(bytes.AsSpan(3)), "utf-8", "bom");
        if (bytes.Length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE)
            return new(Encoding.Unicode.GetString(bytes, 2, (bytes.Length - 2) & ~1), "utf-16le", "bom");
        if (bytes.Length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF)
            return new(Encoding.BigEndianUnicode.GetString(bytes, 2, (bytes.Length - 2) & ~1), "utf-16be", "bom");

        // 2. UTF-16 without BOM: many NULs at alternating positions of ASCII text.
        var utf16 = SniffUtf16(bytes);
        if (utf16 != null)
            return new(utf16.GetString(bytes, 0, bytes.Length & ~1), utf16.WebName, "utf16-pattern");

        // 3. Declared charset: outside (HTTP) first, then in the document head.
        var declared = declaredCharset ?? FindMetaCharset(bytes);
        if (declared != null && GetEncoding(declared) is { } enc)
        {
            if (enc.CodePage == 65001)
            {
                if (ValidUtf8(bytes) is { } text) return new(text, enc.WebName, "declared");
                var guess = Detect(bytes);
                if (guess != null && guess.CodePage != 65001 && InvalidUtf8Share(bytes) > 0.3)
                    return new(guess.GetString(bytes), guess.WebName, "detected-over-declared");
                return new(Utf8(bytes), enc.WebName, "declared");
            }
            // A page that declares a legacy charset but is valid non-ASCII UTF-8 is UTF-8 in practice.
            if (HasNonAscii(bytes) && ValidUtf8(bytes) is { } utf8) return new(utf8, "utf-8", "valid-utf8-over-declared");
            return new(enc.GetString(bytes), enc.WebName, "declared");
        }

        // 4. Valid UTF-8, else detection.
        if (ValidUtf8(bytes) is { } valid) return new(valid, "utf-8", "utf8-valid");
        var detected = Detect(bytes) ?? Encoding.GetEncoding(1252);
        return new(detected.GetString(bytes), detected.WebName, "detected");
    }

    /// <summary>Unpaired UTF-16 surrogates (odd-length UTF-16, "\ud800" in a JSON field) and the noncharacters
    /// U+FFFE/U+FFFF (a byte-swapped BOM) become U+FFFD: Unicode normalisation throws on them. Returns the same string
    /// when there are none.</summary>
    public static string ReplaceInvalidUnicode(string text)
    {
        // Most text has no character from U+D800 up: one vectorised search, and the check starts where one is.
        int first = text.AsSpan().IndexOfAnyInRange('\uD800', '\uFFFF');
        if (first < 0) return text;
        char[]? copy = null;
        for (int i = first; i < text.Length; i++)
        {
            char c = text[i];
            if (c < '\uD800') continue;
            if (c is '\uFFFE' or '\uFFFF') { (copy ??= text.ToCharArray())[i] = '\uFFFD'; continue; }
            if (!char.IsSurrogate(c)) continue;
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) { i++; continue; }
            (copy ??= text.ToCharArray())[i] = '\uFFFD';
        }
        return copy == null ? text : new string(copy);
    }

    public static Encoding? GetEncoding(string name)
    {
        name = name.Trim().Trim('"', '\'').ToLowerInvariant();
        // Browsers treat latin-1 as windows-1252 (WHATWG encoding spec); so do we.
        if (name is "iso-8859-1" or "latin1" or "latin-1" or "iso8859-1" or "us-ascii" or "ascii") name = "windows-1252";
        if (name is "utf8") name = "utf-8";
        if (name is "gb2312" or "gbk") name = "gb18030";
        // UTF-7 is disabled in .NET (and banned on the web): a page declaring it is decoded as if it declared nothing.
        try { return Encoding.GetEncoding(name) is { CodePage: not 65000 } e ? e : null; }
        catch (Exception e) when (e is ArgumentException or NotSupportedException) { return null; }
    }

    private static string Utf8(ReadOnlySpan<byte> bytes) => Encoding.UTF8.GetString(bytes);

    /// <summary>The text of <paramref name="bytes"/> if they are valid UTF-8, else null. Checking and then decoding
    /// read the bytes three times (the check, the decoder's count of chars, the decoding): this decodes into a
    /// pooled buffer, which checks as it goes, and copies the result once.</summary>
    private static string? ValidUtf8(ReadOnlySpan<byte> bytes)
    {
        // A huge document is not worth a pooled buffer of its size (the pool would keep it).
        if (bytes.Length > 1 << 20) return IsValidUtf8(bytes) ? Utf8(bytes) : null;
        var buffer = System.Buffers.ArrayPool<char>.Shared.Rent(Math.Max(bytes.Length, 1)); // UTF-16 needs at most a char a byte
        var status = System.Text.Unicode.Utf8.ToUtf16(bytes, buffer, out _, out int written, replaceInvalidSequences: false);
        var text = status == System.Buffers.OperationStatus.Done ? new string(buffer, 0, written) : null;
        System.Buffers.ArrayPool<char>.Shared.Return(buffer);
        return text;
    }

    private static string? FindMetaCharset(byte[] bytes)
    {
        // Most documents declare no charset (every text dump): a search of the bytes (a tag, then the word) spares
        // them a string of the head and the regex.
        var headBytes = bytes.AsSpan(0, Math.Min(bytes.Length, 4096));
        if (!headBytes.Contains((byte)'<') || !ContainsCharsetWord(headBytes)) return null;
        var head = Encoding.Latin1.GetString(bytes, 0, Math.Min(bytes.Length, 4096));
        var m = MetaCharset.Match(head);
        return m.Success ? m.Groups[1].Value : null;
    }

    /// <summary>"charset" in any case, as the regex would find it (Latin-1 maps bytes to chars one to one, and
    /// no other Latin-1 letter matches one of these ignoring case).</summary>
    private static bool ContainsCharsetWord(ReadOnlySpan<byte> head)
    {
        for (int i = head.IndexOfAny((byte)'c', (byte)'C'); i >= 0 && i + 7 <= head.Length;)
        {
            if (System.Text.Ascii.EqualsIgnoreCase(head.Slice(i, 7), "charset"u8)) return true;
            int next = head[(i + 1)..].IndexOfAny((byte)'c', (byte)'C');
            i = next < 0 ? -1 : i + 1 + next;
        }
        return false;
    }

    private static Encoding? Detect(byte[] bytes)
    {
        try
        {
            var sample = bytes.Length > 256 * 1024 ? bytes.AsSpan(0, 256 * 1024).ToArray() : bytes;
            var result = UtfUnknown.CharsetDetector.DetectFromBytes(sample);
            var name = result.Detected?.EncodingName;
            return name == null ? null : GetEncoding(name);
        }
        catch (Exception)
        {
            return null;
        }
    }

    private static bool HasNonAscii(byte[] bytes)
    {
        foreach (var b in bytes) if (b >= 0x80) return true;
        return false;
    }

    public static bool IsValidUtf8(ReadOnlySpan<byte> bytes) => System.Text.Unicode.Utf8.IsValid(bytes);

    private static double InvalidUtf8Share(byte[] bytes)
    {
        var s = Encoding.UTF8.GetString(bytes);
        int bad = 0, nonAscii = 0;
        foreach (var c in s)
        {
            if (c == '\uFFFD') bad++;
            if (c >= 0x80) nonAscii++;
        }
        return nonAscii == 0 ? 0 : (double)bad / nonAscii;
    }

    private static Encoding? SniffUtf16(byte[] bytes)
    {
        int n = Math.Min(bytes.Length & ~1, 2048);
        if (n < 8) return null;
        if (!bytes.AsSpan(0, n).Contains((byte)0)) return null; // one vectorised test for all but UTF-16
        int evenZero = 0, oddZero = 0;
        for (int i = 0; i < n; i += 2)
        {
            if (bytes[i] == 0) evenZero++;
            if (bytes[i + 1] == 0) oddZero++;
        }
        int pairs = n / 2;
        if (oddZero > pairs * 0.4 && evenZero < pairs * 0.05) return Encoding.Unicode;
        if (evenZero > pairs * 0.4 && oddZero < pairs * 0.05) return Encoding.BigEndianUnicode;
        return null;
    }
}
