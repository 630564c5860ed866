using Cleaner.Core.Classification;
using Cleaner.Core.Model;

namespace Cleaner.Core.Metadata;

/// <summary>Fills the article's metadata from the labelled blocks and the page hints: title, authors and
/// contributors, byline, dateline and agency, date, language, images. Kept apart from extraction so that
/// either can change without the other.</summary>
public sealed class MetadataExtractor
{
    public void Extract(PageContext page, Article article)
    {
        var title = page.Blocks.FirstOrDefault(b => b.Kind == BlockKind.Title)?.Text;
        article.Title = title ?? page.Hints.TitleCandidates.FirstOrDefault();

        // Bylines: the first one gives the raw byline; names from all are merged in page order.
        foreach (var (block, parsed) in page.Bylines.Where(b => b.Block.Kind == BlockKind.Byline))
        {
            article.Byline ??= block.Text;
            foreach (var a in parsed.Authors) if (!article.Authors.Contains(a)) article.Authors.Add(a);
            foreach (var c in parsed.Contributors) if (!article.Contributors.Contains(c)) article.Contributors.Add(c);
        }
        if (article.Authors.Count == 0)
            foreach (var a in page.Hints.Authors) if (!article.Authors.Contains(a)) article.Authors.Add(a);

        var lead = page.Blocks.FirstOrDefault(b => b.Kind == BlockKind.Content);
        if (lead != null && page.Phrases.Shared(p => new DatelineParser(p)).TryParse(lead.Text, out var dl))
        {
            article.Dateline = dl.Place;
            article.Agency = dl.Agency;
        }

        article.Date = page.Hints.Date;
        foreach (var (_, image) in page.Images) article.Images.Add(image);

        var body = string.Join("\n", page.Blocks.Where(b => b.Kind == BlockKind.Content).Select(b => b.Text));
        if (body.Length < 200) body += "\n" + string.Join("\n", page.Blocks.Select(b => b.Text));
        article.Language = page.ForcedLanguage ?? page.Phrases.Shared(p => new LanguageDetector(p)).Detect(body, page.Hints.DeclaredLanguage);
    }
}
