using System.ComponentModel;
using ScheduleExplorer.Detection;
using ScheduleExplorer.Runtime;

namespace ScheduleExplorer.Controlled;

/// <summary>
/// Called by rewritten code before a concurrency API the runtime does not control: under a
/// controlled run it fails the iteration with a clear report instead of letting work escape the
/// scheduler (a silent hang or a missed bug); outside one it does nothing.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class UncontrolledCall
{
    /// <summary>Checks a call to <paramref name="api"/> ("Type.Method").</summary>
    public static void Check(string api)
    {
        if (ControlledScheduler.CurrentOperation is null)
        {
            return;
        }

        throw new UncontrolledConcurrencyException(api, Advice(api), ControlledSite.Current);
    }

    private static string Advice(string api) => api switch
    {
        _ when api.Contains("MethodBuilder", StringComparison.Ordinal) || api.StartsWith("Task", StringComparison.Ordinal)
            || api.StartsWith("ValueTask", StringComparison.Ordinal) || api.Contains("Async", StringComparison.Ordinal)
            || api.Contains("Awaiter", StringComparison.Ordinal) || api.StartsWith("Parallel", StringComparison.Ordinal)
            => "Task and async/await workloads are not supported yet; use Thread, lock, SemaphoreSlim.Wait and events.",
        _ when api.StartsWith("ThreadPool", StringComparison.Ordinal)
            => "Start a Thread instead of queueing work to the thread pool.",
        _ when api.Contains("Timer", StringComparison.Ordinal)
            => "Timers are not controlled; use a Thread with Thread.Sleep (virtual time).",
        _ => "Avoid it in code under test, or move it out of the rewritten assembly.",
    };
}
