namespace Cleaner.Core.Model;

public enum ContributorRole { Editing, Translation, AdditionalReporting, Photography, Other }

public static class ContributorRoles
{
    public static string Name(this ContributorRole role) => role switch
    {
        ContributorRole.Editing => "editing",
        ContributorRole.Translation => "translation",
        ContributorRole.AdditionalReporting => "additional-reporting",
        ContributorRole.Photography => "photography",
        _ => "other",
    };

    public static bool TryParse(string s, out ContributorRole role)
    {
        foreach (var r in Enum.GetValues<ContributorRole>())
            if (r.Name() == s) { role = r; return true; }
        role = ContributorRole.Other;
        return false;
    }
}

public sealed record Contributor(string Name, ContributorRole Role);

public sealed record ImageInfo(string? Caption, string? Credit);

public sealed record RemovedBlock(BlockKind Kind, string Text, string Reason);

/// <summary>The result of cleaning one page.</summary>
public sealed class Article
{
    public string? Title { get; set; }
    public List<string> Authors { get; } = new();
    public List<Contributor> Contributors { get; } = new();
    public string? Byline { get; set; }
    public string? Dateline { get; set; }
    public string? Agency { get; set; }
    public string? Date { get; set; }
    public string? Language { get; set; }
    public List<ImageInfo> Images { get; } = new();
    public List<string> Paragraphs { get; } = new();
    public List<RemovedBlock> Removed { get; } = new();

    public string Text => string.Join("\n\n", Paragraphs);

    /// <summary>True when the page yielded article body text.</summary>
    public bool Found => Paragraphs.Count > 0;
}
