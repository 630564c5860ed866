using System.IO.Compression;
using System.Text;

namespace Cleaner.Cli.Tests.Hostile;

/// <summary>The hostile inputs, generated once per test class into a temporary folder (the big ones are never
/// committed): empty, whitespace, NUL-filled, random binary, truncated gzip, gzip bomb, deep nesting, a 100 MB page,
/// a 10 MB line, charset lies, UTF-16, invalid UTF-8, regex bait, and hostile file names.</summary>
public sealed class HostileInputs : IDisposable
{
    public string Dir { get; } = Directory.CreateTempSubdirectory("cleaner-hostile-").FullName;

    /// <summary>A real-looking article: French, accented, with a byline, enough text to be found as an article.</summary>
    public const string Title = "Élection présidentielle à Paris";

    public static string ArticleHtml(string charset = "utf-8") =>
        $"<html><head><meta charset=\"{charset}\"><title>{Title}</title></head><body><article><h1>{Title}</h1><p>Par Jeanne Dupont</p>" +
        string.Concat(Enumerable.Range(1, 6).Select(i =>
            $"<p>Le président a déclaré mercredi que la réforme numéro {i} serait adoptée avant l’été, malgré l’opposition des syndicats " +
            "et de nombreux élus de la majorité. Les négociations reprendront la semaine prochaine à Matignon.</p>")) +
        "</article></body></html>";

    public HostileInputs()
    {
        var rng = new Random(7);
        Write("empty.txt", []);
        Write("whitespace.txt", Encoding.ASCII.GetBytes(" \n\t\r\n   \n\u000b\f  "));
        Write("nul.bin", new byte[1 << 20]);
        var random = new byte[1 << 20];
        rng.NextBytes(random);
        random[0] = 0; // never gzip magic by chance
        Write("random.bin", random);

        var gz = Gzip(Encoding.UTF8.GetBytes(ArticleHtml()));
        Write("truncated.html.gz", gz[..(gz.Length / 2)]);
        Write("bomb.html.gz", GzipZeros(200L << 20)); // ~200 KB expanding to 200 MB, past the default --max-bytes (50 MB)

        Write("div100k.html", Nest("div", 100_000));
        Write("b50k.html", Nest("b", 50_000));
        WriteBig("page100m.html", 100L << 20);
        Write("line10m.txt", Encoding.UTF8.GetBytes(string.Join(' ', Enumerable.Range(0, 1_700_000).Select(i => Words[i % Words.Length]))[..10_000_000]));

        Write("declares-utf8-is-cp1252.html", Encoding.GetEncoding(1252).GetBytes(ArticleHtml("utf-8")));
        Write("declares-latin1-is-utf8.html", Encoding.UTF8.GetBytes(ArticleHtml("iso-8859-1")));
        Write("utf16le-bom.html", [0xFF, 0xFE, .. Encoding.Unicode.GetBytes(ArticleHtml("utf-16"))]);
        Write("utf16be-bom.html", [0xFE, 0xFF, .. Encoding.BigEndianUnicode.GetBytes(ArticleHtml("utf-16"))]);
        Write("utf16le-nobom.html", Encoding.Unicode.GetBytes(ArticleHtml("utf-16")));
        Write("utf16be-nobom.html", Encoding.BigEndianUnicode.GetBytes(ArticleHtml("utf-16")));
        var invalid = Encoding.UTF8.GetBytes(ArticleHtml());
        for (int i = 300; i < invalid.Length; i += 97) invalid[i] = (byte)(0x80 + i % 0x40); // lone continuation bytes
        Write("invalid-utf8.html", [.. invalid, 0xC3, 0x28, 0xF0, 0x28, 0x8C, 0xBC, 0xFF, 0xFE]);
        Write("regex-bait.html", Encoding.UTF8.GetBytes(RegexBait(html: true)));
        Write("regex-bait-dump.txt", Encoding.UTF8.GetBytes(RegexBait(html: false)));
    }

    static HostileInputs() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static readonly string[] Words = ["le", "président", "a", "déclaré", "que", "la", "réforme", "serait", "adoptée", "Reuters", "By", "cookie"];

    public string this[string name] => Path.Combine(Dir, name);

    public static string Nest(string tag, int n) =>
        "<html><body>" + new StringBuilder().Insert(0, $"<{tag}>", n) + "deep text" + new StringBuilder().Insert(0, $"</{tag}>", n) + "</body></html>";

    /// <summary>Text that makes naive regexes backtrack: long runs of spaces and dots, repeated words, endless
    /// byline and credit lists.</summary>
    public static string RegexBait(bool html)
    {
        string[] parts =
        [
            "Article" + new string(' ', 200_000) + "end",
            new string('.', 200_000) + "!",
            string.Concat(Enumerable.Repeat("word ", 100_000)),
            "By " + string.Concat(Enumerable.Repeat("Jane Doe and ", 20_000)),
            "(Reporting by " + string.Concat(Enumerable.Repeat("A B; Editing by C D, ", 20_000)) + ")",
            "Photo: " + string.Concat(Enumerable.Repeat("REUTERS/", 20_000)),
            "WASHINGTON" + string.Concat(Enumerable.Repeat("/PARIS", 20_000)) + " (Reuters) -",
            string.Concat(Enumerable.Repeat("aaaaaaaaaa", 50_000)) + "!",
            string.Concat(Enumerable.Repeat("2024-01-", 20_000)),
            string.Concat(Enumerable.Repeat("<<>>", html ? 0 : 20_000)),
        ];
        return html ? "<html><body><article>" + string.Concat(parts.Select(p => "<p>" + System.Net.WebUtility.HtmlEncode(p) + "</p>")) + "</article></body></html>"
                    : string.Join('\n', parts);
    }

    private void Write(string name, byte[] bytes) => File.WriteAllBytes(this[name], bytes);

    private void Write(string name, string text) => File.WriteAllText(this[name], text);

    private void WriteBig(string name, long size)
    {
        var para = Encoding.UTF8.GetBytes("<p>" + string.Join(' ', Enumerable.Range(0, 80).Select(i => Words[i % Words.Length])) + "</p>\n");
        using var f = File.Create(this[name]);
        f.Write("<html><body><article>"u8);
        for (long n = 0; n < size; n += para.Length) f.Write(para);
        f.Write("</article></body></html>"u8);
    }

    public static byte[] Gzip(byte[] data)
    {
        var ms = new MemoryStream();
        using (var gz = new GZipStream(ms, CompressionLevel.Optimal, leaveOpen: true)) gz.Write(data);
        return ms.ToArray();
    }

    private static byte[] GzipZeros(long size)
    {
        var ms = new MemoryStream();
        var zeros = new byte[1 << 20];
        using (var gz = new GZipStream(ms, CompressionLevel.Optimal, leaveOpen: true))
            for (long n = 0; n < size; n += zeros.Length) gz.Write(zeros);
        return ms.ToArray();
    }

    public void Dispose()
    {
        try { Directory.Delete(Dir, recursive: true); } catch (IOException) { }
    }
}

/// <summary>One set of generated inputs for both hostile test classes (the 100 MB page and the bomb are made once).</summary>
[CollectionDefinition(Name)]
public sealed class HostileCollection : ICollectionFixture<HostileInputs>
{
    public const string Name = "hostile inputs";
}
