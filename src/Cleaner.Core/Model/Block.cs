namespace Cleaner.Core.Model;

/// <summary>One unit of page text: a line of a text dump, or a block element of an HTML page.
/// HTML and text dumps share this model so that every detector works on both.</summary>
public sealed class Block
{
    public Block(int index, string text)
    {
        Index = index;
        Text = text;
    }

    /// <summary>Position in page order.</summary>
    public int Index { get; set; }

    /// <summary>Whitespace-normalised text of the block.</summary>
    public string Text
    {
        get => _text;
        set { _text = value; InvalidateCaches(); }
    }
    private string _text = "";

    /// <summary>Element name for HTML blocks ("p", "h1", "li", "td", "figcaption"…); "line" for dump lines.</summary>
    public string Tag { get; set; } = "line";

    /// <summary>Ancestor path such as "body>div>article>p" (HTML only).</summary>
    public string? TagPath { get; set; }

    /// <summary>Lower-case class and id tokens of the block and its ancestors (HTML only), space separated.</summary>
    public string? ClassTokens { get; set; }

    /// <summary>Share of the block's characters that sit inside links (0 for dumps).</summary>
    public double LinkDensity { get; set; }

    /// <summary>Heading level 1–6, 0 if not a heading.</summary>
    public int HeadingLevel { get; set; }

    public bool IsListItem { get; set; }

    /// <summary>Blocks that belong to one structure (a table, a list, a form) share a group id; -1 for none.</summary>
    public int GroupId { get; set; } = -1;

    /// <summary>Inside article/main/[itemprop=articleBody] (HTML only).</summary>
    public bool InArticleContainer { get; set; }

    /// <summary>hidden / aria-hidden / display:none on the block or an ancestor.</summary>
    public bool Hidden { get; set; }

    /// <summary>Inside a figure, or a figcaption itself (HTML only).</summary>
    public bool InFigure { get; set; }

    /// <summary>Main-content score given by segmentation/region selection; higher is more article-like.</summary>
    public double Score { get; set; }

    /// <summary>The decision about this block.</summary>
    public BlockKind Kind { get; private set; } = BlockKind.Unknown;

    /// <summary>Name of the rule (detector) that decided <see cref="Kind"/>.</summary>
    public string? Rule { get; private set; }

    /// <summary>Human-readable why, shown by --explain and in "removed".</summary>
    public string? Reason => _reason ?? _reasonOf?.Invoke(this);
    private string? _reason;
    private Func<Block, string>? _reasonOf;

    public bool IsDecided => Kind != BlockKind.Unknown;

    public void Label(BlockKind kind, string rule, string? reason = null)
    {
        Kind = kind;
        Rule = rule;
        _reason = reason;
        _reasonOf = null;
    }

    /// <summary><see cref="Label(BlockKind, string, string?)"/> with a reason written only when asked for (--explain,
    /// removed blocks): formatting a number into the reason of every kept paragraph cost more than choosing them.</summary>
    public void LabelWithReasonOf(BlockKind kind, string rule, Func<Block, string> reason)
    {
        Kind = kind;
        Rule = rule;
        _reason = null;
        _reasonOf = reason;
    }

    /// <summary>Character length that counts for density: letters and digits, so CJK text is not undercounted.</summary>
    public int LetterCount
    {
        get
        {
            if (_letters >= 0) return _letters;
            int n = 0;
            foreach (var c in Text) if (char.IsLetterOrDigit(c)) n++;
            return _letters = n;
        }
    }
    private int _letters = -1;

    /// <summary><see cref="Segmentation.TextMetrics.EffectiveLength"/> of the text, computed once: most detectors
    /// weigh a block by it.</summary>
    public int EffectiveLength => _effectiveLength >= 0 ? _effectiveLength : _effectiveLength = Segmentation.TextMetrics.EffectiveLength(Text);
    private int _effectiveLength = -1;

    internal void InvalidateCaches() => _letters = _effectiveLength = -1;

    public override string ToString() => $"[{Index}] {Kind} {Text}";
}
