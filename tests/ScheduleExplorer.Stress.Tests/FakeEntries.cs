namespace ScheduleExplorer.Stress.Tests.Entries;

/// <summary>Entries of this test assembly, loaded by the resolver (and by the child process) like any workload.</summary>
public static class Tally
{
    /// <summary>Always right.</summary>
    public static void Exact(int threads, int size)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(threads);
        ArgumentOutOfRangeException.ThrowIfNegative(size);
    }

    /// <summary>Loses one update per run, per its counting companion.</summary>
    public static void Leaky(int threads, int size) => Exact(threads, size);

    /// <summary>Parameterless entry that always holds.</summary>
    public static void Quick()
    {
    }

    /// <summary>Throws on a thread of its own: the process dies, as a real workload's unhandled exception would kill it.</summary>
    public static void ThrowOnThread()
    {
        var thread = new Thread(() => throw new InvalidOperationException("boom on a workload thread"));
        thread.Start();
        thread.Join();
    }
}

/// <summary>The variants <see cref="TallyCount"/> knows, named as <see cref="Tally"/>'s entries.</summary>
public enum TallyVariant
{
    /// <summary><see cref="Tally.Exact"/>.</summary>
    Exact,

    /// <summary><see cref="Tally.Leaky"/>.</summary>
    Leaky,
}

/// <summary>The counting companion of <see cref="Tally"/> (found by its name, "TallyCount").</summary>
public static class TallyCount
{
    /// <summary>threads × size, minus one for <see cref="TallyVariant.Leaky"/>.</summary>
    public static long Count(TallyVariant variant, int threads, int size) =>
        ((long)threads * size) - (variant == TallyVariant.Leaky ? 1 : 0);
}
