using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Cleaner.Cli.Tests;

/// <summary>Batch mode: many documents, JSONL/WARC/gzip inputs, ordering, error records, resume, folder output.</summary>
public sealed class BatchTests : IDisposable
{
    private static readonly string Seed = Path.Combine(CliRunner.Samples, "textdump", "reuters-fr-whatsapp-nso.txt");
    private static readonly string[] SeedLines = File.ReadAllLines(Seed);
    private readonly string _dir = Directory.CreateTempSubdirectory("cleaner-batch-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>Distinct small pages: the seed page cut after a varying number of lines.</summary>
    private static string Page(int i) => string.Join("\n", SeedLines.Take(8 + i * 7 % Math.Max(1, SeedLines.Length - 8)));

    private static string JsonlCorpus(int count) =>
        string.Concat(Enumerable.Range(0, count).Select(i =>
            JsonSerializer.Serialize(new Dictionary<string, object> { ["id"] = $"doc{i:D3}", ["text"] = Page(i), ["url"] = $"https://example.org/{i}" }) + "\n"));

    /// <summary>Records without the timing (the only field that varies between runs).</summary>
    private static List<string> Records(string jsonl) =>
        jsonl.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line =>
        {
            var node = JsonNode.Parse(line)!.AsObject();
            (node["stats"] as JsonObject)?.Remove("elapsed_ms");
            return node.ToJsonString();
        }).ToList();

    private static List<string?> Ids(string jsonl) =>
        jsonl.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!["id"]?.GetValue<string>()).ToList();

    private string Write(string name, string content)
    {
        var path = Path.Combine(_dir, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    private static byte[] GzipBytes(byte[] data)
    {
        using var ms = new MemoryStream();
        using (var gz = new GZipStream(ms, CompressionLevel.Fastest, leaveOpen: true)) gz.Write(data);
        return ms.ToArray();
    }

    [Fact]
    public void OutputIsInInputOrderWhateverTheJobs()
    {
        var corpus = Write("corpus.jsonl", JsonlCorpus(40));
        var one = CliRunner.Exec([corpus, "--jobs", "1", "-q"]);
        var four = CliRunner.Exec([corpus, "--jobs", "4", "-q"]);
        Assert.Equal(0, one.ExitCode);
        Assert.Equal(0, four.ExitCode);
        Assert.Equal(Enumerable.Range(0, 40).Select(i => (string?)$"doc{i:D3}"), Ids(four.Stdout));
        Assert.Equal(Records(one.Stdout), Records(four.Stdout));
        Assert.Equal("", four.Stderr);
    }

    /// <summary>On one CPU the runtime's tenfold tier-up delay kept a text-dump batch at a third of its speed for
    /// ~30 s; the summary says how to shorten it, and only there (README "One CPU").</summary>
    [Fact]
    public void AOneCpuBatchSummaryNotesTheTierUpDelay()
    {
        var corpus = Write("small.jsonl", string.Concat(Enumerable.Range(0, 1000).Select(i =>
            JsonSerializer.Serialize(new Dictionary<string, object> { ["id"] = $"d{i}", ["text"] = $"A short line number {i}." }) + "\n")));
        const string Note = "DOTNET_TC_DelaySingleProcMultiplier=1";
        var oneCpu = CliRunner.Exec([corpus, "-o", Path.Combine(_dir, "a.jsonl")], environment: new Dictionary<string, string> { ["DOTNET_PROCESSOR_COUNT"] = "1" });
        Assert.Contains(Note, oneCpu.Stderr);
        var set = CliRunner.Exec([corpus, "-o", Path.Combine(_dir, "b.jsonl")],
            environment: new Dictionary<string, string> { ["DOTNET_PROCESSOR_COUNT"] = "1", ["DOTNET_TC_DelaySingleProcMultiplier"] = "1" });
        Assert.DoesNotContain(Note, set.Stderr);
        var two = CliRunner.Exec([corpus, "-o", Path.Combine(_dir, "c.jsonl")], environment: new Dictionary<string, string> { ["DOTNET_PROCESSOR_COUNT"] = "2" });
        Assert.DoesNotContain(Note, two.Stderr);
    }

    [Fact]
    public void FailuresBecomeErrorRecordsInPlaceAndTheRunGoesOn()
    {
        Write("in/a-good.txt", Page(1));
        Write("in/b-big.txt", Page(4));
        Write("in/d-good.txt", Page(1));
        var list = Write("list.txt", string.Join("\n", new[] { "a-good.txt", "b-big.txt", "c-missing.txt", "d-good.txt" }.Select(f => Path.Combine(_dir, "in", f))));
        var run = CliRunner.Exec(["@" + list, "--max-bytes", "4000"]);
        Assert.Equal(2, run.ExitCode);
        var lines = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!).ToList();
        Assert.Equal(["a-good", "b-big", "c-missing", "d-good"], lines.Select(l => l["id"]!.GetValue<string>()));
        Assert.Null(lines[0]["error"]);
        Assert.Equal("too-large", lines[1]["error"]!["kind"]!.GetValue<string>());
        Assert.Equal("unreadable-input", lines[2]["error"]!["kind"]!.GetValue<string>());
        Assert.Null(lines[3]["error"]);
        Assert.Contains("4 documents", run.Stderr);
        Assert.Contains("2 errors", run.Stderr);

        var failFast = CliRunner.Exec(["@" + list, "--max-bytes", "4000", "--fail-fast", "-j", "3"]);
        Assert.Equal(2, failFast.ExitCode);
        Assert.Equal(["a-good", "b-big"], Ids(failFast.Stdout));
    }

    [Fact]
    public void ResumeRepairsATruncatedLastLineAndEqualsAnUninterruptedRun()
    {
        var corpus = Write("corpus.jsonl", JsonlCorpus(12));
        var full = Path.Combine(_dir, "full.jsonl");
        Assert.Equal(0, CliRunner.Exec([corpus, "-o", full, "-q"]).ExitCode);
        var expected = File.ReadAllText(full);

        // A run killed mid-write: five whole records and half of the sixth.
        var lines = expected.Split('\n');
        var partial = Path.Combine(_dir, "partial.jsonl");
        File.WriteAllText(partial, string.Join("\n", lines[..5]) + "\n" + lines[5][..(lines[5].Length / 2)]);
        var resumed = CliRunner.Exec([corpus, "-o", partial, "--resume"]);
        Assert.Equal(0, resumed.ExitCode);
        Assert.Contains("5 skipped", resumed.Stderr);
        Assert.Equal(Records(expected), Records(File.ReadAllText(partial)));

        // Resuming a finished run changes nothing.
        var again = CliRunner.Exec([corpus, "-o", partial, "--resume", "-q"]);
        Assert.Equal(0, again.ExitCode);
        Assert.Equal(Records(expected), Records(File.ReadAllText(partial)));

        // An output from other inputs is refused, not mixed.
        var other = Write("other.jsonl", JsonlCorpus(12).Replace("doc", "other"));
        Assert.Equal(2, CliRunner.Exec([other, "-o", partial, "--resume", "-q"]).ExitCode);
    }

    [Fact]
    public void JsonlFieldsPassThroughAndFieldNamesAreConfigurable()
    {
        var record = new JsonObject
        {
            ["key"] = "k1", ["body"] = Page(3), ["link"] = "https://example.org/k1",
            ["crawl"] = new JsonObject { ["ts"] = 12, ["tags"] = new JsonArray("a", "b") }, ["title"] = "input title",
        };
        var run = CliRunner.Exec(["--input-format", "jsonl", "--id-field", "key", "--text-field", "body", "--url-field", "link", "-q"],
            stdin: record.ToJsonString() + "\n\n" + "{\"key\":\"k2\"}\n");
        var lines = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!).ToList();
        Assert.Equal(2, lines.Count);
        Assert.Equal("k1", lines[0]["id"]!.GetValue<string>());
        Assert.Equal("https://example.org/k1", lines[0]["url"]!.GetValue<string>());
        Assert.Equal(12, lines[0]["crawl"]!["ts"]!.GetValue<int>());
        Assert.Equal("b", lines[0]["crawl"]!["tags"]![1]!.GetValue<string>());
        Assert.Equal("input title", lines[0]["input_title"]!.GetValue<string>());
        Assert.StartsWith("WhatsApp", lines[0]["title"]!.GetValue<string>());
        Assert.Null(lines[0]["body"]);
        Assert.Equal("missing-field", lines[1]["error"]!["kind"]!.GetValue<string>());
        Assert.Equal(2, run.ExitCode);
    }

    private static byte[] WarcRecord(string type, string id, string? uri, byte[] block, string contentType)
    {
        var head = $"WARC/1.0\r\nWARC-Type: {type}\r\nWARC-Record-ID: <{id}>\r\n" + (uri != null ? $"WARC-Target-URI: {uri}\r\n" : "") +
                   $"Content-Type: {contentType}\r\nContent-Length: {block.Length}\r\n\r\n";
        return [.. Encoding.ASCII.GetBytes(head), .. block, .. "\r\n\r\n"u8];
    }

    private static byte[] HttpResponse(string status, string contentType, byte[] body) =>
        [.. Encoding.ASCII.GetBytes($"HTTP/1.1 {status}\r\nContent-Type: {contentType}\r\nContent-Length: {body.Length}\r\n\r\n"), .. body];

    [Fact]
    public void WarcResponsesWithHtmlAreDocumentsAndTheHttpCharsetIsUsed()
    {
        var article = "<html><head><title>Le café</title></head><body><article>" +
                      string.Concat(Enumerable.Range(0, 4).Select(i => $"<p>Le café du village a rouvert ses portes ce matin, à la grande joie des habitants du quartier numéro {i}.</p>")) +
                      "</article></body></html>";
        var latin1 = Encoding.Latin1.GetBytes(article);
        var records = new List<byte[]>
        {
            WarcRecord("warcinfo", "urn:uuid:info", null, "software: test\r\n"u8.ToArray(), "application/warc-fields"),
            WarcRecord("request", "urn:uuid:req", "https://example.org/a", "GET /a HTTP/1.1\r\n\r\n"u8.ToArray(), "application/http; msgtype=request"),
            WarcRecord("response", "urn:uuid:page-a", "https://example.org/a", HttpResponse("200 OK", "text/html; charset=ISO-8859-1", latin1), "application/http; msgtype=response"),
            WarcRecord("response", "urn:uuid:img", "https://example.org/i.jpg", HttpResponse("200 OK", "image/jpeg", [1, 2, 3]), "application/http; msgtype=response"),
            WarcRecord("response", "urn:uuid:gone", "https://example.org/gone", HttpResponse("404 Not Found", "text/html", "<p>no</p>"u8.ToArray()), "application/http; msgtype=response"),
            WarcRecord("response", "urn:uuid:page-b", "https://example.org/b", HttpResponse("200 OK", "text/html; charset=utf-8", Encoding.UTF8.GetBytes(article)), "application/http; msgtype=response"),
        };
        File.WriteAllBytes(Path.Combine(_dir, "crawl.warc"), records.SelectMany(r => r).ToArray());
        // As Common Crawl writes them: one gzip member per record.
        File.WriteAllBytes(Path.Combine(_dir, "crawl2.warc.gz"), records.SelectMany(GzipBytes).ToArray());

        foreach (var file in new[] { "crawl.warc", "crawl2.warc.gz" })
        {
            var run = CliRunner.Exec([Path.Combine(_dir, file), "-q"]);
            Assert.Equal(0, run.ExitCode);
            var lines = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!).ToList();
            Assert.Equal(["urn:uuid:page-a", "urn:uuid:page-b"], lines.Select(l => l["id"]!.GetValue<string>()));
            Assert.Equal("https://example.org/a", lines[0]["url"]!.GetValue<string>());
            Assert.Contains("Le café du village", lines[0]["text"]!.GetValue<string>());
            Assert.Equal(lines[0]["text"]!.GetValue<string>(), lines[1]["text"]!.GetValue<string>());
        }
        // A WARC stream on stdin is recognised by its first bytes.
        var piped = CliRunner.Exec(["-q"], stdinBytes: File.ReadAllBytes(Path.Combine(_dir, "crawl2.warc.gz")));
        Assert.Equal(2, Ids(piped.Stdout).Count);
    }

    /// <summary>A limit smaller than any page (even the engine's own warm-up pages) gives one error record per
    /// document, not an internal error.</summary>
    [Fact]
    public void ATinyMaxBytesGivesErrorRecordsNotACrash()
    {
        var stdin = string.Concat(Enumerable.Range(1, 3).Select(i => JsonSerializer.Serialize(new { id = $"r{i}", text = Page(1) }) + "\n"));
        var run = CliRunner.Exec(["--input-format", "jsonl", "--max-bytes", "10", "-q"], stdin: stdin);
        Assert.Equal(2, run.ExitCode);
        var lines = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!).ToList();
        // A record over the limit is not parsed, so its id is its position in the stream.
        Assert.Equal(["stdin:1", "stdin:2", "stdin:3"], lines.Select(l => l["id"]!.GetValue<string>()));
        Assert.All(lines, l => Assert.Equal("too-large", l["error"]!["kind"]!.GetValue<string>()));
        Assert.DoesNotContain("internal error", run.Stderr);
    }

    /// <summary>-o DIR with a text format loses no document either: a failure leaves "name.error.json" with the
    /// error record, and --resume tries it again (and removes the error file when it now succeeds).</summary>
    [Fact]
    public void FolderOutputWritesAnErrorFileForAFailedDocumentAndResumeRetriesIt()
    {
        Write("fin/a-good.txt", Page(1));
        Write("fin/b-big.txt", Page(4));
        var outDir = Path.Combine(_dir, "fout") + "/";
        var run = CliRunner.Exec([Path.Combine(_dir, "fin"), "-o", outDir, "--format", "text", "--max-bytes", "4000", "-q"]);
        Assert.Equal(2, run.ExitCode);
        Assert.True(File.Exists(Path.Combine(outDir, "a-good.txt")));
        Assert.False(File.Exists(Path.Combine(outDir, "b-big.txt")));
        var error = JsonNode.Parse(File.ReadAllText(Path.Combine(outDir, "b-big.error.json")))!;
        Assert.Equal("b-big", error["id"]!.GetValue<string>());
        Assert.Equal("too-large", error["error"]!["kind"]!.GetValue<string>());

        var resumed = CliRunner.Exec([Path.Combine(_dir, "fin"), "-o", outDir, "--format", "text", "--resume", "-q"]);
        Assert.Equal(0, resumed.ExitCode);
        Assert.True(File.Exists(Path.Combine(outDir, "b-big.txt")));
        Assert.False(File.Exists(Path.Combine(outDir, "b-big.error.json")));
    }

    [Fact]
    public void FolderOutputNeverEscapesWhateverTheIds()
    {
        string[] hostile = ["../x", "/tmp/cleaner-abs", "a/../../b", "..", "", ".hidden", "c:\\win\\x", "ok", "ok"];
        var stdin = string.Concat(hostile.Select(id => JsonSerializer.Serialize(new { id, text = Page(4) }) + "\n"));
        var outDir = Path.Combine(_dir, "out", "nested");
        Directory.CreateDirectory(outDir);
        var run = CliRunner.Exec(["--input-format", "jsonl", "-o", outDir, "--format", "text", "-q"], stdin: stdin);
        Assert.Equal(0, run.ExitCode);
        var files = Directory.GetFiles(Path.Combine(_dir, "out"), "*", SearchOption.AllDirectories);
        Assert.Equal(hostile.Length, files.Length);
        Assert.All(files, f => Assert.StartsWith(outDir + Path.DirectorySeparatorChar, Path.GetFullPath(f)));
        Assert.All(files, f => Assert.EndsWith(".txt", f));
        Assert.False(File.Exists("/tmp/cleaner-abs.txt"));
        Assert.Contains(Path.Combine(outDir, "ok.txt"), files);
        Assert.Contains(Path.Combine(outDir, "ok-2.txt"), files);
    }

    [Fact]
    public void GzipFilesGlobsAndListsMirrorTheInputTree()
    {
        var tree = Path.Combine(_dir, "tree");
        Directory.CreateDirectory(Path.Combine(tree, "sub"));
        File.WriteAllBytes(Path.Combine(tree, "one.txt.gz"), GzipBytes(Encoding.UTF8.GetBytes(Page(1))));
        File.WriteAllBytes(Path.Combine(tree, "sub", "two.html.gz"), GzipBytes(Encoding.UTF8.GetBytes(
            "<html><body><article><p>" + string.Join("</p><p>", SeedLines.Skip(3).Take(8)) + "</p></article></body></html>")));
        File.WriteAllText(Path.Combine(tree, "sub", "three.txt"), Page(2));

        var outDir = Path.Combine(_dir, "mirror") + "/";
        var run = CliRunner.Exec([tree, "-o", outDir, "--format", "markdown", "-q"]);
        Assert.Equal(0, run.ExitCode);
        Assert.True(File.Exists(Path.Combine(outDir, "one.md")));
        Assert.True(File.Exists(Path.Combine(outDir, "sub", "two.md")));
        Assert.True(File.Exists(Path.Combine(outDir, "sub", "three.md")));
        Assert.Empty(Directory.GetFiles(outDir, ".*", SearchOption.AllDirectories)); // no temp files left

        var globbed = CliRunner.Exec([Path.Combine(tree, "**", "*.gz"), "-q"]);
        Assert.Equal(["one", "two"], Ids(globbed.Stdout));
        var list = Write("list.txt", Path.Combine(tree, "sub", "three.txt") + "\n\n" + Path.Combine(tree, "one.txt.gz") + "\n");
        var listed = CliRunner.Exec(["@" + list, "-q"]);
        Assert.Equal(["three", "one"], Ids(listed.Stdout));
    }

    /// <summary>Spark RDD.pipe / Hadoop Streaming run the CLI once per split of the corpus, stdin to stdout;
    /// the union of the splits' outputs must be the single run's output.</summary>
    [Fact]
    public void AsAMapperOverSplitInputTheUnionEqualsASingleRun()
    {
        var corpus = JsonlCorpus(15);
        var single = CliRunner.Exec(["--input-format", "jsonl", "-q"], stdin: corpus);
        Assert.Equal(0, single.ExitCode);

        var lines = corpus.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var union = new List<string>();
        foreach (var split in new[] { lines[..4], lines[4..5], lines[5..] })
        {
            var run = CliRunner.Exec(["--input-format", "jsonl", "-q", "--jobs", "2"], stdin: string.Join("\n", split) + "\n");
            Assert.Equal(0, run.ExitCode);
            Assert.Equal("", run.Stderr);
            union.AddRange(Records(run.Stdout));
        }
        Assert.Equal(Records(single.Stdout), union);
    }

    [Fact]
    public void ADocumentPastTheTimeoutIsAnErrorRecordInItsPlace()
    {
        // 30 MB of text cannot be cleaned in 1 s; the small pages around it take milliseconds.
        var huge = string.Join("\n", Enumerable.Repeat(File.ReadAllText(Seed), 4000));
        var stdin = string.Concat(new[] { ("a", Page(0)), ("huge", huge), ("b", Page(1)) }
            .Select(r => JsonSerializer.Serialize(new { id = r.Item1, text = r.Item2 }) + "\n"));
        var run = CliRunner.Exec(["--input-format", "jsonl", "--timeout", "1", "-j", "1", "-q"], stdin: stdin);
        var lines = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!).ToList();
        Assert.Equal(["a", "huge", "b"], lines.Select(l => l["id"]!.GetValue<string>()));
        Assert.Equal("timeout", lines[1]["error"]!["kind"]!.GetValue<string>());
        Assert.Null(lines[0]["error"]);
        Assert.Null(lines[2]["error"]);
        Assert.Equal(2, run.ExitCode);
    }

    [Fact]
    public void StatsFileHasTheSummary()
    {
        var corpus = Write("corpus.jsonl", JsonlCorpus(5));
        var stats = Path.Combine(_dir, "stats.json");
        var run = CliRunner.Exec([corpus, "--stats", stats, "-o", Path.Combine(_dir, "out.jsonl")]);
        Assert.Equal(0, run.ExitCode);
        using var doc = JsonDocument.Parse(File.ReadAllText(stats));
        Assert.Equal(5, doc.RootElement.GetProperty("documents").GetInt32());
        Assert.Equal("fr", doc.RootElement.GetProperty("languages").EnumerateObject().First().Name);
        Assert.True(doc.RootElement.GetProperty("removed_share_by_kind").EnumerateObject().Any());
        Assert.Contains("docs/s", run.Stderr);
    }
}
