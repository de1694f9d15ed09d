namespace ScheduleExplorer.Workloads.Primitives;

/// <summary>
/// A logger that must not log from inside its own sink (a sink that logs would recurse), guarded by
/// an "inside" flag. Two threads log at once. A plain static flag makes one thread skip its line
/// while the other is inside; a <c>[ThreadStatic]</c> flag guards each thread separately.
/// </summary>
public static class ReentrancyGuard
{
    [ThreadStatic]
    private static bool t_inside;

    private static bool s_inside;

    /// <summary>The bug: the guard flag is shared by all threads.</summary>
    /// <exception cref="InvalidOperationException">A line was skipped (some schedules only).</exception>
    public static void SharedFlag() => Run(threadStatic: false);

    /// <summary>The fix: a <c>[ThreadStatic]</c> guard flag.</summary>
    public static void ThreadStaticFlag() => Run(threadStatic: true);

    /// <summary>
    /// Also correct: a thread that dies inside the guard leaves its flag set, but only on itself;
    /// the next thread (a new thread, so a fresh slot) logs normally.
    /// </summary>
    public static void FreshOnEveryThread()
    {
        var dying = new Thread(() => t_inside = true) { Name = "dying logger" };
        dying.Start();
        dying.Join();
        var lines = new int[2];
        var next = new Thread(() => Log(threadStatic: true, lines, 0)) { Name = "next logger" };
        next.Start();
        next.Join();
        if (lines[0] != 1)
        {
            throw new InvalidOperationException("A new thread saw another thread's [ThreadStatic] value.");
        }
    }

    private static void Run(bool threadStatic)
    {
        s_inside = false;
        var lines = new int[2];
        WorkerThreads.JoinAll(WorkerThreads.Start("logger", [() => Log(threadStatic, lines, 0), () => Log(threadStatic, lines, 1)]));
        if (lines[0] != 1 || lines[1] != 1)
        {
            throw new InvalidOperationException($"Logged {lines[0]} and {lines[1]} lines; each thread logged one.");
        }
    }

    private static void Log(bool threadStatic, int[] lines, int me)
    {
        if (threadStatic ? t_inside : s_inside)
        {
            return; // called back from inside the sink: dropped on purpose
        }

        if (threadStatic)
        {
            t_inside = true;
        }
        else
        {
            s_inside = true;
        }

        try
        {
            lines[me]++;
        }
        finally
        {
            if (threadStatic)
            {
                t_inside = false;
            }
            else
            {
                s_inside = false;
            }
        }
    }
}
