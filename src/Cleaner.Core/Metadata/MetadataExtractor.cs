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
        var html = page.Hints.Html != null ? new HtmlMetadata(page.Phrases) : null;
        if (html != null) article.Title = html.Title(page.Hints, page.RegionStart, page.RegionEnd < 0 ? int.MaxValue : page.RegionEnd) ?? article.Title;

        // Bylines: the first one gives the raw byline; names from all are merged in page order.
        foreach (var (block, parsed) in page.Bylines.Where(b => b.Block.Kind == BlockKind.Byline))
        {
            article.Byline ??= block.Text;
            foreach (var a in parsed.Authors) if (!article.Authors.Contains(a)) article.Authors.Add(a);
            foreach (var c in parsed.Contributors) if (!article.Contributors.Contains(c)) article.Contributors.Add(c);
        }
        if (html != null)
        {
            // Structured sources first; byline blocks only fill in when the page structure names nobody.
            var authors = html.Authors(page);
            if (authors.Count > 0) { article.Authors.Clear(); article.Authors.AddRange(authors); }
        }
        if (article.Authors.Count == 0)
            foreach (var a in page.Hints.Authors) if (!article.Authors.Contains(a)) article.Authors.Add(a);

        var lead = page.Blocks.FirstOrDefault(b => b.Kind == BlockKind.Content);
        var datelines = new DatelineParser(page.Phrases);
        if (lead != null && datelines.TryParse(lead.Text, out var dl))
        {
            article.Dateline = dl.Place;
            article.Agency = dl.Agency;
        }
        else if (html != null)
        {
            // HTML: a gallery counter, a "Photo" crumb or a standfirst may come before the lead paragraph.
            foreach (var b in page.Blocks.Where(b => b.Kind == BlockKind.Content && b.Text.Length >= 60).Take(4))
            {
                if (!datelines.TryParse(b.Text, out var d)) continue;
                article.Dateline = d.Place;
                article.Agency = d.Agency;
                break;
            }
        }

        article.Date = page.Hints.Date;
        foreach (var (at, image) in page.Images)
        {
            if (html != null)
            {
                // HTML: pictures of the article only (a lead picture may sit just above the text); a credit without
                // a caption needs a figure or a credit container; responsive duplicates count once.
                if (page.RegionStart >= 0 && (at < page.RegionStart - 8 || at > page.RegionEnd)) continue;
                if (image.Caption == null && !page.Blocks[at].InFigure && !HtmlMetadata.InCreditContainer(page.Blocks[at], page.Phrases)) continue;
                if (article.Images.Contains(image)) continue;
            }
            article.Images.Add(image);
        }

        var body = string.Join("\n", page.Blocks.Where(b => b.Kind == BlockKind.Content).Select(b => b.Text));
        if (body.Length < 200) body += "\n" + string.Join("\n", page.Blocks.Select(b => b.Text));
        article.Language = page.ForcedLanguage ?? new LanguageDetector(page.Phrases).Detect(body, page.Hints.DeclaredLanguage);
    }
}
