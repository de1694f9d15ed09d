using Microsoft.Coyote.SystematicTesting;
using ScheduleExplorer.Workloads;
using ScheduleExplorer.Workloads.Async;

namespace ScheduleExplorer.CoyoteEntries;

/// <summary>
/// The bundled workloads as Microsoft Coyote tests, so the coyote CLI runs the same code ScheduleExplorer
/// explores: <c>dotnet coyote test artifacts/coyote/ScheduleExplorer.CoyoteEntries.dll -m LostUpdateUnsynchronized</c>.
/// Each entry only calls the workload; none knows of either engine's scheduler.
/// </summary>
public static class HeadlineTests
{
    /// <summary>The lost update between threads (Coyote explores it only with <c>--enable-memory-access-races</c>).</summary>
    [Test]
    public static void LostUpdateUnsynchronized() => LostUpdate.Unsynchronized();

    /// <summary>The lost update's fix with <c>lock</c> (Monitor), which Coyote controls.</summary>
    [Test]
    public static void LostUpdateLocked() => LostUpdate.Locked();

    /// <summary>The lost update's fix with <c>Interlocked</c>.</summary>
    [Test]
    public static void LostUpdateInterlocked() => LostUpdate.Interlocked();

    /// <summary>The dining philosophers deadlock: every philosopher takes the left fork first.</summary>
    [Test]
    public static void DiningPhilosophersLeftThenRight() => DiningPhilosophers.LeftThenRight();

    /// <summary>The philosophers' fix: forks taken in a global order.</summary>
    [Test]
    public static void DiningPhilosophersOrderedForks() => DiningPhilosophers.OrderedForks();

    /// <summary>The lost update across an <c>await</c>.</summary>
    [Test]
    public static Task AsyncLostUpdateAcrossAwait() => AsyncLostUpdate.AcrossAwait();

    /// <summary>Its fix with <c>SemaphoreSlim.WaitAsync</c>.</summary>
    [Test]
    public static Task AsyncLostUpdateAcrossAwaitLocked() => AsyncLostUpdate.AcrossAwaitLocked();

    /// <summary>The async dining philosophers on <c>SemaphoreSlim</c> forks.</summary>
    [Test]
    public static Task AsyncPhilosophersLeftThenRight() => AsyncPhilosophers.LeftThenRight();

    /// <summary>Its fix: forks taken in a global order.</summary>
    [Test]
    public static Task AsyncPhilosophersOrderedForks() => AsyncPhilosophers.OrderedForks();
}
