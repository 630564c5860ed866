using Cleaner.Core.Knowledge;
using Cleaner.Core.Model;

namespace Cleaner.Core.Classification;

/// <summary>Facts from the page outside its blocks (HTML head, JSON-LD), gathered during segmentation.</summary>
public sealed class PageHints
{
    public List<string> TitleCandidates { get; } = new();   // og:title, JSON-LD headline, <title>, h1
    public string? TitleTag { get; set; }
    /// <summary>The headline when the title block holds more than it (a dump line joined with a date or byline).</summary>
    public string? Headline { get; set; }
    public List<string> Authors { get; } = new();           // JSON-LD / meta authors
    public string? Date { get; set; }
    public string? DeclaredLanguage { get; set; }
    public string? SiteName { get; set; }
    public string? ArticleBody { get; set; }                // JSON-LD articleBody
    /// <summary>Page structure of an HTML page (null for text dumps).</summary>
    public Segmentation.Html.HtmlLayout? Html { get; set; }
}

/// <summary>A candidate label a detector saw but was not sure of; the region selector decides it.</summary>
public readonly record struct Candidate(BlockKind Kind, string Rule, string Reason, double Strength);

/// <summary>The page as the classification stage sees it: its blocks, its format, the knowledge to use.</summary>
public sealed class PageContext
{
    public PageContext(List<Block> blocks, InputFormat format, PhraseBook phrases)
    {
        Blocks = blocks;
        Format = format;
        Phrases = phrases;
        Candidates = new Candidate?[blocks.Count];
    }

    public List<Block> Blocks { get; }
    public InputFormat Format { get; }
    public PhraseBook Phrases { get; }
    public PageHints Hints { get; init; } = new();

    /// <summary>Weak labels by block index (null where no detector had an opinion).</summary>
    public Candidate?[] Candidates { get; private set; }

    /// <summary>First and last block index of the main article region (-1 until selected).</summary>
    public int RegionStart { get; set; } = -1;
    public int RegionEnd { get; set; } = -1;

    /// <summary>Set when a format-specific selector (HTML container scoring) has already chosen the region and
    /// labelled the blocks; the generic selector then leaves them alone.</summary>
    public bool RegionFixed { get; set; }

    /// <summary>Pictures found by the caption detector, with the block that carries each.</summary>
    public List<(int BlockIndex, ImageInfo Image)> Images { get; } = new();

    /// <summary>Byline blocks with what was read out of them.</summary>
    public List<(Block Block, Metadata.BylineParser.Result Parsed)> Bylines { get; } = new();

    /// <summary>Language forced by the user (--language), else null.</summary>
    public string? ForcedLanguage { get; init; }

    public void Propose(Block block, Candidate candidate)
    {
        var current = Candidates[block.Index];
        if (current == null || current.Value.Strength < candidate.Strength) Candidates[block.Index] = candidate;
    }

    private string?[]? _folded;

    /// <summary>Categories scanned together by <see cref="PhraseHits"/> (the pipeline's phrase detectors).</summary>
    public IReadOnlyList<string> ScannedCategories { get; init; } = [];

    private PhraseHit[]?[]? _hits;
    private PhraseMatcher? _scanner;

    /// <summary>The hits of one phrase category in a block, in text order. Categories in <see cref="ScannedCategories"/>
    /// share one scan of the block (computed once per page); others are scanned on their own.</summary>
    public ReadOnlySpan<PhraseHit> PhraseHits(Block block, string category)
    {
        if (!IsScanned(category))
            return System.Runtime.InteropServices.CollectionsMarshal.AsSpan(Phrases.Matcher(category).FindAllFolded(Folded(block)));
        var all = ScannedHits(block);
        int start = 0;
        while (start < all.Length && all[start].Category != category) start++;
        int end = start;
        while (end < all.Length && all[end].Category == category) end++;
        return all.AsSpan(start, end - start);
    }

    /// <summary>Whether a block holds a phrase of a category (from the shared scan where it covers the category).</summary>
    public bool HasPhrase(Block block, string category)
    {
        if (!IsScanned(category)) return Phrases.Matcher(category).IsMatchFolded(Folded(block));
        return !PhraseHits(block, category).IsEmpty;
    }

    private int[][]? _blocksWith;

    /// <summary>The indexes, in order, of the blocks with a phrase of <paramref name="category"/> among those not
    /// decided yet. The first call runs the shared scan over every undecided block (what the first phrase detector
    /// did anyway; a decided block stays decided, so no detector asks about the others): each phrase detector then
    /// visits its few blocks instead of asking about every block of the page.</summary>
    public ReadOnlySpan<int> BlocksWithPhrase(string category)
    {
        var scanned = ScannedCategories;
        int c = 0;
        while (c < scanned.Count && scanned[c] != category) c++;
        if (c == scanned.Count)
        {
            var found = new List<int>();
            foreach (var b in Blocks)
                if (!b.IsDecided && HasPhrase(b, category)) found.Add(b.Index);
            return System.Runtime.InteropServices.CollectionsMarshal.AsSpan(found);
        }
        if (_blocksWith == null)
        {
            Span<int> kinds = stackalloc int[scanned.Count];
            var counts = new int[scanned.Count];
            foreach (var b in Blocks)
                if (!b.IsDecided)
                    foreach (int k in kinds[..CategoriesOf(ScannedHits(b), kinds)]) counts[k]++;
            _blocksWith = new int[scanned.Count][];
            for (int k = 0; k < counts.Length; k++) _blocksWith[k] = counts[k] == 0 ? [] : new int[counts[k]];
            Array.Clear(counts);
            foreach (var b in Blocks)
                if (!b.IsDecided)
                    foreach (int k in kinds[..CategoriesOf(_hits![b.Index]!, kinds)]) _blocksWith[k][counts[k]++] = b.Index;
        }
        return _blocksWith[c];
    }

    /// <summary>Writes the indexes in <see cref="ScannedCategories"/> of the categories among a block's (grouped)
    /// hits to <paramref name="into"/>; returns how many.</summary>
    private int CategoriesOf(PhraseHit[] hits, Span<int> into)
    {
        var scanned = ScannedCategories;
        int n = 0, k = 0;
        for (int i = 0; i < hits.Length; i++)
        {
            if (i > 0 && hits[i].Category == hits[i - 1].Category) continue;
            while (scanned[k] != hits[i].Category) k++;
            into[n++] = k;
        }
        return n;
    }

    private string? _lastScanned;

    /// <summary>Whether the shared scan covers a category; a detector asks about one category for every block, so
    /// the last one found is remembered.</summary>
    private bool IsScanned(string category)
    {
        if (ReferenceEquals(category, _lastScanned)) return true;
        var scanned = ScannedCategories;
        for (int i = 0; i < scanned.Count; i++)
            if (scanned[i] == category) { _lastScanned = category; return true; }
        return false;
    }

    /// <summary>A block's hits of the shared scan, grouped by category (each group in text order): every phrase
    /// detector asks for every block, and most blocks have no hits at all, so a category's hits are a slice, not a new list.</summary>
    private PhraseHit[] ScannedHits(Block block)
    {
        _scanner ??= Phrases.Matcher(ScannedCategories);
        _hits ??= new PhraseHit[]?[Blocks.Count];
        if (_hits[block.Index] is { } known) return known;
        var found = _scratchHits ??= [];
        found.Clear();
        _scanner.FindAllFolded(Folded(block), found);
        if (found.Count == 0) return _hits[block.Index] = [];
        var grouped = new PhraseHit[found.Count];
        int n = 0;
        foreach (var category in ScannedCategories)
            foreach (var h in found)
                if (h.Category == category) grouped[n++] = h;
        return _hits[block.Index] = grouped;
    }

    private List<PhraseHit>? _scratchHits;

    /// <summary>The folded (lower-cased, punctuation-unified) text of a block, computed once per page.</summary>
    public string Folded(Block block)
    {
        _folded ??= new string?[Blocks.Count];
        return _folded[block.Index] ??= TextFold.Fold(block.Text);
    }
}

/// <summary>One rule of the classification stage. Detectors run in order; each labels the blocks it is sure of
/// (<see cref="Block.Label"/>) and proposes the ones it is not (<see cref="PageContext.Propose"/>).</summary>
public interface IBlockDetector
{
    string Name { get; }
    void Detect(PageContext page);
}
