namespace ScheduleExplorer.Strategies;

/// <summary>
/// xoshiro256** (Blackman and Vigna): a small, fast generator whose sequence depends only on its
/// seed, on every platform and .NET version (unlike <see cref="Random"/>'s unspecified algorithm).
/// Seeded through SplitMix64.
/// </summary>
internal sealed class Xoshiro256StarStar
{
    private ulong _s0;
    private ulong _s1;
    private ulong _s2;
    private ulong _s3;

    public Xoshiro256StarStar(ulong seed) => Reseed(seed);

    public void Reseed(ulong seed)
    {
        _s0 = SplitMix64(ref seed);
        _s1 = SplitMix64(ref seed);
        _s2 = SplitMix64(ref seed);
        _s3 = SplitMix64(ref seed);
    }

    /// <summary>A seed for iteration <paramref name="iteration"/> of a run seeded with <paramref name="seed"/>.</summary>
    public static ulong IterationSeed(ulong seed, int iteration)
    {
        ulong state = seed ^ (0x9E3779B97F4A7C15UL * (ulong)(iteration + 1));
        return SplitMix64(ref state);
    }

    public ulong NextUInt64()
    {
        ulong result = ulong.RotateLeft(_s1 * 5, 7) * 9;
        ulong t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = ulong.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform in [0, <paramref name="maxValue"/>) (Lemire's multiply-shift; bias below 2^-32 for the sizes used here).</summary>
    public int NextInt(int maxValue)
    {
        if (maxValue <= 1)
        {
            return 0;
        }

        return (int)(((NextUInt64() >> 32) * (ulong)maxValue) >> 32);
    }

    public bool NextBool() => (NextUInt64() >> 63) != 0;

    private static ulong SplitMix64(ref ulong state)
    {
        ulong z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
