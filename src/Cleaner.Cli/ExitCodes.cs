namespace Cleaner.Cli;

public static class ExitCodes
{
    /// <summary>Every document cleaned.</summary>
    public const int Ok = 0;
    /// <summary>No article found in (some) input; what was found is still written.</summary>
    public const int NoArticle = 1;
    /// <summary>Usage error or unreadable input.</summary>
    public const int Usage = 2;
}
