namespace Cleaner.Core.Model;

/// <summary>What a block of a page is. Everything that is not article (content, title, byline,
/// dateline, caption, credit) is a boilerplate kind that the assembler drops.</summary>
public enum BlockKind
{
    Unknown = 0,
    Content,
    Title,
    Byline,
    Dateline,
    Caption,
    Credit,
    // boilerplate kinds
    CookieConsent,
    DonationAppeal,
    Subscription,
    Newsletter,
    LegalNotice,
    SitePromo,
    Navigation,
    Share,
    Related,
    Comments,
    Advertisement,
    Metadata,
    Boilerplate,
}

public static class BlockKinds
{
    private static readonly string[] Names = Enum.GetValues<BlockKind>().Select(ToKebab).ToArray();

    /// <summary>The stable, kebab-case name used in JSON, --explain and phrase data files.</summary>
    public static string Name(this BlockKind kind) => Names[(int)kind];

    public static bool IsArticle(this BlockKind kind) =>
        kind is BlockKind.Content or BlockKind.Title or BlockKind.Byline or BlockKind.Dateline
            or BlockKind.Caption or BlockKind.Credit;

    public static bool IsBoilerplate(this BlockKind kind) => kind >= BlockKind.CookieConsent;

    public static bool TryParse(string name, out BlockKind kind)
    {
        var i = Array.IndexOf(Names, name.Trim().ToLowerInvariant());
        kind = i < 0 ? BlockKind.Unknown : (BlockKind)i;
        return i >= 0;
    }

    private static string ToKebab(BlockKind k)
    {
        var s = k.ToString();
        var sb = new System.Text.StringBuilder(s.Length + 4);
        for (int i = 0; i < s.Length; i++)
        {
            if (char.IsUpper(s[i]) && i > 0) sb.Append('-');
            sb.Append(char.ToLowerInvariant(s[i]));
        }
        return sb.ToString();
    }
}
