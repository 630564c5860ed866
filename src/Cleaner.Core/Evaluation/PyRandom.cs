namespace Cleaner.Core.Evaluation;

/// <summary>Python's random.Random (MT19937, seeded by an int) as far as randint needs it, so the bootstrap
/// standard deviations match score.py's for the same seed.</summary>
public sealed class PyRandom
{
    private const int N = 624, M = 397;
    private readonly uint[] _mt = new uint[N];
    private int _mti;

    public PyRandom(uint seed)
    {
        // CPython random_seed: a non-negative int becomes a key of 32-bit words (at least one).
        InitByArray([seed]);
    }

    private void InitGenrand(uint s)
    {
        _mt[0] = s;
        for (_mti = 1; _mti < N; _mti++)
            _mt[_mti] = 1812433253u * (_mt[_mti - 1] ^ (_mt[_mti - 1] >> 30)) + (uint)_mti;
    }

    private void InitByArray(uint[] key)
    {
        InitGenrand(19650218u);
        int i = 1, j = 0;
        for (int k = Math.Max(N, key.Length); k > 0; k--)
        {
            _mt[i] = (_mt[i] ^ ((_mt[i - 1] ^ (_mt[i - 1] >> 30)) * 1664525u)) + key[j] + (uint)j;
            i++; j++;
            if (i >= N) { _mt[0] = _mt[N - 1]; i = 1; }
            if (j >= key.Length) j = 0;
        }
        for (int k = N - 1; k > 0; k--)
        {
            _mt[i] = (_mt[i] ^ ((_mt[i - 1] ^ (_mt[i - 1] >> 30)) * 1566083941u)) - (uint)i;
            i++;
            if (i >= N) { _mt[0] = _mt[N - 1]; i = 1; }
        }
        _mt[0] = 0x80000000u;
    }

    public uint NextUInt32()
    {
        uint y;
        if (_mti >= N)
        {
            int kk;
            for (kk = 0; kk < N - M; kk++)
            {
                y = (_mt[kk] & 0x80000000u) | (_mt[kk + 1] & 0x7fffffffu);
                _mt[kk] = _mt[kk + M] ^ (y >> 1) ^ ((y & 1u) != 0 ? 0x9908b0dfu : 0u);
            }
            for (; kk < N - 1; kk++)
            {
                y = (_mt[kk] & 0x80000000u) | (_mt[kk + 1] & 0x7fffffffu);
                _mt[kk] = _mt[kk + (M - N)] ^ (y >> 1) ^ ((y & 1u) != 0 ? 0x9908b0dfu : 0u);
            }
            y = (_mt[N - 1] & 0x80000000u) | (_mt[0] & 0x7fffffffu);
            _mt[N - 1] = _mt[M - 1] ^ (y >> 1) ^ ((y & 1u) != 0 ? 0x9908b0dfu : 0u);
            _mti = 0;
        }
        y = _mt[_mti++];
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c5680u;
        y ^= (y << 15) & 0xefc60000u;
        y ^= y >> 18;
        return y;
    }

    /// <summary>random.getrandbits(k) for 0 &lt;= k &lt;= 32.</summary>
    private uint GetRandBits(int k) => k == 0 ? 0 : NextUInt32() >> (32 - k);

    /// <summary>random.randint(a, b) = a + _randbelow(b - a + 1), by rejection on getrandbits.</summary>
    public int RandInt(int a, int b)
    {
        uint n = (uint)(b - a + 1);
        int k = 32 - System.Numerics.BitOperations.LeadingZeroCount(n);
        uint r = GetRandBits(k);
        while (r >= n) r = GetRandBits(k);
        return a + (int)r;
    }
}
