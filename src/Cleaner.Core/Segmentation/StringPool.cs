namespace Cleaner.Core.Segmentation;

/// <summary>One string per distinct value for values that repeat across the elements and pages a worker segments
/// (class tokens, tag paths): looked up by span, so a repeat costs no allocation. One pool per thread, emptied when
/// it reaches <see cref="MaxCount"/> so a long run cannot grow it without bound.</summary>
internal sealed class StringPool
{
    [ThreadStatic] private static StringPool? t_shared;

    private const int MaxCount = 20_000;
    private readonly Dictionary<string, string> _strings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    private StringPool() => _lookup = _strings.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>This thread's pool.</summary>
    public static StringPool Shared => t_shared ??= new StringPool();

    public string Get(ReadOnlySpan<char> value)
    {
        if (_lookup.TryGetValue(value, out var pooled)) return pooled;
        if (_strings.Count >= MaxCount) _strings.Clear();
        var made = new string(value);
        _strings[made] = made;
        return made;
    }
}
