using System.Text.Json;

namespace Cleaner.Cli.Tests.Hostile;

/// <summary>Hostile and broken input through the real CLI, one document at a time: a clear message and exit 2 for
/// what cannot be cleaned, a sane result for what can, never an unhandled exception, a stack overflow or a hang.
/// Each run has a wall-clock ceiling (the runner kills it) and a 1 GB GC heap limit, so a blow-up fails the test
/// instead of the machine.</summary>
[Collection(HostileCollection.Name)]
public class HostileInputTests(HostileInputs inputs)
{
    private static readonly Dictionary<string, string> Bounded = new() { ["DOTNET_GCHeapHardLimit"] = "0x40000000" };

    private static CliRunner.Run Clean(params string[] args) => CliRunner.Exec(args, stdinBytes: [], timeoutMs: 60_000, environment: Bounded);

    /// <summary>Exit code is one of the documented ones and nothing escaped as a crash.</summary>
    private static void AssertHandled(CliRunner.Run run, params int[] exits)
    {
        Assert.True(exits.Contains(run.ExitCode), $"exit {run.ExitCode}, expected {string.Join('/', exits)}; stderr: {run.Stderr}");
        Assert.DoesNotContain("Unhandled exception", run.Stderr);
        Assert.DoesNotContain("internal error", run.Stderr);
        Assert.DoesNotContain("Stack overflow", run.Stderr);
        Assert.DoesNotContain("   at ", run.Stderr); // no stack trace
    }

    /// <summary>A refused document: exit 2, one clear line on stderr, nothing on stdout.</summary>
    private static void AssertRefused(CliRunner.Run run, string because)
    {
        AssertHandled(run, 2);
        Assert.Contains(because, run.Stderr, StringComparison.OrdinalIgnoreCase);
        Assert.StartsWith("cleaner: ", run.Stderr);
        Assert.Equal("", run.Stdout);
    }

    private static JsonElement Json(CliRunner.Run run)
    {
        using var doc = JsonDocument.Parse(run.Stdout);
        return doc.RootElement.Clone();
    }

    [Fact]
    public void EmptyInputIsNoArticle()
    {
        var run = CliRunner.Exec([], stdinBytes: [], environment: Bounded);
        AssertHandled(run, 1);
        Assert.Contains("empty document", run.Stderr);
        var file = Clean(inputs["empty.txt"], "--format", "json");
        AssertHandled(file, 1);
        Assert.Equal("", Json(file).GetProperty("text").GetString());
    }

    [Fact]
    public void WhitespaceOnlyIsNoArticle()
    {
        var run = Clean(inputs["whitespace.txt"], "--format", "json");
        AssertHandled(run, 1);
        Assert.Contains("empty document", run.Stderr);
        Assert.Equal(0, Json(run).GetProperty("paragraphs").GetArrayLength());
    }

    [Theory]
    [InlineData("nul.bin")]
    [InlineData("random.bin")]
    public void BinaryIsRefused(string name) => AssertRefused(Clean(inputs[name]), "binary");

    [Fact]
    public void TruncatedGzipIsRefused() => AssertRefused(Clean(inputs["truncated.html.gz"]), "truncated gzip");

    [Fact]
    public void GzipBombStopsAtMaxBytes()
    {
        AssertRefused(Clean(inputs["bomb.html.gz"]), "limit of 52428800");
        AssertRefused(Clean(inputs["bomb.html.gz"], "--max-bytes", "1000000"), "limit of 1000000");
    }

    [Fact]
    public void HundredMegabytePageIsRefusedBeforeReading() => AssertRefused(Clean(inputs["page100m.html"]), "over the limit");

    [Theory]
    [InlineData("div100k.html", 100_000)]
    [InlineData("b50k.html", 50_000)]
    public void DeepNestingIsFlattenedAndCleaned(string name, int depth)
    {
        var run = Clean(inputs[name], "--format", "json");
        AssertHandled(run, 0, 1);
        Assert.Contains($"nested {depth} deep", run.Stderr);
        Assert.Equal("html", Json(run).GetProperty("stats").GetProperty("format").GetString());
    }

    [Fact]
    public void TenMegabyteLineIsCleaned()
    {
        var run = Clean(inputs["line10m.txt"], "--format", "json");
        AssertHandled(run, 0, 1);
        Assert.Equal(10_000_000, Json(run).GetProperty("stats").GetProperty("input_chars").GetInt64());
    }

    [Theory]
    [InlineData("declares-utf8-is-cp1252.html")]
    [InlineData("declares-latin1-is-utf8.html")]
    [InlineData("utf16le-bom.html")]
    [InlineData("utf16be-bom.html")]
    [InlineData("utf16le-nobom.html")]
    [InlineData("utf16be-nobom.html")]
    public void CharsetsAreDecodedRight(string name)
    {
        var run = Clean(inputs[name], "--format", "json");
        AssertHandled(run, 0);
        var r = Json(run);
        Assert.Equal(HostileInputs.Title, r.GetProperty("title").GetString());
        Assert.Contains("malgré l’opposition des syndicats", r.GetProperty("text").GetString());
        Assert.DoesNotContain("\uFFFD", r.GetProperty("text").GetString());
    }

    [Fact]
    public void InvalidUtf8KeepsTheValidText()
    {
        var run = Clean(inputs["invalid-utf8.html"], "--format", "json");
        AssertHandled(run, 0);
        Assert.Contains("Matignon", Json(run).GetProperty("text").GetString());
    }

    [Theory]
    [InlineData("regex-bait.html")]
    [InlineData("regex-bait-dump.txt")]
    public void RegexBaitFinishes(string name)
    {
        var run = Clean(inputs[name], "--format", "json");
        AssertHandled(run, 0, 1);
        Assert.True(Json(run).GetProperty("stats").GetProperty("input_chars").GetInt32() > 1_000_000);
    }

    [Fact]
    public void EveryFormatRendersHostileText()
    {
        foreach (var format in new[] { "text", "markdown" }) // json: RegexBaitFinishes
            AssertHandled(Clean(inputs["regex-bait.html"], "--format", format), 0, 1);
        AssertHandled(Clean(inputs["invalid-utf8.html"], "--explain"), 0);
    }

    [Fact]
    public void HostileFileNamesStayInsideTheOutputFolder()
    {
        var root = Directory.CreateTempSubdirectory("cleaner-names-").FullName;
        try
        {
            var inDir = Directory.CreateDirectory(Path.Combine(root, "in")).FullName;
            var outDir = Directory.CreateDirectory(Path.Combine(root, "out")).FullName;
            var page = HostileInputs.ArticleHtml();
            // (Folder inputs skip dot files, so "../" style ids are covered by the JSONL batch cases.)
            string[] names = ["a:b.html", "ctl\u0001char.html", "-rf.html", new string('a', 250) + ".html", "new\nline.html", "back\\slash..\\x.html", " .html", "é\u202Eevil.html"];
            foreach (var n in names) File.WriteAllText(Path.Combine(inDir, n), page);
            var run = Clean(inDir, "-o", outDir, "--format", "text");
            AssertHandled(run, 0);
            Assert.Equal(["in", "out"], Directory.GetFileSystemEntries(root).Select(Path.GetFileName).Order().ToArray());
            var written = Directory.GetFiles(outDir, "*", SearchOption.AllDirectories);
            Assert.Equal(names.Length, written.Length);
            Assert.All(written, f =>
            {
                Assert.StartsWith(outDir + Path.DirectorySeparatorChar, Path.GetFullPath(f));
                Assert.InRange(Path.GetFileName(f).Length, 1, 200);
                Assert.StartsWith(HostileInputs.Title, File.ReadAllText(f));
            });
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
