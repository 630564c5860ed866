using Cleaner.Core.Input;
using Cleaner.Core.Model;

namespace Cleaner.Core.Tests;

/// <summary>The founding page, field by field (the acceptance list).</summary>
public class SeedPageTests
{
    private static readonly CleanResult Result = new CleanerPipeline().Clean(
        InputDocument.FromBytes("seed", File.ReadAllBytes(Path.Combine(TestPaths.Samples, "textdump", "reuters-fr-whatsapp-nso.txt"))));

    private static Article A => Result.Article;

    [Fact]
    public void Title() => Assert.Equal("WhatsApp accuse la firme israélienne NSO d’aider au piratage d’utilisateurs", A.Title);

    [Fact]
    public void BodyIsTheTwelveParagraphsInOrder()
    {
        Assert.Equal(12, A.Paragraphs.Count);
        Assert.StartsWith("WASHINGTON/SAN FRANCISCO (Reuters) – WhatsApp a engagé", A.Paragraphs[0]);
        Assert.EndsWith("contre NSO pour des accusations de piratage de leurs téléphones.", A.Paragraphs[^1]);
        Assert.DoesNotContain(A.Paragraphs, p => p.Contains("Dado Ruvic") || p.Contains("Raphael Satter"));
    }

    [Fact]
    public void CaptionAndCredit()
    {
        var image = Assert.Single(A.Images);
        Assert.Equal("REUTERS/Dado Ruvic", image.Credit);
        Assert.StartsWith("WhatsApp a engagé mardi", image.Caption);
        Assert.EndsWith("à travers le monde.", image.Caption);
        Assert.DoesNotContain("archives", image.Caption);
    }

    [Fact]
    public void DatelineAndAgency()
    {
        Assert.Equal("WASHINGTON/SAN FRANCISCO", A.Dateline);
        Assert.Equal("Reuters", A.Agency);
    }

    [Fact]
    public void AuthorsAndTranslator()
    {
        Assert.Equal(["Raphael Satter", "Elizabeth Culliford"], A.Authors);
        Assert.Equal([new Contributor("Jean Terzian", ContributorRole.Translation)], A.Contributors);
        Assert.Equal("(Raphael Satter à Washington et Elizabeth Culliford à San Francisco; Jean Terzian pour le service français)", A.Byline);
    }

    [Fact]
    public void Language() => Assert.Equal("fr", A.Language);

    [Fact]
    public void RemovedKinds()
    {
        var kinds = A.Removed.Select(r => r.Kind).ToList();
        Assert.Contains(A.Removed, r => r.Kind == BlockKind.DonationAppeal && r.Text.Contains("ENGAGEZ-VOUS"));
        Assert.Contains(A.Removed, r => r.Kind == BlockKind.DonationAppeal && r.Text.Contains("rédacteur bénévole"));
        Assert.Contains(A.Removed, r => r.Kind == BlockKind.SitePromo && r.Text.Contains("est un média"));
        Assert.Contains(A.Removed, r => r.Kind == BlockKind.LegalNotice && r.Text.Contains("propriété intellectuelle"));
        Assert.Contains(A.Removed, r => r.Kind == BlockKind.CookieConsent && r.Text.StartsWith("This website uses cookies"));
        var table = Assert.Single(A.Removed, r => r.Text.StartsWith("Cookie\nDurée\nDescription"));
        Assert.Equal(BlockKind.CookieConsent, table.Kind);
        Assert.Contains("viewed_cookie_policy", table.Text);
        Assert.Contains(A.Removed, r => r.Kind == BlockKind.CookieConsent && r.Text.StartsWith("Advertisement cookies"));
        // Nothing of the page is lost: every block is article or removed with a reason.
        Assert.All(Result.Blocks, b => Assert.NotEqual(BlockKind.Unknown, b.Kind));
    }
}
