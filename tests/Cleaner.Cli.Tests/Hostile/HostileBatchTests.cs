using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Cleaner.Cli.Tests.Hostile;

/// <summary>The hostile inputs in batch mode: exactly one output record (or file) per input record, in input order,
/// an error record with a kind for what cannot be cleaned, the run goes on, and nothing is written outside -o DIR.</summary>
[Collection(HostileCollection.Name)]
public sealed class HostileBatchTests(HostileInputs inputs) : IDisposable
{
    private static readonly Dictionary<string, string> Bounded = new() { ["DOTNET_GCHeapHardLimit"] = "0x40000000" };
    private readonly string _dir = Directory.CreateTempSubdirectory("cleaner-hostile-batch-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static CliRunner.Run Clean(params string[] args) => CliRunner.Exec(args, stdinBytes: [], timeoutMs: 120_000, environment: Bounded);

    private static List<JsonObject> Records(CliRunner.Run run) =>
        run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!.AsObject()).ToList();

    private static string? ErrorKind(JsonObject r) => r["error"]?["kind"]?.GetValue<string>();

    private static void AssertNoCrash(CliRunner.Run run, params int[] exits)
    {
        Assert.True(exits.Contains(run.ExitCode), $"exit {run.ExitCode}; stderr: {run.Stderr}");
        Assert.DoesNotContain("Unhandled exception", run.Stderr);
        Assert.DoesNotContain("internal-error", run.Stderr);
        Assert.DoesNotContain("   at ", run.Stderr);
    }

    /// <summary>Every path under <paramref name="root"/>, for "nothing else was written" checks.</summary>
    private static string[] Tree(string root) =>
        Directory.GetFileSystemEntries(root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray();

    [Fact]
    public void FolderOfHostileFilesGivesOneRecordEachInOrder()
    {
        var files = Directory.GetFiles(inputs.Dir).Order(StringComparer.Ordinal).ToArray();
        // A generous budget: line10m takes seconds in a Debug build and this test is not about timeouts.
        var run = Clean(inputs.Dir, "--format", "jsonl", "--jobs", "2", "-q", "--timeout", "300");
        AssertNoCrash(run, 2);
        var records = Records(run);
        Assert.Equal(files.Length, records.Count);
        var byId = records.ToDictionary(r => Path.GetFileName(r["source"]!.GetValue<string>()).Split('.')[0]);
        Assert.Equal("binary", ErrorKind(byId["nul"]));
        Assert.Equal("binary", ErrorKind(byId["random"]));
        Assert.Equal("unreadable-input", ErrorKind(byId["truncated"]));
        Assert.Equal("too-large", ErrorKind(byId["bomb"]));
        Assert.Equal("too-large", ErrorKind(byId["page100m"]));
        Assert.All(records, r => Assert.DoesNotContain(ErrorKind(r) ?? "", new[] { "internal-error", "timeout" }));
        Assert.Equal(files.Select(f => Path.GetFileName(f).Split('.')[0]), byId.Keys);
        foreach (var name in new[] { "utf16le-bom", "utf16be-nobom", "declares-utf8-is-cp1252", "invalid-utf8", "div100k", "b50k", "line10m", "regex-bait" })
            Assert.Null(ErrorKind(byId[name]));
        Assert.Equal(HostileInputs.Title, byId["utf16be-nobom"]["title"]!.GetValue<string>());
    }

    [Fact]
    public void FolderOutputHasOneFilePerInputAndNoTempFiles()
    {
        var outDir = Path.Combine(_dir, "out");
        var run = Clean(inputs.Dir, "-o", outDir + "/", "--format", "json", "--jobs", "2", "-q"); // a trailing '/' names a folder
        AssertNoCrash(run, 2);
        var written = Tree(outDir);
        Assert.Equal(Directory.GetFiles(inputs.Dir).Length, written.Length);
        Assert.All(written, f => Assert.DoesNotContain(".tmp-", f));
        Assert.All(written, f => JsonDocument.Parse(File.ReadAllText(f)).Dispose());
        Assert.Equal([outDir], Directory.GetFileSystemEntries(_dir));
    }

    /// <summary>A JSONL corpus with malformed lines, missing fields, wrong types, hostile ids and hostile pages.</summary>
    private string HostileJsonl()
    {
        var page = HostileInputs.ArticleHtml();
        string Rec(object o) => JsonSerializer.Serialize(o);
        string[] lines =
        [
            Rec(new { id = "good", html = page, url = "https://example.org/a", extra = "kept" }),
            "{\"id\": \"broken\", \"html\": \"<p>unterminated",
            "not json at all",
            "[1, 2, 3]",
            "null",
            Rec(new { id = "no-page" }),
            Rec(new { id = 42, html = page }),
            Rec(new { id = new { nested = 1 }, html = page }),
            Rec(new { id = "wrong-type", html = new[] { "<p>x</p>" } }),
            Rec(new { id = "null-html", html = (string?)null }),
            Rec(new { id = "../../../../etc/passwd", html = page }),
            Rec(new { id = "/etc/shadow", html = page }),
            Rec(new { id = "C:\\Windows\\system32\\x", html = page }),
            Rec(new { id = "nul\u0000byte", html = page }),
            Rec(new { id = new string('x', 10_000), html = page }),
            Rec(new { id = "", html = page }),
            Rec(new { id = "..", html = page }),
            Rec(new { id = ".", html = page }),
            Rec(new { id = "good", html = page }),
            Rec(new { id = "url-escape", url = "file:///../../../etc/passwd", html = page }),
            Rec(new { id = "deep", html = HostileInputs.Nest("div", 100_000) }),
            Rec(new { id = "bait", html = HostileInputs.RegexBait(html: true) }),
            Rec(new { id = "nul-text", text = new string('\0', 5_000) }),
            Rec(new { id = "empty-text", text = "" }),
            Rec(new { id = "last", text = "Just one line of text." }),
        ];
        var path = Path.Combine(_dir, "hostile.jsonl");
        File.WriteAllText(path, string.Join("\n", lines) + "\n");
        return path;
    }

    [Fact]
    public void JsonlCorpusGivesOneRecordPerLine()
    {
        var corpus = HostileJsonl();
        int lines = File.ReadAllLines(corpus).Length;
        var run = Clean(corpus, "--jobs", "2", "-q");
        AssertNoCrash(run, 2);
        var records = Records(run);
        Assert.Equal(lines, records.Count);
        Assert.Equal("good", records[0]["id"]!.GetValue<string>());
        Assert.Equal("kept", records[0]["extra"]!.GetValue<string>());
        Assert.Equal("last", records[^1]["id"]!.GetValue<string>());
        Assert.Equal(["invalid-json", "invalid-json", "invalid-json", "invalid-json"], records.Skip(1).Take(4).Select(ErrorKind));
        Assert.Equal("missing-field", ErrorKind(records[5]));
        Assert.Null(ErrorKind(records[6])); // a numeric id is an id
        Assert.Equal("missing-field", ErrorKind(records[8]));
        Assert.Equal("missing-field", ErrorKind(records[9]));
        Assert.Equal("binary", ErrorKind(records.Single(r => r["id"]?.GetValue<string>() == "nul-text")));
        Assert.All(records, r => Assert.NotEqual("internal-error", ErrorKind(r)));
    }

    [Fact]
    public void JsonlIdsNeverEscapeTheOutputFolder()
    {
        var corpus = HostileJsonl();
        var outDir = Path.Combine(_dir, "out");
        var before = Tree(_dir);
        // json: error records are files too, so every input line has its file.
        var run = Clean(corpus, "-o", outDir + "/", "--format", "json", "--jobs", "2", "-q");
        AssertNoCrash(run, 2);
        var written = Tree(outDir).Where(File.Exists).ToArray();
        Assert.Equal(File.ReadAllLines(corpus).Length, written.Length);
        var full = Path.GetFullPath(outDir) + Path.DirectorySeparatorChar;
        Assert.All(written, f => Assert.StartsWith(full, Path.GetFullPath(f)));
        Assert.All(written, f => Assert.All(Path.GetRelativePath(outDir, f).Split('/'), segment => Assert.InRange(segment.Length, 1, 255)));
        // Nothing new beside the output folder.
        Assert.Equal(before.Append(outDir).Order(StringComparer.Ordinal), Tree(_dir).Where(p => !p.StartsWith(full)));
    }

    [Fact]
    public void WarcWithCorruptRecordsKeepsTheGoodOnes()
    {
        static string Record(string id, string? contentLength, string http) =>
            $"WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:{id}>\r\nWARC-Target-URI: https://example.org/{id}\r\n" +
            "Content-Type: application/http; msgtype=response\r\n" +
            (contentLength ?? $"Content-Length: {Encoding.UTF8.GetByteCount(http)}") + "\r\n\r\n" + http + "\r\n\r\n";
        var http = "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + HostileInputs.ArticleHtml();
        var warc = Record("first", null, http)
                   + "garbage where a record header should be\r\n\r\n"
                   + Record("no-length", "Content-Length: lots", http)
                   + Record("last", null, http);
        var path = Path.Combine(_dir, "crawl.warc");
        File.WriteAllText(path, warc);
        var run = Clean(path, "-q");
        AssertNoCrash(run, 2);
        var records = Records(run);
        Assert.Equal("first", records[0]["id"]!.GetValue<string>()[^5..]);
        Assert.Equal("last", records[^1]["id"]!.GetValue<string>()[^4..]);
        Assert.Equal(HostileInputs.Title, records[^1]["title"]!.GetValue<string>());
        Assert.Equal(["invalid-warc", "invalid-warc"], records.Skip(1).SkipLast(1).Select(ErrorKind));
    }

    [Fact]
    public void TimeoutBecomesAnErrorRecordAndTheRunGoesOn()
    {
        var list = Path.Combine(_dir, "list.txt");
        File.WriteAllLines(list, [inputs["line10m.txt"], inputs["utf16le-bom.html"]]);
        var run = Clean("@" + list, "--timeout", "0.05", "--jobs", "1", "-q");
        AssertNoCrash(run, 2);
        var records = Records(run);
        Assert.Equal(2, records.Count);
        Assert.Equal("timeout", ErrorKind(records[0]));
    }
}
