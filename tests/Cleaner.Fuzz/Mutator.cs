using System.IO.Compression;
using System.Text;

namespace Cleaner.Fuzz;

/// <summary>Turns a real page into a hostile variant: byte-level damage, structural attacks on the HTML
/// (deep nesting, unclosed tags, huge attribute values), regex bait, charset lies, gzip damage. Each
/// mutation is one of a fixed list, so a finding names the mutations that produced it.</summary>
public sealed class Mutator(Random rng)
{
    private static readonly string[] Tags =
        ["div", "p", "b", "i", "a", "span", "li", "ul", "table", "tr", "td", "font", "em", "section", "article", "svg", "math",
         "select", "option", "script", "style", "template", "noscript", "iframe", "form", "h1", "figure", "figcaption", "pre", "textarea"];

    private static readonly string[] Charsets = ["utf-8", "iso-8859-1", "windows-1251", "shift_jis", "utf-16", "gb2312", "koi8-r", "bogus-charset", "utf-7"];

    public delegate byte[] Mutation(byte[] input, byte[] other);

    public IReadOnlyList<(string Name, Mutation Apply)> All =>
    [
        ("flip-bytes", FlipBytes),
        ("truncate", (b, _) => b.Length == 0 ? b : b[..rng.Next(b.Length)]),
        ("repeat-slice", RepeatSlice),
        ("deep-nesting", (b, _) => InsertText(b, DeepNesting())),
        ("unclosed-tags", (b, _) => InsertText(b, string.Concat(Enumerable.Repeat($"<{Pick(Tags)}>x", rng.Next(10, 20_000))))),
        ("close-tags", (b, _) => InsertText(b, string.Concat(Enumerable.Repeat($"</{Pick(Tags)}>", rng.Next(10, 20_000))))),
        ("splice-other", Splice),
        ("regex-bait", (b, _) => InsertText(b, RegexBait())),
        ("control-chars", (b, _) => InsertText(b, new string((char)rng.Next(0, 32), rng.Next(1, 5_000)))),
        ("charset-lie", CharsetLie),
        ("re-encode", ReEncode),
        ("gzip", (b, _) => Gzip(b)),
        ("gzip-truncated", (b, _) => { var g = Gzip(b); return g[..Math.Min(g.Length, Math.Max(2, rng.Next(g.Length)))]; }),
        ("strip-angles", StripAngles),
        ("random-tags", (b, _) => InsertText(b, RandomTags())),
        ("huge-attribute", (b, _) => InsertText(b, $"<div class=\"{new string('x', rng.Next(1, 2_000_000))}\">text</div>")),
        ("json-ld-bomb", (b, _) => InsertText(b, "<script type=\"application/ld+json\">" + new string('[', rng.Next(10, 100_000)) + "</script>")),
        ("empty", (_, _) => []),
        ("random-binary", (_, _) => RandomBytes(rng.Next(1, 100_000))),
        ("long-line", (b, _) => InsertText(b, string.Join(' ', Enumerable.Range(0, rng.Next(1_000, 300_000)).Select(i => Words[i % Words.Length])))),
        ("bom", (b, _) => [.. Pick<byte[]>([[0xEF, 0xBB, 0xBF], [0xFF, 0xFE], [0xFE, 0xFF]]), .. b]),
    ];

    private static readonly string[] Words = ["cookie", "Reuters", "By", "Photo:", "the", "and", "Subscribe", "©", "share", "REUTERS/Name", "Von", "Par", "…", "—"];

    private T Pick<T>(IReadOnlyList<T> xs) => xs[rng.Next(xs.Count)];

    private byte[] FlipBytes(byte[] b, byte[] _)
    {
        if (b.Length == 0) return RandomBytes(16);
        var copy = (byte[])b.Clone();
        int n = rng.Next(1, Math.Max(2, b.Length / 100));
        for (int i = 0; i < n; i++) copy[rng.Next(copy.Length)] = (byte)rng.Next(256);
        return copy;
    }

    private byte[] RepeatSlice(byte[] b, byte[] _)
    {
        if (b.Length < 2) return b;
        int start = rng.Next(b.Length - 1), len = Math.Min(rng.Next(1, 2_000), b.Length - start);
        int times = rng.Next(2, Math.Max(3, 4_000_000 / len));
        var ms = new MemoryStream();
        ms.Write(b, 0, start + len);
        for (int i = 0; i < times && ms.Length < 8_000_000; i++) ms.Write(b, start, len);
        ms.Write(b, start + len, b.Length - start - len);
        return ms.ToArray();
    }

    private byte[] Splice(byte[] b, byte[] other)
    {
        int cut = b.Length == 0 ? 0 : rng.Next(b.Length), from = other.Length == 0 ? 0 : rng.Next(other.Length);
        return [.. b.AsSpan(0, cut), .. other.AsSpan(from)];
    }

    private string DeepNesting()
    {
        var tag = Pick(Tags);
        int n = rng.Next(100, 60_000);
        var attrs = rng.Next(3) == 0 ? " class=\"c\" style=\"display:none\"" : "";
        var close = rng.Next(2) == 0 ? string.Concat(Enumerable.Repeat($"</{tag}>", n)) : "";
        return string.Concat(Enumerable.Repeat($"<{tag}{attrs}>", n)) + "deep text" + close;
    }

    private string RegexBait() => rng.Next(6) switch
    {
        0 => new string(' ', rng.Next(1_000, 500_000)) + "x",
        1 => new string('.', rng.Next(1_000, 500_000)) + "!",
        2 => string.Concat(Enumerable.Repeat("word ", rng.Next(1_000, 200_000))),
        3 => "By " + string.Concat(Enumerable.Repeat("Name and ", rng.Next(1_000, 50_000))),
        4 => "(Reporting by " + string.Concat(Enumerable.Repeat("A B; ", rng.Next(1_000, 50_000))),
        _ => "Photo: " + string.Concat(Enumerable.Repeat("REUTERS/", rng.Next(1_000, 50_000))),
    };

    private string RandomTags()
    {
        var sb = new StringBuilder();
        int n = rng.Next(10, 5_000);
        for (int i = 0; i < n; i++)
        {
            var t = Pick(Tags);
            sb.Append(rng.Next(4) switch
            {
                0 => $"</{t}>",
                1 => $"<{t}/>",
                2 => $"<{t} id='{rng.Next()}' hidden>word ",
                _ => $"<{t}>{Pick(Words)} ",
            });
        }
        return sb.ToString();
    }

    private byte[] CharsetLie(byte[] b, byte[] _)
    {
        var meta = Encoding.ASCII.GetBytes($"<meta charset=\"{Pick(Charsets)}\">");
        return [.. meta, .. b];
    }

    private byte[] ReEncode(byte[] b, byte[] _)
    {
        var text = Encoding.UTF8.GetString(b);
        Encoding enc = rng.Next(4) switch
        {
            0 => new UnicodeEncoding(false, false),
            1 => new UnicodeEncoding(true, false),
            2 => Encoding.Latin1,
            _ => new UTF32Encoding(false, false),
        };
        return enc.GetBytes(text);
    }

    private byte[] StripAngles(byte[] b, byte[] _)
    {
        var copy = (byte[])b.Clone();
        byte target = rng.Next(2) == 0 ? (byte)'>' : (byte)'<';
        for (int i = 0; i < copy.Length; i++) if (copy[i] == target) copy[i] = (byte)' ';
        return copy;
    }

    private byte[] InsertText(byte[] b, string text)
    {
        int at = b.Length == 0 ? 0 : rng.Next(b.Length);
        return [.. b.AsSpan(0, at), .. Encoding.UTF8.GetBytes(text), .. b.AsSpan(at)];
    }

    private byte[] RandomBytes(int n)
    {
        var r = new byte[n];
        rng.NextBytes(r);
        return r;
    }

    private static byte[] Gzip(byte[] b)
    {
        var ms = new MemoryStream();
        using (var gz = new GZipStream(ms, CompressionLevel.Fastest, leaveOpen: true)) gz.Write(b);
        return ms.ToArray();
    }
}
