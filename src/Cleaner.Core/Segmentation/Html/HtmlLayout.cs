namespace Cleaner.Core.Segmentation.Html;

/// <summary>One block-level element of an HTML page with the aggregates main-content scoring needs.
/// Its blocks are the contiguous range [FirstBlock, EndBlock) of the page's blocks.</summary>
public sealed class HtmlContainer
{
    public int Id { get; init; }
    public int ParentId { get; init; } = -1;
    public required string Tag { get; init; }
    /// <summary>Lower-case "class id" of the element itself.</summary>
    public string Tokens { get; init; } = "";
    public string? ClassName { get; init; }
    /// <summary>Readability-style weight from class/id fragments (+25 content-like, −25 boilerplate-like).</summary>
    public double ClassWeight { get; init; }
    /// <summary>In a subtree whose class/id marks it as menu, footer, sidebar, comments… (and not as content).</summary>
    public bool Unlikely { get; init; }
    public bool Hidden { get; init; }
    public int Depth { get; init; }
    public int FirstBlock { get; set; }
    public int EndBlock { get; set; }
    /// <summary>Non-space characters of visible text in the subtree, of it inside links, commas.</summary>
    public int TextChars { get; set; }
    public int LinkChars { get; set; }
    public int Commas { get; set; }
    /// <summary>Paragraph-like blocks (25+ characters, mostly not links) in the subtree.</summary>
    public int Paragraphs { get; set; }
    public double LinkDensity => TextChars == 0 ? 0 : (double)LinkChars / TextChars;

    /// <summary>Short description for --explain reasons: tag#id.class.</summary>
    public string Describe() => Tokens.Length == 0 ? Tag : $"{Tag}[{(Tokens.Length > 40 ? Tokens[..40] + "…" : Tokens)}]";
}

/// <summary>Author evidence from page structure, in the order found: the element's text, its kind
/// (rel-author, itemprop-author, byline-class), whether it sits in a reader-comment section,
/// and the index of the next block (its position in the page).</summary>
public readonly record struct HtmlAuthorHint(string Text, string Source, bool InComments, int BlockIndex);

/// <summary>What the HTML segmenter learnt about the page structure, for HTML-specific detectors and metadata.</summary>
public sealed class HtmlLayout
{
    /// <summary>Block-level elements by id (ids are indexes).</summary>
    public List<HtmlContainer> Containers { get; } = new();
    /// <summary>For each block: the id of its innermost block element.</summary>
    public List<int> BlockContainer { get; } = new();
    /// <summary>For each block: inside an element marked unlikely.</summary>
    public List<bool> BlockUnlikely { get; } = new();
    /// <summary>Texts of rel=author / itemprop=author / byline-class elements.</summary>
    public List<HtmlAuthorHint> AuthorHints { get; } = new();
    /// <summary>Texts of visible h1 elements in page order, with the index of their first block.</summary>
    public List<(string Text, int BlockIndex)> H1 { get; } = new();
    /// <summary>For each entry of <see cref="H1"/>: the text of its leading child element (a kicker candidate), or null.</summary>
    public List<string?> H1Leads { get; } = new();
    /// <summary>JSON-LD headline(s) of article objects.</summary>
    public List<string> JsonLdHeadlines { get; } = new();
    /// <summary>JSON-LD author names of article objects (persons first).</summary>
    public List<string> JsonLdAuthors { get; } = new();
    /// <summary>The JSON-LD authors are Organization nodes (no Person was given).</summary>
    public bool JsonLdAuthorsAreOrganisations { get; set; }
    /// <summary>JSON-LD authors given only by reference ("author": {"@id": …}) to a Person node elsewhere in the graph:
    /// CMS graphs often name the account there ("admin"), so they are trusted less than named authors.</summary>
    public List<string> JsonLdAuthorReferences { get; } = new();
    public List<string> MetaAuthors { get; } = new();
    public string? OgTitle { get; set; }
    /// <summary>The article containers chosen by the first HTML pass (null until chosen or when none stands out).</summary>
    public Classification.Detectors.HtmlContentScorer.Selection? Selection { get; set; }
    /// <summary>The page's HTML, for a second opinion on weak pages (dropped once used). That opinion parses it again,
    /// script text included: SmartReader's scores count it, and its choice changes without it.</summary>
    public string? PublishedHtml { get; set; }
    /// <summary>Index of the first block made from the JSON-LD articleBody (-1 when none).</summary>
    public int JsonLdFirstBlock { get; set; } = -1;
    /// <summary>Deepest element nesting seen (guards recursive second opinions).</summary>
    public int MaxDepth { get; set; }
}
