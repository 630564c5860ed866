namespace Cleaner.Core.Segmentation;

/// <summary>One string per distinct value for values that repeat across the elements and pages a worker segments
/// (class tokens, tag paths): looked up by span, so a repeat costs no allocation. One pool per thread, emptied when
/// it reaches <see cref="MaxCount"/> strings or <see cref="MaxChars"/> characters so a long run cannot grow it without
/// bound; values longer than <see cref="MaxLength"/> are not pooled (a class attribute of megabytes would otherwise
/// stay alive long after its page).</summary>
internal sealed class StringPool
{
    [ThreadStatic] private static StringPool? t_shared;

    private const int MaxCount = 20_000;
    private const int MaxLength = 1_000;
    private const int MaxChars = 2_000_000;
    private int _chars;
    private readonly Dictionary<string, string> _strings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    private StringPool() => _lookup = _strings.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>This thread's pool.</summary>
    public static StringPool Shared => t_shared ??= new StringPool();

    public string Get(ReadOnlySpan<char> value)
    {
        if (value.Length > MaxLength) return new string(value);
        if (_lookup.TryGetValue(value, out var pooled)) return pooled;
        if (_strings.Count >= MaxCount || _chars + value.Length > MaxChars)
        {
            _strings.Clear();
            _chars = 0;
        }
        var made = new string(value);
        _strings[made] = made;
        _chars += made.Length;
        return made;
    }
}
