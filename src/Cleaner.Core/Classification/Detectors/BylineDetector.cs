using Cleaner.Core.Metadata;
using Cleaner.Core.Model;

namespace Cleaner.Core.Classification.Detectors;

/// <summary>Byline blocks: "By X and Y", "Von X", "Par X", and wire credit lines such as
/// "(Reporting by X; Editing by Y)". The names are read by <see cref="BylineParser"/>.</summary>
public sealed class BylineDetector : IBlockDetector
{
    public string Name => "byline";

    public void Detect(PageContext page)
    {
        var parser = page.Phrases.Shared(p => new BylineParser(p));
        foreach (var b in page.Blocks)
        {
            if (b.IsDecided) continue;
            if (!parser.LooksLikeByline(b.Text, out _)) continue;
            var parsed = parser.Parse(b.Text);
            if (parsed.IsEmpty) continue;
            b.Label(BlockKind.Byline, Name, "byline: " + string.Join(", ", parsed.Authors.Concat(parsed.Contributors.Select(c => $"{c.Name} ({c.Role.Name()})"))));
            page.Bylines.Add((b, parsed));
        }
    }
}
