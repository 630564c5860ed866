using Cleaner.Core.Classification;
using Cleaner.Core.Model;
using Cleaner.Core.Segmentation;

namespace Cleaner.Core.Metadata;

/// <summary>Fills the article's metadata from the labelled blocks and the page hints: title, authors and
/// contributors, byline, dateline and agency, date, language, images. Kept apart from extraction so that
/// either can change without the other.</summary>
public sealed class MetadataExtractor
{
    public void Extract(PageContext page, Article article)
    {
        var title = page.Hints.Headline ?? page.Blocks.FirstOrDefault(b => b.Kind == BlockKind.Title)?.Text;
        article.Title = title ?? page.Hints.TitleCandidates.FirstOrDefault();
        var html = page.Hints.Html != null ? page.Phrases.Shared(p => new HtmlMetadata(p)) : null;
        if (html != null) article.Title = html.Title(page.Hints, page.RegionStart, page.RegionEnd < 0 ? int.MaxValue : page.RegionEnd) ?? article.Title;

        // Bylines: the one nearest the article's start gives the raw byline and the authors (author boxes,
        // "Posted by" footers and comment signatures elsewhere on the page repeat or mislead); wire credit lines
        // with roles inside the article add their names too.
        foreach (var (block, parsed) in SelectBylines(page))
        {
            article.Byline ??= block.Text;
            foreach (var a in parsed.Authors) if (!article.Authors.Contains(a)) article.Authors.Add(a);
            AddContributors(article, parsed.Contributors);
        }
        if (html != null)
        {
            // Structured sources first; byline blocks only fill in when the page structure names nobody.
            var contributors = new List<Contributor>();
            var authors = html.Authors(page, contributors);
            if (authors.Count > 0) { article.Authors.Clear(); article.Authors.AddRange(authors); }
            AddContributors(article, contributors);
        }
        // "Heba Habib contributed to this report.": a credit sentence that stays in the body, among its last paragraphs.
        var parser = page.Phrases.Shared(p => new BylineParser(p));
        int seen = 0;
        for (int i = page.Blocks.Count - 1; i >= 0 && seen < 6; i--)
        {
            var b = page.Blocks[i];
            if (b.Kind != BlockKind.Content) continue;
            seen++;
            if (b.Text.Length <= 300) AddContributors(article, parser.TrailingRoleSentence(b.Text));
        }
        // A contributor is not also an author.
        article.Authors.RemoveAll(a => article.Contributors.Any(c => string.Equals(c.Name, a, StringComparison.OrdinalIgnoreCase)));
        // HTML meta authors were already weighed (and cleaned) by HtmlMetadata: what it rejected ("kath.net", a
        // "Copyright …" line) stays out.
        if (article.Authors.Count == 0 && html == null)
            foreach (var a in page.Hints.Authors) if (!article.Authors.Contains(a)) article.Authors.Add(a);
        if (article.Authors.Count == 0)
            article.Authors.AddRange(parser.EndSignature(page.Blocks, page.RegionStart, page.RegionEnd));

        var lead = page.Blocks.FirstOrDefault(b => b.Kind == BlockKind.Content);
        var datelines = page.Phrases.Shared(p => new DatelineParser(p));
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

        // Each distinct text once: a line repeated down the page (a hidden "This link is for the robots") must not outvote the article.
        // Only the detector's sample is built: joining (and de-duplicating) every block of a long page cost more
        // than reading its first few thousand characters.
        if (page.ForcedLanguage != null) { article.Language = page.ForcedLanguage; return; }
        var buffer = System.Buffers.ArrayPool<char>.Shared.Rent(LanguageDetector.SampleLength);
        var sample = new Sample(buffer);
        sample.AppendDistinct(page.Blocks, contentOnly: true);
        if (sample.Length < 200)
        {
            sample.Append("\n");
            sample.AppendDistinct(page.Blocks, contentOnly: false);
        }
        article.Language = page.Phrases.Shared(p => new LanguageDetector(p)).Detect(sample.Text, page.Hints.DeclaredLanguage, out _);
        System.Buffers.ArrayPool<char>.Shared.Return(buffer);
    }

    /// <summary>The language detector's sample: the start of the page's distinct texts, one a line, written into a
    /// buffer of the sample's length (what follows would not be read, and a string of it would only be copied).</summary>
    private struct Sample(char[] buffer)
    {
        private int _length;

        public readonly int Length => _length;
        public readonly ReadOnlySpan<char> Text => buffer.AsSpan(0, _length);

        public void Append(ReadOnlySpan<char> text)
        {
            int n = Math.Min(text.Length, LanguageDetector.SampleLength - _length); // the pool's array may be longer
            text[..n].CopyTo(buffer.AsSpan(_length));
            _length += n;
        }

        /// <summary>Appends the distinct texts of the (content) blocks until the sample is full.</summary>
        public void AppendDistinct(List<Block> blocks, bool contentOnly)
        {
            var seen = ThreadStringSet.Rent();
            bool first = true;
            foreach (var b in blocks)
            {
                if (contentOnly && b.Kind != BlockKind.Content) continue;
                if (_length >= LanguageDetector.SampleLength) break;
                if (!seen.Add(b.Text)) continue;
                if (!first) Append("\n");
                Append(b.Text);
                first = false;
            }
            ThreadStringSet.Return(seen);
        }
    }

    private static void AddContributors(Article article, List<Contributor> contributors)
    {
        foreach (var c in contributors) if (!article.Contributors.Contains(c)) article.Contributors.Add(c);
    }

    private static List<(Block Block, BylineParser.Result Parsed)> SelectBylines(PageContext page)
    {
        var all = page.Bylines.Where(b => b.Block.Kind == BlockKind.Byline).OrderBy(b => b.Block.Index).ToList();
        if (all.Count <= 1 || page.RegionStart < 0) return all;
        int start = page.RegionStart, end = page.RegionEnd;
        int primary = -1;
        double best = double.MaxValue;
        foreach (var (block, _) in all)
        {
            int i = block.Index;
            if (i < start - 20 || i > end + 3) continue;
            double distance = i <= start ? start - i : (i - start) * 1.5;
            if (distance < best) { best = distance; primary = i; }
        }
        if (primary < 0) return [all[0]];
        return all.Where(b => Math.Abs(b.Block.Index - primary) <= 3 ||
                              b.Parsed.Contributors.Count > 0 && b.Block.Index >= start && b.Block.Index <= end + 3).ToList();
    }
}
