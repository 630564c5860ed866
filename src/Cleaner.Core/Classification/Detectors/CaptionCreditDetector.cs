using Cleaner.Core.Metadata;
using Cleaner.Core.Model;
using Cleaner.Core.Segmentation;

namespace Cleaner.Core.Classification.Detectors;

/// <summary>Photo captions and credits. A block that ends in a credit ("… /REUTERS/Dado Ruvic", "… Foto: dpa")
/// is a caption; a block that is only a credit is a credit and is paired with the caption next to it;
/// a bare label ("Credit:") takes the next block as its credit. HTML figcaptions are captions outright.</summary>
public sealed class CaptionCreditDetector : IBlockDetector
{
    public string Name => "caption-credit";

    public void Detect(PageContext page)
    {
        var parser = page.Phrases.Shared(p => new CreditParser(p));
        var blocks = page.Blocks;
        for (int i = 0; i < blocks.Count; i++)
        {
            var b = blocks[i];
            if (b.IsDecided) continue;
            if (b.EffectiveLength > 600) continue;

            if (parser.IsBareLabel(b.Text) && i + 1 < blocks.Count && !blocks[i + 1].IsDecided &&
                blocks[i + 1].Text.Length <= 80)
            {
                b.Label(BlockKind.Credit, Name, "credit label");
                var credit = blocks[i + 1];
                credit.Label(BlockKind.Credit, Name, "credit after a credit label");
                AttachCredit(page, i, parser.CleanCredit(credit.Text));
                i++;
                continue;
            }

            if (parser.TrySplit(b.Text, out var split, page.Folded(b)))
            {
                var caption = split.Caption.Length > 0 && TextMetrics.WordCount(split.Caption) >= 3 ? split.Caption : null;
                if (caption != null)
                {
                    b.Label(BlockKind.Caption, Name, $"ends with the photo credit \"{split.Credit}\"");
                    page.Images.Add((i, new ImageInfo(caption, split.Credit)));
                }
                else if (split.Caption.Length == 0)
                {
                    b.Label(BlockKind.Credit, Name, "photo credit");
                    AttachCredit(page, i, split.Credit);
                }
                continue;
            }

            if (b.InFigure && b.Tag is "figcaption" or "caption")
            {
                b.Label(BlockKind.Caption, Name, "figure caption");
                page.Images.Add((i, new ImageInfo(b.Text, null)));
            }
        }
    }

    /// <summary>A credit on its own pairs with the caption just before it if that caption has none,
    /// else it is a picture with a credit only.</summary>
    private static void AttachCredit(PageContext page, int index, string credit)
    {
        if (page.Images.Count > 0)
        {
            var (at, last) = page.Images[^1];
            if (last.Credit == null && index - at <= 2)
            {
                page.Images[^1] = (at, last with { Credit = credit });
                return;
            }
        }
        page.Images.Add((index, new ImageInfo(null, credit)));
    }
}
