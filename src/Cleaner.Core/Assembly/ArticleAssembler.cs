using Cleaner.Core.Classification;
using Cleaner.Core.Model;

namespace Cleaner.Core.Assembly;

/// <summary>Builds the article from labelled blocks: content blocks in page order become paragraphs
/// (an exact repeat is dropped), boilerplate becomes "removed" entries (consecutive blocks of one kind and
/// one group, such as a cookie table, are one entry).</summary>
public sealed class ArticleAssembler
{
    public void Assemble(PageContext page, Article article, CleanStats stats)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var captions = new HashSet<string>(article.Images.Select(i => i.Caption ?? "").Where(c => c.Length > 0), StringComparer.Ordinal);
        Block? previousRemoved = null;
        System.Text.StringBuilder? groupText = null;
        void FlushGroup()
        {
            if (groupText == null) return;
            article.Removed[^1] = article.Removed[^1] with { Text = groupText.ToString() };
            groupText = null;
        }
        foreach (var b in page.Blocks)
        {
            if (b.Kind == BlockKind.Content)
            {
                // A caption repeated as a paragraph (or a repeated paragraph) appears once.
                if (seen.Add(b.Text) && !captions.Contains(b.Text)) article.Paragraphs.Add(b.Text);
                previousRemoved = null;
                stats.ContentBlocks++;
                continue;
            }
            if (!b.Kind.IsBoilerplate())
            {
                previousRemoved = null;
                continue;
            }
            stats.RemovedBlocks++;
            var kindName = b.Kind.Name();
            stats.RemovedCharsByKind[kindName] = stats.RemovedCharsByKind.GetValueOrDefault(kindName) + b.Text.Length;
            bool sameGroup = previousRemoved != null && previousRemoved.Kind == b.Kind &&
                             (b.GroupId >= 0 && previousRemoved.GroupId == b.GroupId || b.GroupId < 0 && previousRemoved.GroupId < 0 && previousRemoved.Rule == b.Rule && b.Rule == "main-content");
            if (sameGroup && article.Removed.Count > 0)
            {
                // Joined once the group ends: appending to a string per block is quadratic on long runs.
                (groupText ??= new System.Text.StringBuilder(article.Removed[^1].Text)).Append('\n').Append(b.Text);
            }
            else
            {
                FlushGroup();
                article.Removed.Add(new RemovedBlock(b.Kind, b.Text, b.Reason ?? b.Rule ?? b.Kind.Name()));
            }
            previousRemoved = b;
        }
        FlushGroup();
        stats.Blocks = page.Blocks.Count;
        stats.OutputChars = article.Paragraphs.Sum(p => p.Length);
    }
}
