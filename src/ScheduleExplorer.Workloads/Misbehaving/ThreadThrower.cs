namespace ScheduleExplorer.Workloads.Misbehaving;

/// <summary>A thread body that touches a field and then throws.</summary>
internal sealed class ThreadThrower
{
    private int _steps;

    /// <summary>Thread entry point; always throws <see cref="InvalidOperationException"/>.</summary>
    public void Run()
    {
        // One shared write first, so the trace leading to the exception is not empty.
        _steps += 1;
        throw new InvalidOperationException($"Worker thread failed on purpose after {_steps} step(s)");
    }
}
