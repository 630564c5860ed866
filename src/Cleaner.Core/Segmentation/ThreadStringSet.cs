namespace Cleaner.Core.Segmentation;

/// <summary>An ordinal set of strings a thread reuses from page to page (the lines seen while assembling or sampling
/// a page): a set grown anew for every page was most of what those stages allocated. A set taken is empty; one
/// given back is emptied, so no page's lines stay alive, and dropped when much larger than its page needed (Clear
/// wipes the whole table: one grown by a long page would make every later page pay for it).</summary>
internal static class ThreadStringSet
{
    [ThreadStatic] private static HashSet<string>? t_spare;

    public static HashSet<string> Rent()
    {
        var set = t_spare ?? new HashSet<string>(StringComparer.Ordinal);
        t_spare = null; // a set taken while another is out gets its own
        return set;
    }

    public static void Return(HashSet<string> set)
    {
        if (set.EnsureCapacity(0) > 4 * Math.Max(set.Count, 64)) return;
        set.Clear();
        t_spare = set;
    }
}
