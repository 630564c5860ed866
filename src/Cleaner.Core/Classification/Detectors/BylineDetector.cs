using Cleaner.Core.Metadata;
using Cleaner.Core.Model;

namespace Cleaner.Core.Classification.Detectors;

/// <summary>Byline blocks: "By X and Y", "Von X", "Par X", and wire credit lines such as
/// "(Reporting by X; Editing by Y)". A bare marker block ("By", "Von", "Posted by") takes the name from the
/// next block: text dumps put a linked author name on its own line. The names are read by <see cref="BylineParser"/>.</summary>
public sealed class BylineDetector : IBlockDetector
{
    public string Name => "byline";

    private static readonly string[] MenuCategories = ["navigation", "related", "share", "comments", "subscription", "newsletter"];

    /// <summary>"Recent Posts", "Other Sciences" look like names; a menu phrase in them says they are not.</summary>
    internal static bool IsBoilerplatePhrase(PageContext page, Block b)
    {
        foreach (var category in MenuCategories)
            if (page.HasPhrase(b, category)) return true;
        return false;
    }

    public void Detect(PageContext page)
    {
        var parser = page.Phrases.Shared(p => new BylineParser(p));
        var blocks = page.Blocks;
        for (int i = 0; i < blocks.Count; i++)
        {
            var b = blocks[i];
            if (b.IsDecided) continue;
            if (parser.IsBareMarker(b.Text) && i + 1 < blocks.Count && !blocks[i + 1].IsDecided)
            {
                var next = blocks[i + 1];
                // A one- or two-letter marker ("de", "Di") is also a language code or a weekday: it needs a full name.
                var names = parser.NamesAfterMarker(next.Text, allowSingleWord: !BylineParser.IsShortMarker(b.Text));
                if (names.Count > 0 && IsBoilerplatePhrase(page, next)) continue;
                if (names.Count == 0) continue;
                b.Label(BlockKind.Byline, Name, "byline marker before the author's name");
                next.Label(BlockKind.Byline, Name, "byline: " + string.Join(", ", names));
                i++;
                i = CoAuthors(blocks, parser, i, names);
                page.Bylines.Add((next, new BylineParser.Result(names, [])));
                continue;
            }
            BylineParser.Result parsedLine;
            if (parser.LooksLikeByline(b.Text, out _))
            {
                if (IsBoilerplatePhrase(page, b)) continue;
                parsedLine = parser.Parse(b.Text);
            }
            else
            {
                var single = parser.SingleNameAfterMarker(b.Text);
                if (single.Count == 0) continue;
                parsedLine = new BylineParser.Result(single, []);
            }
            if (parsedLine.IsEmpty) continue;
            b.Label(BlockKind.Byline, Name, "byline: " + string.Join(", ", parsedLine.Authors.Concat(parsedLine.Contributors.Select(c => $"{c.Name} ({c.Role.Name()})"))));
            if (parsedLine.Contributors.Count == 0) i = CoAuthors(blocks, parser, i, parsedLine.Authors);
            page.Bylines.Add((b, parsedLine));
        }
    }

    /// <summary>Co-authors on their own lines after a byline: "und" / "Alina Schadwinkel", or "und Mariam Hofbeck".
    /// Returns the index of the last block taken.</summary>
    private int CoAuthors(List<Block> blocks, BylineParser parser, int i, List<string> names)
    {
        while (i + 1 < blocks.Count && !blocks[i + 1].IsDecided)
        {
            var next = blocks[i + 1];
            if (parser.IsBareJoiner(next.Text) && i + 2 < blocks.Count && !blocks[i + 2].IsDecided && parser.IsPersonName(blocks[i + 2].Text))
            {
                next.Label(BlockKind.Byline, Name, "joins co-authors");
                blocks[i + 2].Label(BlockKind.Byline, Name, "byline: co-author");
                names.Add(blocks[i + 2].Text.Trim());
                i += 2;
                continue;
            }
            var joined = parser.LeadingJoinerName(next.Text);
            if (joined == null) break;
            next.Label(BlockKind.Byline, Name, "byline: co-author");
            names.Add(joined);
            i++;
        }
        return i;
    }
}

/// <summary>An unmarked byline: a line that is only a person's name, next to a date line, between the headline and
/// the first paragraphs ("Dan Goodin" / "Apr 16, 2015 8:02 pm UTC"). Runs after the title and region are known,
/// and only when no marked byline sits at the article's start. Also labels the date line printed next to any
/// byline as metadata.</summary>
public sealed class NameNearDateBylineDetector : IBlockDetector
{
    public const string RuleName = "byline-name-date";
    public string Name => RuleName;

    /// <summary>How far around the article start (headline … first paragraphs) a byline is looked for.</summary>
    private const int Before = 8, After = 4;

    public void Detect(PageContext page)
    {
        var blocks = page.Blocks;
        var parser = page.Phrases.Shared(p => new BylineParser(p));
        foreach (var (block, parsed) in page.Bylines)
        {
            LabelDatesNear(page, parser, block.Index);
            // "Agencia EFE" / "04.05.2022" / "Por Agencia EFE": the name repeated on its own line is byline too.
            for (int j = Math.Max(0, block.Index - 3); j <= Math.Min(blocks.Count - 1, block.Index + 3); j++)
                if (blocks[j].Kind != BlockKind.Byline && parsed.Authors.Contains(blocks[j].Text.Trim()))
                    blocks[j].Label(BlockKind.Byline, Name, "repeats the byline's name");
        }
        if (page.RegionStart < 0) return;
        int title = blocks.FindIndex(b => b.Kind == BlockKind.Title && b.Index > 0);
        // Around the region's start, and around the headline when the region starts before it (a teaser, a caption).
        int from = Math.Max(1, Math.Min(page.RegionStart - Before, title >= 0 ? title - 3 : int.MaxValue));
        int to = Math.Min(blocks.Count - 1, Math.Max(page.RegionStart + After, title + 8));
        foreach (var (block, _) in page.Bylines)
            if (block.Index >= from - 2 && block.Index <= to && block.Kind == BlockKind.Byline) return;
        for (int i = from; i <= to; i++)
        {
            var b = blocks[i];
            if (b.Kind is BlockKind.Title or BlockKind.Caption or BlockKind.Credit) continue;
            if (b.Kind == BlockKind.Content && i > page.RegionStart) continue;
            // "11.12.2019 - Amelie Loevenich": the date and the name on one line.
            // The site's name next to the date ("Handball Schweiz • 02.02.2022", the title's last part) is no byline.
            if (DateAndName(parser, b.Text) is { } dated && !BylineDetector.IsBoilerplatePhrase(page, b) &&
                !(page.Hints.TitleTag ?? blocks[0].Text).Contains(dated, StringComparison.OrdinalIgnoreCase))
            {
                b.Label(BlockKind.Byline, Name, "a date and a person's name at the article's start");
                page.Bylines.Add((b, new BylineParser.Result([dated], [])));
                return;
            }
            if (!parser.IsPersonName(b.Text) || BylineDetector.IsBoilerplatePhrase(page, b)) continue;
            bool dateNear = false;
            for (int j = Math.Max(0, i - 2); j <= Math.Min(blocks.Count - 1, i + 2); j++)
                if (j != i && parser.IsDateLine(blocks[j].Text)) { dateNear = true; break; }
            if (!dateNear) continue;
            b.Label(BlockKind.Byline, Name, "a person's name next to a date at the article's start");
            page.Bylines.Add((b, new BylineParser.Result([b.Text.Trim()], [])));
            LabelDatesNear(page, parser, i);
            return;
        }
    }

    private static readonly string[] DateNameSeparators = [" - ", " – ", " — ", " | ", " · ", " • "];

    /// <summary>The name of a "date – name" or "name – date" line, else null.</summary>
    internal static string? DateAndName(BylineParser parser, string text)
    {
        if (text.Length > 80) return null;
        foreach (var sep in DateNameSeparators)
        {
            int at = text.IndexOf(sep, StringComparison.Ordinal);
            if (at <= 0 || text.IndexOf(sep, at + sep.Length, StringComparison.Ordinal) >= 0) continue;
            var first = text[..at].Trim();
            var second = text[(at + sep.Length)..].Trim();
            if (IsShortDate(parser, first) && parser.IsPersonName(second)) return second;
            if (parser.IsPersonName(first) && IsShortDate(parser, second)) return first;
        }
        return null;
    }

    /// <summary>A date with few words around it ("Apr 16, 2015 8:02 pm UTC", "3 mars 2020"), not "Mai 2020 Halle/Saale und Dessau".</summary>
    private static bool IsShortDate(BylineParser parser, string text) =>
        parser.IsDateLine(text) && text.Count(char.IsLetter) <= 12;

    /// <summary>The publication date printed next to a byline is metadata, not body text.</summary>
    internal static void LabelDatesNear(PageContext page, BylineParser parser, int index)
    {
        var blocks = page.Blocks;
        for (int j = Math.Max(0, index - 2); j <= Math.Min(blocks.Count - 1, index + 2); j++)
        {
            var d = blocks[j];
            if (j == index || d.Kind is BlockKind.Title or BlockKind.Byline || !parser.IsDateLine(d.Text)) continue;
            if (d.Kind.IsBoilerplate() && d.Rule != "main-content") continue;
            d.Label(BlockKind.Metadata, "byline-date", "date next to the byline");
        }
    }
}
