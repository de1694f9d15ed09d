using System.Runtime.InteropServices;

namespace ScheduleExplorer.Workloads.Misbehaving;

/// <summary>
/// Workloads that end the process that runs them in ways no exception handler sees: a stack
/// overflow, a segmentation fault in native code, and an exception on a thread nobody controls.
/// Each touches a shared field on two threads first, so the schedule before the crash has steps.
/// </summary>
public static partial class ProcessKillers
{
    private static int s_touched;

    /// <summary>A worker recurses without end after a shared write.</summary>
    public static void StackOverflow()
    {
        var worker = new Thread(() =>
        {
            s_touched++;
            Recurse(s_touched);
        });
        worker.Start();
        s_touched++;
        worker.Join();
    }

    /// <summary>The main flow calls into libc with a null pointer (Linux): SIGSEGV in native code.</summary>
    public static void NativeCrash()
    {
        var worker = new Thread(() => s_touched++);
        worker.Start();
        worker.Join();
        _ = StringLength(IntPtr.Zero);
    }

    /// <summary>A thread started through reflection (so no rewriting sees it) throws.</summary>
    public static void UncontrolledThreadThrows()
    {
        s_touched++;
        object thread = Activator.CreateInstance(typeof(Thread), (ThreadStart)Throw)!;
        typeof(Thread).GetMethod("Start", Type.EmptyTypes)!.Invoke(thread, null);
        typeof(Thread).GetMethod("Join", Type.EmptyTypes)!.Invoke(thread, null);
    }

    private static void Throw() => throw new InvalidOperationException("a background thread failed");

    private static int Recurse(int depth) => depth == int.MinValue ? 0 : 1 + Recurse(depth + 1);

    [LibraryImport("libc", EntryPoint = "strlen")]
    private static partial nint StringLength(IntPtr text);
}
