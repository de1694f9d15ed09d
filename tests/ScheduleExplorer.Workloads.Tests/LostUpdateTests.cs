namespace ScheduleExplorer.Workloads.Tests;

/// <summary>The fixed lost-update variants hold their invariant on real threads (the racy one is not tested here).</summary>
[TestFixture]
public sealed class LostUpdateTests
{
    private const int Threads = 4;
    private const int Increments = 100_000;

    /// <summary>Monitor lock.</summary>
    [Test]
    public void Locked_FourThreadsManyIncrements_CountsEveryIncrement() =>
        Bounded.Run(() => LostUpdate.Locked(Threads, Increments));

    /// <summary>System.Threading.Lock.</summary>
    [Test]
    public void LockedWithLock_FourThreadsManyIncrements_CountsEveryIncrement() =>
        Bounded.Run(() => LostUpdate.LockedWithLock(Threads, Increments));

    /// <summary>Interlocked.Increment.</summary>
    [Test]
    public void Interlocked_FourThreadsManyIncrements_CountsEveryIncrement() =>
        Bounded.Run(() => LostUpdate.Interlocked(Threads, Increments));

    /// <summary>CAS retry loop.</summary>
    [Test]
    public void CompareExchangeLoop_FourThreadsManyIncrements_CountsEveryIncrement() =>
        Bounded.Run(() => LostUpdate.CompareExchangeLoop(Threads, Increments));

    /// <summary>Padded per-thread slots.</summary>
    [Test]
    public void StripedCounter_FourThreadsManyIncrements_CountsEveryIncrement() =>
        Bounded.Run(() => LostUpdate.StripedCounter(Threads, Increments));

    /// <summary>Every parameterless fixed entry completes.</summary>
    [Test]
    public void DefaultEntries_FixedVariants_Complete() =>
        Bounded.Run(() =>
        {
            LostUpdate.Locked();
            LostUpdate.LockedWithLock();
            LostUpdate.Interlocked();
            LostUpdate.CompareExchangeLoop();
            LostUpdate.StripedCounter();
        });

    /// <summary>Zero increments is a valid, trivially correct run.</summary>
    [Test]
    public void Locked_ZeroIncrements_Completes() =>
        Bounded.Run(() => LostUpdate.Locked(Threads, 0));

    /// <summary>Sizes are validated before any thread starts.</summary>
    [Test]
    public void StripedCounter_ZeroThreads_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => LostUpdate.StripedCounter(0, Increments));

    /// <summary>Repeated calls share no state.</summary>
    [Test]
    public void Interlocked_CalledTwice_EachCallIsIndependent() =>
        Bounded.Run(() =>
        {
            LostUpdate.Interlocked(Threads, 1_000);
            LostUpdate.Interlocked(Threads, 1_000);
        });
}
