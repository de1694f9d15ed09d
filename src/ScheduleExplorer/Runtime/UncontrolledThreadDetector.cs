using System.Runtime.CompilerServices;

namespace ScheduleExplorer.Runtime;

/// <summary>
/// Detects rewritten code running on a thread the scheduler did not create (a thread started by
/// code that was not rewritten, a thread-pool callback, a native callback) while an iteration is
/// running: such a thread escapes the schedule, so the iteration is failed with a clear report
/// instead of passing or hanging silently. The check on the hot path is one static read.
/// </summary>
internal static class UncontrolledThreadDetector
{
    private static readonly Lock s_gate = new();
    private static readonly List<ControlledScheduler> s_running = [];
    private static volatile int s_runningCount;

    /// <summary>Whether any controlled iteration is running in this process.</summary>
    public static bool AnyRunning => s_runningCount != 0;

    public static void Started(ControlledScheduler scheduler)
    {
        lock (s_gate)
        {
            s_running.Add(scheduler);
            s_runningCount = s_running.Count;
        }
    }

    public static void Stopped(ControlledScheduler scheduler)
    {
        lock (s_gate)
        {
            s_running.Remove(scheduler);
            s_runningCount = s_running.Count;
        }
    }

    /// <summary>Called by the hooks when they run outside any controlled operation.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void OnUncontrolledThread(string? site)
    {
        if (s_runningCount != 0)
        {
            Report(site);
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Report(string? site)
    {
        if (Controlled.ControlledGenericStatics.InInitializer)
        {
            // A type initializer runs outside control on purpose, on the operation's own thread.
            return;
        }

        var thread = Thread.CurrentThread;
        string who = thread.IsThreadPoolThread ? "a thread-pool thread" : $"thread '{thread.Name ?? "(unnamed)"}' (id {thread.ManagedThreadId})";
        string message = $"{who}, not created under control, ran rewritten code{(site is null ? string.Empty : $" at {site}")}";
        lock (s_gate)
        {
            foreach (var scheduler in s_running)
            {
                scheduler.OnUncontrolledThread(message);
            }
        }
    }
}
