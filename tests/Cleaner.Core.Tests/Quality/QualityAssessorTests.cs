using System.Text.Json.Nodes;
using Cleaner.Core.Model;
using Cleaner.Core.Quality;

namespace Cleaner.Core.Tests.Quality;

public class QualityAssessorTests
{
    /// <summary>A cleaned document built by hand: article paragraphs as content blocks, plus boilerplate blocks.</summary>
    private static CleanResult Result(IEnumerable<string> paragraphs, params (BlockKind Kind, string Text)[] removed)
    {
        var article = new Article { Title = "A title", Language = "en" };
        var blocks = new List<Block>();
        foreach (var p in paragraphs)
        {
            article.Paragraphs.Add(p);
            var b = new Block(blocks.Count, p);
            b.Label(BlockKind.Content, "test");
            blocks.Add(b);
        }
        foreach (var (kind, text) in removed)
        {
            var b = new Block(blocks.Count, text);
            b.Label(kind, "test");
            blocks.Add(b);
        }
        return new CleanResult { Id = "doc", Article = article, Blocks = blocks };
    }

    private static readonly string Para = "The council approved the new budget on Tuesday after a long debate about schools and roads in the district.";

    [Fact]
    public void OrdinaryArticlePasses()
    {
        var r = new QualityAssessor(new QualityThresholds()).Assess(Result([Para, Para + " More.", Para + " Again."], (BlockKind.Navigation, "Home News Sport")));
        Assert.True(r.Passed, string.Join("; ", r.Failures));
        Assert.Contains(r.Warnings, w => w.Rule == "authors");
    }

    [Fact]
    public void RepeatedParagraphsIgnoringCaseFailDuplicates()
    {
        var r = new QualityAssessor(new QualityThresholds()).Assess(Result([Para, Para.ToUpperInvariant(), Para + "!"]));
        Assert.Equal("duplicates", Assert.Single(r.Failures).Rule);
    }

    [Fact]
    public void ConsentTextWithoutArticleIsAWall()
    {
        var consent = string.Concat(Enumerable.Repeat("We use cookies to personalise content and ads. Accept all cookies or manage your settings. ", 3));
        var r = new QualityAssessor(new QualityThresholds()).Assess(Result([], (BlockKind.CookieConsent, consent)));
        Assert.Equal("wall", r.Failures[0].Rule);
        Assert.Contains("consent page", r.Failures[0].Message);
    }

    [Fact]
    public void MojibakeAndReplacementCharactersAreCounted()
    {
        var r = new QualityAssessor(new QualityThresholds()).Assess(Result([Para + " Itâ€™s a cafÃ© and a crÃ¨me brÃ»lÃ©e \uFFFD."]));
        Assert.Equal(1, r.Metrics.ReplacementChars);
        Assert.True(r.Metrics.MojibakeSequences >= 4);
        Assert.Contains(r.Failures, f => f.Rule == "mojibake");
        // Real accents are not mojibake.
        var clean = new QualityAssessor(new QualityThresholds()).Assess(Result([Para + " Le château, l'âge, São Paulo, Ärger, Ñandú."]));
        Assert.Equal(0, clean.Metrics.MojibakeSequences);
    }

    [Fact]
    public void LanguageAndRequirementsFollowThresholds()
    {
        var t = new QualityThresholds { ExpectLanguage = ["de"], RequireAuthors = true };
        var r = new QualityAssessor(t).Assess(Result([Para, Para + " More.", Para + " Again."]));
        Assert.Equal(["language", "authors"], r.Failures.Select(f => f.Rule).Order().Reverse());
    }

    [Fact]
    public void ConfigSectionOverridesDefaultsAndRejectsUnknownKeys()
    {
        var t = new QualityThresholds().With(new JsonObject { ["min_chars"] = 10, ["expect_language"] = "de, en", ["_note"] = "x" }, "cleaner.json");
        Assert.Equal(10, t.MinChars);
        Assert.Equal(["de", "en"], t.ExpectLanguage);
        var e = Assert.Throws<InvalidDataException>(() => new QualityThresholds().With(new JsonObject { ["min_char"] = 10 }, "cleaner.json"));
        Assert.Contains("min_char", e.Message);
    }

    [Fact]
    public void ConfigIsFoundInAnAncestorFolder()
    {
        var root = Directory.CreateTempSubdirectory("cleaner-config");
        try
        {
            File.WriteAllText(Path.Combine(root.FullName, "cleaner.json"), """{"check": {"max_residue": 0}}""");
            var deep = Directory.CreateDirectory(Path.Combine(root.FullName, "a", "b")).FullName;
            var found = QualityThresholds.FindConfig(deep);
            Assert.Equal(Path.Combine(root.FullName, "cleaner.json"), found);
            Assert.Equal(0, QualityThresholds.FromConfigFile(found!).MaxResidue);
        }
        finally { root.Delete(true); }
    }

    [Fact]
    public void ParagraphDiffListsRemovedAndAdded()
    {
        var diff = ParagraphDiff.Compare(["T", "a", "b", "c"], ["T", "a", "x", "c", "d"]);
        Assert.Equal(["- b", "+ x", "+ d"], diff.Select(d => d.ToString()));
        Assert.Empty(ParagraphDiff.Compare(ParagraphDiff.Paragraphs("T\n\na\n\nb\n"), ParagraphDiff.Paragraphs("T\r\n\r\na\n\nb")));
    }
}
