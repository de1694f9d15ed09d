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
        "Timer.BeginInit" or "Timer.EndInit" or "Timer.get_Site" or "Timer.set_Site"
            => "Of System.Timers.Timer, the constructors, Elapsed, AutoReset, Enabled, Interval, Start, Stop, Close and Dispose are controlled (on virtual time); BeginInit/EndInit and Site are not: set Enabled after configuring the timer instead.",
        _ when api.Contains("MethodBuilder", StringComparison.Ordinal) || api.StartsWith("Task", StringComparison.Ordinal)
            || api.StartsWith("ValueTask", StringComparison.Ordinal) || api.Contains("Async", StringComparison.Ordinal)
            || api.Contains("Awaiter", StringComparison.Ordinal) || api.StartsWith("Parallel", StringComparison.Ordinal)
            => "This task API is not controlled yet: use Task.Run, async/await, Task.WhenAll/WhenAny, Task.Delay and TaskCompletionSource, which are.",
        _ when api.StartsWith("BlockingCollection", StringComparison.Ordinal)
            => "Take, TryTake, Add, TryAdd (without a token), CompleteAdding and GetConsumingEnumerable of one collection are controlled: take from each collection in turn, or use a Channel.",
        _ when api.StartsWith("ThreadPool", StringComparison.Ordinal)
            => "This thread-pool API is not controlled: use ThreadPool.QueueUserWorkItem, Task.Run or a Thread.",
        _ when api.Contains("Timer", StringComparison.Ordinal)
            => "This timer is not controlled yet: use Task.Delay in a loop, or a Thread with Thread.Sleep (both on virtual time).",
        _ => "Avoid it in code under test, or move it out of the rewritten assembly.",
    };
}
