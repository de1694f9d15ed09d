namespace ScheduleExplorer.Workloads;

/// <summary>
/// Starts and joins a group of named threads. Only <c>new Thread</c>, <c>Start</c> and <c>Join</c> are used
/// so the controlled runtime sees exactly the operations it models.
/// </summary>
internal static class WorkerThreads
{
    /// <summary>Creates one thread per body, named "<paramref name="namePrefix"/> i", and starts them in order.</summary>
    public static Thread[] Start(string namePrefix, ThreadStart[] bodies)
    {
        var names = new string[bodies.Length];
        for (var i = 0; i < bodies.Length; i++)
        {
            names[i] = $"{namePrefix} {i}";
        }

        return Start(names, bodies);
    }

    /// <summary>Creates one thread per body with the matching name, then starts them in order.</summary>
    public static Thread[] Start(string[] names, ThreadStart[] bodies)
    {
        var threads = new Thread[bodies.Length];
        for (var i = 0; i < bodies.Length; i++)
        {
            // Names are set before Start so traces and deadlock reports can say "philosopher 2", not "thread 7".
            threads[i] = new Thread(bodies[i]) { Name = names[i] };
        }

        // All threads are created before any starts, so thread ids in traces do not depend on the schedule.
        for (var i = 0; i < threads.Length; i++)
        {
            threads[i].Start();
        }

        return threads;
    }

    /// <summary>Joins every thread; the invariant is checked only after this returns.</summary>
    public static void JoinAll(Thread[] threads)
    {
        for (var i = 0; i < threads.Length; i++)
        {
            threads[i].Join();
        }
    }
}
