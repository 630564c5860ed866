using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Cleaner.Core.Segmentation;

/// <summary>Text read 16 characters at a time where they are all ASCII (most of a page in a Latin script), as one
/// vector of bytes whose character classes become bit masks (bit k: character k). The scans that step through every
/// character of a page (line measures, word starts, the dominant script) share these steps; their scalar loops
/// handle the rest.</summary>
internal static class Ascii16
{
    /// <summary>The 16 characters at <paramref name="i"/> narrowed to bytes; false when one of them is not ASCII.
    /// The caller checks that 16 remain.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryLoad(ReadOnlySpan<char> text, int i, out Vector128<byte> bytes)
    {
        ref ushort chars = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(text));
        var lo = Vector128.LoadUnsafe(ref chars, (nuint)i);
        var hi = Vector128.LoadUnsafe(ref chars, (nuint)i + 8);
        if (((lo | hi) & Vector128.Create((ushort)0xFF80)) != Vector128<ushort>.Zero)
        {
            bytes = default;
            return false;
        }
        bytes = Vector128.Narrow(lo, hi);
        return true;
    }

    /// <summary>ASCII letters, either case.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Letters(Vector128<byte> v) =>
        Vector128.LessThan((v | Vector128.Create((byte)0x20)) - Vector128.Create((byte)'a'), Vector128.Create((byte)26)).ExtractMostSignificantBits();

    /// <summary>ASCII letters and digits: the word characters among ASCII.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint WordChars(Vector128<byte> v) =>
        (Vector128.LessThan((v | Vector128.Create((byte)0x20)) - Vector128.Create((byte)'a'), Vector128.Create((byte)26)) |
         Vector128.LessThan(v - Vector128.Create((byte)'0'), Vector128.Create((byte)10))).ExtractMostSignificantBits();

    /// <summary>Characters equal to <paramref name="c"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Equal(Vector128<byte> v, byte c) => Vector128.Equals(v, Vector128.Create(c)).ExtractMostSignificantBits();
}
