using Cleaner.Core.Knowledge;
using Cleaner.Core.Metadata;
using Cleaner.Core.Model;

namespace Cleaner.Core.Tests.Detectors;

/// <summary>Bylines as text dumps print them: a marker on its own line, the linked name on the next.</summary>
public class BylineDetectorTests
{
    private static Article CleanWithByline(string language, params string[] bylineLines)
    {
        var p = DumpPage.Paragraphs(language);
        return DumpPage.Clean(["Page title | Site", "Home", "A headline for the test article", .. bylineLines, p[0], p[1]]);
    }

    [Theory]
    [InlineData("en", "By", "Alex Bozarjian", "Alex Bozarjian")]
    [InlineData("de", "Von", "Lisa Petrich", "Lisa Petrich")]
    [InlineData("fr", "Par", "Barbara Stiegler", "Barbara Stiegler")]
    [InlineData("es", "Por", "Mariano Martín", "Mariano Martín")]
    [InlineData("pl", "Autor:", "Jan Kowalski", "Jan Kowalski")]
    [InlineData("de", "Veröffentlicht von", "Chris Jung", "Chris Jung")]
    public void BareMarkerTakesTheNameOnTheNextLine(string language, string marker, string nameLine, string author)
    {
        var a = CleanWithByline(language, marker, nameLine);
        Assert.Equal([author], a.Authors);
        Assert.DoesNotContain(a.Paragraphs, p => p.Contains(author));
    }

    [Fact]
    public void GermanCoAuthorOnItsOwnLines()
    {
        var a = CleanWithByline("de", "von", "Lars Fischer", "und", "Alina Schadwinkel");
        Assert.Equal(["Lars Fischer", "Alina Schadwinkel"], a.Authors);
    }

    [Fact]
    public void EnglishJobTitleAfterTheNameIsNotAnAuthor()
    {
        var a = CleanWithByline("en", "By", "Daniel Kahn Gillmor", ", Senior Staff Technologist, ACLU Speech, Privacy, and Technology Project");
        Assert.Equal(["Daniel Kahn Gillmor"], a.Authors);
    }

    [Fact]
    public void UnmarkedNameNextToADateIsTheByline()
    {
        var a = CleanWithByline("de", "Thomas Hanke", "27.04.2020 - 18:50 Uhr");
        Assert.Equal(["Thomas Hanke"], a.Authors);
        Assert.DoesNotContain(a.Paragraphs, p => p.Contains("27.04.2020"));
    }

    [Theory]
    [InlineData("de", "11.12.2019 - Amelie Loevenich", "Amelie Loevenich")]
    [InlineData("en", "Erin Cunningham – Apr 16, 2015 8:02 pm UTC", "Erin Cunningham")]
    [InlineData("fr", "Jeanne Corriveau · 3 mars 2020", "Jeanne Corriveau")]
    public void DateAndNameOnOneLineIsTheByline(string language, string line, string author)
    {
        var a = CleanWithByline(language, line);
        Assert.Equal([author], a.Authors);
        Assert.DoesNotContain(a.Paragraphs, p => p.Contains(author));
    }

    [Fact]
    public void LanguageCodeAfterDeIsNotAName()
    {
        var a = CleanWithByline("fr", "Deutsch", "de", "English");
        Assert.Empty(a.Authors);
    }

    [Fact]
    public void WireCreditLineGivesRoles()
    {
        var parser = new BylineParser(PhraseBook.Default);
        var r = parser.Parse("(Reporting by Steve Holland and Jeff Mason; Editing by Mary Milliken)");
        Assert.Equal(["Steve Holland", "Jeff Mason"], r.Authors);
        Assert.Equal([new Contributor("Mary Milliken", ContributorRole.Editing)], r.Contributors);
    }

    [Theory]
    [InlineData("Heba Habib contributed to this report.", new[] { "Heba Habib" })]
    [InlineData("Aerospace Writer Marcia Dunn in Cape Canaveral, Florida, and Vladimir Isachenkov in Moscow contributed to this report.", new[] { "Marcia Dunn", "Vladimir Isachenkov" })]
    public void SentenceEndingInARoleNamesContributors(string sentence, string[] names)
    {
        var parser = new BylineParser(PhraseBook.Default);
        Assert.Equal(names.Select(n => new Contributor(n, ContributorRole.AdditionalReporting)), parser.TrailingRoleSentence(sentence));
    }

    [Theory]
    [InlineData("The mayor said the city's editor would decide.")]
    [InlineData("Heba Habib contributed to this report and later joined the newspaper's team in Cairo as a reporter.")]
    public void OrdinarySentencesNameNoContributors(string sentence) =>
        Assert.Empty(new BylineParser(PhraseBook.Default).TrailingRoleSentence(sentence));

    [Theory]
    [InlineData("Par Martin Untersinger (avec Damien Leloup et Morgane Tual)", "Martin Untersinger", new[] { "Damien Leloup", "Morgane Tual" })]
    [InlineData("Von Anna Schmidt (Mitarbeit: Jonas Weber)", "Anna Schmidt", new[] { "Jonas Weber" })]
    [InlineData("Por Lucía Gómez (con información de Pedro Ruiz)", "Lucía Gómez", new[] { "Pedro Ruiz" })]
    public void RoleParenthesisAfterTheAuthorNamesContributors(string byline, string author, string[] contributors)
    {
        var r = new BylineParser(PhraseBook.Default).Parse(byline);
        Assert.Equal([author], r.Authors);
        Assert.Equal(contributors, r.Contributors.Select(c => c.Name));
        Assert.All(r.Contributors, c => Assert.Equal(ContributorRole.AdditionalReporting, c.Role));
    }

    [Theory]
    [InlineData("By Staff Writer John Carter", "John Carter")]
    [InlineData("Autor: Rechtsanwalt Sebastian Einbock", "Sebastian Einbock")]
    [InlineData("Von Korrespondentin Anna Schmidt", "Anna Schmidt")]
    public void JobTitleBeforeTheNameIsDropped(string byline, string author) =>
        Assert.Equal([author], new BylineParser(PhraseBook.Default).Parse(byline).Authors);

    [Theory]
    [InlineData("Von: det/dpa", new[] { "det", "dpa" })]
    [InlineData("Par ats/nxp", new[] { "ats", "nxp" })]
    public void DeskSignatureAfterAMarkerIsAByline(string line, string[] authors)
    {
        var parser = new BylineParser(PhraseBook.Default);
        Assert.True(parser.LooksLikeByline(line, out _));
        Assert.Equal(authors, parser.Parse(line).Authors);
    }

    [Fact]
    public void GermanDeskSignatureLineIsTheByline()
    {
        var a = CleanWithByline("de", "02. Februar 2022", "Von: det/dpa");
        Assert.Equal(["det", "dpa"], a.Authors);
    }

    [Theory]
    [InlineData("fr", "Pour mémoire, l'Office fédéral de l'agriculture a banni en juin 12 pesticides contenant du chlorpyrifos. Ces produits peuvent endommager le cerveau des embryons et sont très toxiques pour les insectes. (ats/nxp)", new[] { "ats", "nxp" })]
    [InlineData("de", "Update 5.3 des Passwortmanagers liefert auch noch weitere Verbesserungen. 1Password kostet aktuell knapp 50 Euro im Mac App Store und setzt mindestens OS X 10.10 voraus. (bsc)", new[] { "bsc" })]
    [InlineData("de", "(Agenturen) | Stand: 05/08/2019, 5:30", new[] { "Agenturen" })]
    [InlineData("en", "The mayor said the council would meet again next week to vote on the budget, and he called the earlier ruling a grave mistake (sic) that had cost the city dearly.", new string[0])]
    public void SignatureClosingTheArticleNamesTheDesk(string language, string last, string[] authors)
    {
        var p = DumpPage.Paragraphs(language);
        var a = DumpPage.Clean(["Page title | Site", "Home", "A headline for the test article", p[0], p[1], last]);
        Assert.Equal(authors, a.Authors);
    }

    [Theory]
    [InlineData("Text von Christian Seiler Illustration von Markus Roost", "Christian Seiler", "Markus Roost", ContributorRole.Other)]
    [InlineData("By Jane Doe Illustrations by John Roe", "Jane Doe", "John Roe", ContributorRole.Other)]
    [InlineData("Por Ana Pérez Ilustración de Luis Gómez", "Ana Pérez", "Luis Gómez", ContributorRole.Other)]
    public void MarkedBylineThenARoleCreditsBoth(string byline, string author, string contributor, ContributorRole role)
    {
        var r = new BylineParser(PhraseBook.Default).Parse(byline);
        Assert.Equal([author], r.Authors);
        Assert.Equal([new Contributor(contributor, role)], r.Contributors);
    }

    [Fact]
    public void RoleWordInsideTheMarkerLeavesTheAuthor()
    {
        var r = new BylineParser(PhraseBook.Default).Parse("Text & Fotos: Ivan Valetny");
        Assert.Equal(["Ivan Valetny"], r.Authors);
        Assert.Empty(r.Contributors);
    }

    [Fact]
    public void InitialsKeepTheirPeriods()
    {
        var parser = new BylineParser(PhraseBook.Default);
        Assert.Equal(["Günter W. Kienitz"], parser.SplitNames("Günter W. Kienitz"));
    }

    [Theory]
    [InlineData("April 5, 2018 | 6:00 PM", true)]
    [InlineData("19.10.19, 08:00 Uhr", true)]
    [InlineData("28. Februar 2016", true)]
    [InlineData("1 de diciembre de 2017", true)]
    [InlineData("Kommentare anzeigen", false)]
    [InlineData("3 Kommentare", false)]
    public void DateLines(string text, bool isDate) =>
        Assert.Equal(isDate, new BylineParser(PhraseBook.Default).IsDateLine(text));
}
