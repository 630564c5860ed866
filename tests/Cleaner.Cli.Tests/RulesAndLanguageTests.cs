using System.Text.Json;

namespace Cleaner.Cli.Tests;

/// <summary>--rules FILE layers user phrases on the built-in data (adding and, with '-', removing), and
/// --language skips detection.</summary>
public class RulesAndLanguageTests
{
    private static readonly string Seed = Path.Combine(CliRunner.Samples, "textdump", "reuters-fr-whatsapp-nso.txt");

    private const string Appeal = "Offrez-nous un café pour que le journal reste gratuit pour tous ses lecteurs.";

    /// <summary>The seed page with a new kind of appeal after the article's last paragraph.</summary>
    private static string PageWithNewAppeal()
    {
        var lines = File.ReadAllLines(Seed).ToList();
        int at = lines.FindIndex(l => l.StartsWith("(Raphael Satter"));
        lines.Insert(at, Appeal);
        return string.Join("\n", lines);
    }

    private static string WriteRules(string text)
    {
        var path = Path.Combine(Path.GetTempPath(), $"cleaner-rules-{Guid.NewGuid():N}.txt");
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void RulesFileAddsAPhrase()
    {
        var without = CliRunner.Exec([], stdin: PageWithNewAppeal());
        Assert.Contains(Appeal, without.Stdout);

        var rules = WriteRules("# house rules\n@language fr\n[donation-appeal]\noffrez-nous un café\n");
        try
        {
            var run = CliRunner.Exec(["--rules", rules, "--format", "json"], stdin: PageWithNewAppeal());
            Assert.Equal(0, run.ExitCode);
            using var doc = JsonDocument.Parse(run.Stdout);
            var r = doc.RootElement;
            Assert.DoesNotContain(Appeal, r.GetProperty("text").GetString());
            Assert.Contains(r.GetProperty("removed").EnumerateArray(), x =>
                x.GetProperty("kind").GetString() == "donation-appeal" && x.GetProperty("text").GetString() == Appeal &&
                x.GetProperty("reason").GetString()!.Contains("offrez-nous un café"));
        }
        finally { File.Delete(rules); }
    }

    [Fact]
    public void RulesFileRemovesABuiltInPhrase()
    {
        const string reason = "site-promo phrase \"est un média\"";
        Assert.Contains(reason, CliRunner.Exec([Seed, "--explain"]).Stdout);

        var rules = WriteRules("@language fr\n[site-promo]\n-est un média\n");
        try
        {
            var run = CliRunner.Exec([Seed, "--explain", "--rules", rules]);
            Assert.Equal(0, run.ExitCode);
            Assert.DoesNotContain(reason, run.Stdout);
        }
        finally { File.Delete(rules); }
    }

    [Fact]
    public void MissingRulesFileIsAUsageError()
    {
        var run = CliRunner.Exec([Seed, "--rules", "/nonexistent/rules.txt"]);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("rules", run.Stderr);
        Assert.Equal("", run.Stdout);
    }

    [Fact]
    public void LanguageOptionOverridesDetection()
    {
        var run = CliRunner.Exec([Seed, "--format", "json", "--language", "de"]);
        using var doc = JsonDocument.Parse(run.Stdout);
        Assert.Equal("de", doc.RootElement.GetProperty("language").GetString());
    }
}
