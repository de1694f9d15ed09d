namespace ScheduleExplorer.Workloads;

/// <summary>
/// Same fix as <see cref="MonitorCounter"/> but on a <see cref="Lock"/>: because the field is statically typed
/// <see cref="Lock"/>, the C# compiler lowers <c>lock</c> to <c>Lock.EnterScope()</c> + <c>Scope.Dispose()</c>
/// instead of Monitor.Enter/Exit, which the harness must model separately.
/// </summary>
internal sealed class LockCounter : ICounter
{
    private readonly Lock _gate = new();
    private long _count;

    /// <inheritdoc />
    public long Total => _count;

    /// <inheritdoc />
    public void Increment(int worker)
    {
        lock (_gate)
        {
            _count += 1;
        }
    }
}
