using ScheduleExplorer.Runtime;

namespace ScheduleExplorer.Controlled;

/// <summary>The <see cref="Random"/> members that draw many values or 64-bit ones.</summary>
public static partial class ControlledRandom
{
    /// <inheritdoc cref="Random.NextInt64()"/>
    public static long NextInt64(Random random) =>
        ControlledScheduler.CurrentOperation is { } op ? Seeded(op).NextInt64() : random.NextInt64();

    /// <inheritdoc cref="Random.NextInt64(long)"/>
    public static long NextInt64(Random random, long maxValue)
    {
        if (ControlledScheduler.CurrentOperation is not { } op)
        {
            return random.NextInt64(maxValue);
        }

        ArgumentOutOfRangeException.ThrowIfNegative(maxValue);
        return maxValue <= int.MaxValue ? Choose(op, (int)maxValue) : Seeded(op).NextInt64(maxValue);
    }

    /// <inheritdoc cref="Random.NextInt64(long, long)"/>
    public static long NextInt64(Random random, long minValue, long maxValue)
    {
        if (ControlledScheduler.CurrentOperation is not { } op)
        {
            return random.NextInt64(minValue, maxValue);
        }

        ArgumentOutOfRangeException.ThrowIfGreaterThan(minValue, maxValue);
        ulong range = (ulong)(maxValue - minValue);
        return range <= int.MaxValue ? minValue + Choose(op, (int)range) : Seeded(op).NextInt64(minValue, maxValue);
    }

    /// <inheritdoc cref="Random.NextSingle"/>
    public static float NextSingle(Random random) =>
        ControlledScheduler.CurrentOperation is { } op ? Choose(op, 1 << 24) / (float)(1 << 24) : random.NextSingle();

    /// <inheritdoc cref="Random.NextBytes(byte[])"/>
    public static void NextBytes(Random random, byte[] buffer) => Source(random).NextBytes(buffer);

    /// <inheritdoc cref="Random.NextBytes(Span{byte})"/>
    public static void NextBytes(Random random, Span<byte> buffer) => Source(random).NextBytes(buffer);

    /// <inheritdoc cref="Random.Shuffle{T}(T[])"/>
    public static void Shuffle<T>(Random random, T[] values) => Source(random).Shuffle(values);

    /// <inheritdoc cref="Random.Shuffle{T}(Span{T})"/>
    public static void Shuffle<T>(Random random, Span<T> values) => Source(random).Shuffle(values);

    /// <inheritdoc cref="Random.GetItems{T}(T[], int)"/>
    public static T[] GetItems<T>(Random random, T[] choices, int length) => Source(random).GetItems(choices, length);

    /// <inheritdoc cref="Random.GetItems{T}(ReadOnlySpan{T}, int)"/>
    public static T[] GetItems<T>(Random random, ReadOnlySpan<T> choices, int length) => Source(random).GetItems(choices, length);

    /// <inheritdoc cref="Random.GetItems{T}(ReadOnlySpan{T}, Span{T})"/>
    public static void GetItems<T>(Random random, ReadOnlySpan<T> choices, Span<T> destination) => Source(random).GetItems(choices, destination);

    /// <inheritdoc cref="Random.GetString(ReadOnlySpan{char}, int)"/>
    public static string GetString(Random random, ReadOnlySpan<char> choices, int length) => Source(random).GetString(choices, length);

    /// <inheritdoc cref="Random.GetHexString(int, bool)"/>
    public static string GetHexString(Random random, int stringLength, bool lowercase) => Source(random).GetHexString(stringLength, lowercase);

    /// <inheritdoc cref="Random.GetHexString(Span{char}, bool)"/>
    public static void GetHexString(Random random, Span<char> destination, bool lowercase) => Source(random).GetHexString(destination, lowercase);

    /// <summary>Under a controlled run, a generator seeded by one recorded choice; otherwise <paramref name="random"/> itself.</summary>
    private static Random Source(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        return ControlledScheduler.CurrentOperation is { } op ? Seeded(op) : random;
    }

    private static Random Seeded(ControlledOperation op) => new(Choose(op, int.MaxValue));
}
