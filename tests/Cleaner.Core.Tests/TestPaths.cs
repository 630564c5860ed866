namespace Cleaner.Core.Tests;

public static class TestPaths
{
    /// <summary>The repository root (the folder holding Cleaner.sln).</summary>
    public static string Root { get; } = FindRoot();

    public static string Samples => Path.Combine(Root, "samples");

    /// <summary>../shared/corpus beside the clone, or null when absent (tests that need it skip).</summary>
    public static string? Corpus
    {
        get
        {
            var p = Path.GetFullPath(Path.Combine(Root, "..", "shared", "corpus"));
            return Directory.Exists(p) ? p : null;
        }
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir != null && !File.Exists(Path.Combine(dir.FullName, "Cleaner.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Cleaner.sln not found above " + AppContext.BaseDirectory);
    }
}
