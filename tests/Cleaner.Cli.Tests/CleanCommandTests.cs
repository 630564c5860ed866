using System.Text.Json;

namespace Cleaner.Cli.Tests;

public class CleanCommandTests
{
    private static readonly string Seed = Path.Combine(CliRunner.Samples, "textdump", "reuters-fr-whatsapp-nso.txt");

    [Fact]
    public void StdinToStdoutGivesTitleThenParagraphs()
    {
        var run = CliRunner.Exec([], stdin: File.ReadAllText(Seed));
        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("WhatsApp accuse la firme israélienne NSO d’aider au piratage d’utilisateurs\n\nWASHINGTON/SAN FRANCISCO (Reuters) –", run.Stdout);
        Assert.DoesNotContain("cookie", run.Stdout, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("", run.Stderr);
    }

    [Fact]
    public void CleanSubcommandWithFileAndJsonFormat()
    {
        var run = CliRunner.Exec(["clean", Seed, "--format", "json"]);
        Assert.Equal(0, run.ExitCode);
        using var doc = JsonDocument.Parse(run.Stdout);
        var r = doc.RootElement;
        Assert.Equal("reuters-fr-whatsapp-nso", r.GetProperty("id").GetString());
        Assert.Equal("WASHINGTON/SAN FRANCISCO", r.GetProperty("dateline").GetString());
        Assert.Equal("fr", r.GetProperty("language").GetString());
        Assert.Equal(2, r.GetProperty("authors").GetArrayLength());
        Assert.Equal("translation", r.GetProperty("contributors")[0].GetProperty("role").GetString());
        Assert.Equal(12, r.GetProperty("paragraphs").GetArrayLength());
    }

    [Fact]
    public void DashReadsStdinAndMarkdownWorks()
    {
        var run = CliRunner.Exec(["-", "--format", "markdown"], stdin: File.ReadAllText(Seed));
        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("# WhatsApp accuse", run.Stdout);
    }

    [Fact]
    public void ExplainListsEveryBlockWithItsLabel()
    {
        var run = CliRunner.Exec([Seed, "--explain"]);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("donation-appeal", run.Stdout);
        Assert.Contains("cookie-table", run.Stdout);
        Assert.Contains("legal-notice", run.Stdout);
        Assert.Contains("byline", run.Stdout);
    }

    [Fact]
    public void ExplainWithJsonFormatGivesOneArrayOfBlocksPerDocument()
    {
        // Several inputs go through the batch path, one document through the single-document path: both give JSON.
        var batch = CliRunner.Exec([Seed, Seed, "--explain", "--format", "jsonl", "-q"]);
        Assert.Equal(0, batch.ExitCode);
        var lines = batch.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        using var doc = JsonDocument.Parse(lines[0]);
        var blocks = doc.RootElement;
        Assert.Contains(blocks.EnumerateArray(), b => b.GetProperty("label").GetString() == "donation-appeal");
        // Full texts, not the 100-character excerpts of the text form.
        Assert.Contains(blocks.EnumerateArray(), b => b.GetProperty("text").GetString()!.Length > 100);
        var single = CliRunner.Exec([Seed, "--explain", "--format", "json"]);
        Assert.Equal(lines[0], single.Stdout.Trim());
        // Without an explicit format, several inputs still get the text form.
        Assert.StartsWith("   0 ", CliRunner.Exec([Seed, Seed, "--explain", "-q"]).Stdout);
    }

    [Fact]
    public void EmptyInputExitsOneWithWarningOnStderr()
    {
        var run = CliRunner.Exec([], stdin: "");
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("no article", run.Stderr);
    }

    [Fact]
    public void MissingFileExitsTwo()
    {
        var run = CliRunner.Exec(["/nonexistent/page.html"]);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("no such file", run.Stderr);
        Assert.Equal("", run.Stdout);
    }

    [Fact]
    public void UnknownOptionIsAUsageError()
    {
        var run = CliRunner.Exec(["--no-such-option"], stdin: "x");
        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.Stdout);
    }

    [Fact]
    public void GzipInputIsSniffedByMagicBytes()
    {
        using var ms = new MemoryStream();
        using (var gz = new System.IO.Compression.GZipStream(ms, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true))
            gz.Write(File.ReadAllBytes(Seed));
        var run = CliRunner.Exec([], stdinBytes: ms.ToArray());
        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("WhatsApp accuse", run.Stdout);
    }
}
