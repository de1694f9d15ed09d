using System.Diagnostics;
using System.Globalization;

namespace ScheduleExplorer.Workloads.Misbehaving;

/// <summary>
/// Failures that do not come from a plain exception on the main thread. The harness must REPORT each one as a
/// bug with its schedule: a failed Debug.Assert, a failed Trace.Assert, and an exception on a worker thread.
/// On real threads a failed assert or an unhandled thread exception terminates the process, so these
/// samples are meant for the harness only.
/// </summary>
public static class Assertions
{
    /// <summary>
    /// Two threads ("writer", "reader"); the reader does a racy read and then <c>Debug.Assert(false, ...)</c>,
    /// which fails in every schedule, in Debug and Release builds alike (its file defines DEBUG).
    /// </summary>
    public static void DebugAssertFails()
    {
        var value = new RacyValue();
        var threads = WorkerThreads.Start(["writer", "reader"], [value.Write, value.ReadThenAssert]);
        WorkerThreads.JoinAll(threads);
    }

    /// <summary>
    /// Two threads do an unsynchronized <c>count += 1</c>; after the joins <c>Trace.Assert(count == 2, ...)</c>
    /// fails exactly in the schedules with a lost update. Trace.Assert is kept in Release builds too.
    /// </summary>
    public static void TraceAssertFails()
    {
        var tally = new Tally();
        var threads = WorkerThreads.Start("worker", [tally.Increment, tally.Increment]);
        WorkerThreads.JoinAll(threads);

        var message = "Lost update: expected 2 increments, counted " + tally.Count.ToString(CultureInfo.InvariantCulture);
        Trace.Assert(tally.Count == 2, message);
    }

    /// <summary>Thread "worker 0" throws <see cref="InvalidOperationException"/>; the harness must report it.</summary>
    public static void ThrowsInThread()
    {
        var thrower = new ThreadThrower();
        var threads = WorkerThreads.Start("worker", [thrower.Run]);
        WorkerThreads.JoinAll(threads);
    }
}
