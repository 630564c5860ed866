using Cleaner.Core.Knowledge;
using Cleaner.Core.Metadata;
using Cleaner.Core.Model;

namespace Cleaner.Core.Tests.Detectors;

/// <summary>Boilerplate phrases in several languages, from the dev dumps.</summary>
public class PhraseDetectorTests
{
    [Theory]
    [InlineData("en", "SEE ALSO: A New Book Explores How the ‘Boy from Kyiv’ Became One of Ballet’s Most In-Demand Choreographers", BlockKind.Related)]
    [InlineData("es", "Lea más: Juan Carlos Ortega Murillo propone legalizar la comercialización de marihuana en Nicaragua", BlockKind.Related)]
    [InlineData("de", "Das könnte Sie auch interessieren", BlockKind.Related)]
    [InlineData("pl", "Czytaj też", BlockKind.Related)]
    [InlineData("pt", "Veja Também:", BlockKind.Related)]
    [InlineData("de", "Deine E-Mail-Adresse wird nicht veröffentlicht.", BlockKind.Comments)]
    [InlineData("de", "Beitrag teilen", BlockKind.Share)]
    [InlineData("es", "Todos los derechos reservados", BlockKind.LegalNotice)]
    public void BoilerplateAfterTheArticleIsLabelled(string language, string line, BlockKind kind)
    {
        var p = DumpPage.Paragraphs(language);
        var page = DumpPage.Classify("Titel", p[0], p[1], line);
        Assert.Equal(kind, page.Find(line).Kind);
    }

    [Fact]
    public void SiteCopyrightLineIsNotAPhotoCredit() =>
        Assert.False(new CreditParser(PhraseBook.Default).TrySplit("© 2023 Hyperlocal News and Information for Metro Atlanta.", out _));

    [Fact]
    public void PhotoCopyrightIsACredit()
    {
        Assert.True(new CreditParser(PhraseBook.Default).TrySplit("Kämpfte sich allen Widerständen zum Trotz nach Augusta. © Andy Lyons /Allsport", out var split));
        Assert.Equal("Andy Lyons /Allsport", split.Credit);
    }

    [Theory]
    [InlineData("Peace reigned through the cosmos and lasted for a millennium. [MPH SP / MP2 SP / MP3 SP]")]
    [InlineData("The species possessed great strength and agility. M1 / MP2")]
    public void SourceTagsInBracketsOrWithDigitsAreNotCredits(string text) =>
        Assert.False(new CreditParser(PhraseBook.Default).TrySplit(text, out _));

    /// <summary>Prose that names a boilerplate topic once (terms of service; comments and replies) is a
    /// paragraph, not a legal notice or a comment section.</summary>
    [Theory]
    [InlineData("Are those of us who have explicitly avoided agreeing to the Facebook terms of service simply fair game for an industry-wide surveillance machine?")]
    [InlineData("Comments and reply features: Viewers can now leave a comment or reply to videos shared by professionals using the paid tiers, so that teams can discuss a recording where it is watched, and the answers stay with the video for everyone who opens it later on. It is one of the larger changes in this release of the platform.")]
    public void ASentenceNamingABoilerplateTopicOnceIsContent(string line)
    {
        var p = DumpPage.Paragraphs("en");
        var page = DumpPage.Classify("Title", p[0], line, p[1]);
        Assert.Equal(Model.BlockKind.Content, page.Find(line).Kind);
    }
}
