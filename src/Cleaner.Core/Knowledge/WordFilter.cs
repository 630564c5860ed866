namespace Cleaner.Core.Knowledge;

/// <summary>A one-bit-per-word prefilter for a word table: one bit of 65,536 that a word's length and first,
/// second and last characters hash to, set for every word of the table. Most words of running text are in no
/// table (stopwords, function words), and one bit tells most of them apart without hashing the whole word for
/// the table's lookup. False positives only cost that lookup.</summary>
internal sealed class WordFilter
{
    private readonly ulong[] _bits = new ulong[(1 << 16) / 64];

    public void Add(ReadOnlySpan<char> word)
    {
        int bit = Bit(word);
        _bits[bit >> 6] |= 1UL << bit;
    }

    /// <summary>False when the word is surely not in the table; <paramref name="word"/> is not empty.</summary>
    public bool MayContain(ReadOnlySpan<char> word)
    {
        int bit = Bit(word);
        return (_bits[bit >> 6] & 1UL << bit) != 0;
    }

    private static int Bit(ReadOnlySpan<char> word) =>
        (int)((uint)(word.Length * 0x9E3779B1 ^ word[0] * 0x85EBCA77u ^ word[^1] * 0xC2B2AE3Du ^ (word.Length > 1 ? word[1] : 0) * 0x27D4EB2Fu) >> 16);
}
