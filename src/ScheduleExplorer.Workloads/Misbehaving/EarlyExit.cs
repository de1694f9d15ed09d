namespace ScheduleExplorer.Workloads.Misbehaving;

/// <summary>
/// A worker that ends the whole process when it sees a bad state, as command-line code sometimes
/// does: on real threads the test run would just stop. Under control the call is a bug with a trace.
/// </summary>
public static class EarlyExit
{
    /// <summary>A worker calls <see cref="Environment.Exit(int)"/> with code 3.</summary>
    public static void Exit()
    {
        var worker = new Thread(() => Environment.Exit(3));
        worker.Start();
        worker.Join();
    }

    /// <summary>The main flow calls <see cref="Environment.FailFast(string)"/>.</summary>
    public static void FailFast() => Environment.FailFast("inventory corrupted");
}
