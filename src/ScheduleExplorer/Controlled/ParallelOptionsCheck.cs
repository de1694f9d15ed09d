using ScheduleExplorer.Detection;

namespace ScheduleExplorer.Controlled;

/// <summary>Refuses the <see cref="ParallelOptions"/> a controlled loop cannot honour.</summary>
internal static class ParallelOptionsCheck
{
    /// <summary>Throws when <paramref name="options"/> names a task scheduler other than the default.</summary>
    /// <exception cref="UncontrolledConcurrencyException">A custom <see cref="ParallelOptions.TaskScheduler"/>.</exception>
    public static void ThrowIfUnsupported(ParallelOptions? options)
    {
        if (options?.TaskScheduler is { } scheduler && scheduler != TaskScheduler.Default)
        {
            throw new UncontrolledConcurrencyException("ParallelOptions.TaskScheduler", "A controlled Parallel loop runs on the default task scheduler only: leave ParallelOptions.TaskScheduler unset.", ControlledSite.Current);
        }
    }
}
