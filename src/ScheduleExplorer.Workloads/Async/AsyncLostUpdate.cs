namespace ScheduleExplorer.Workloads.Async;

/// <summary>
/// The lost update across an await: each flow reads the counter, awaits, then writes what it read
/// plus one (<see cref="AcrossAwait()"/>), and the same with <c>Task.Run(() =&gt; Number++)</c>
/// (<see cref="TaskRun()"/>). Fixed with <c>SemaphoreSlim.WaitAsync</c> around the read and the
/// write, and with <c>Interlocked</c>.
/// </summary>
public sealed class AsyncLostUpdate
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private int _count;

    /// <summary>The counter, for the real-thread tests.</summary>
    public int Count => _count;

    /// <summary>The bug: two flows of <c>var v = count; await Task.Yield(); count = v + 1;</c>.</summary>
    /// <exception cref="InvalidOperationException">An update was lost.</exception>
    public static Task AcrossAwait() => AcrossAwait(2, 1);

    /// <summary>The bug, with <paramref name="flows"/> flows of <paramref name="increments"/> increments each.</summary>
    /// <param name="flows">Concurrent async flows (at least 1).</param>
    /// <param name="increments">Increments per flow (at least 0).</param>
    /// <exception cref="InvalidOperationException">An update was lost.</exception>
    public static Task AcrossAwait(int flows, int increments) => new AsyncLostUpdate().RunAsync(flows, increments, counter => counter.IncrementAcrossAwaitAsync());

    /// <summary>Fixed: the read, the await and the write under <c>SemaphoreSlim.WaitAsync</c>.</summary>
    public static Task AcrossAwaitLocked() => AcrossAwaitLocked(2, 1);

    /// <summary>Fixed with an async lock, sized.</summary>
    /// <param name="flows">Concurrent async flows (at least 1).</param>
    /// <param name="increments">Increments per flow (at least 0).</param>
    public static Task AcrossAwaitLocked(int flows, int increments) => new AsyncLostUpdate().RunAsync(flows, increments, counter => counter.IncrementLockedAsync());

    /// <summary>The bug: <c>Task.Run(() =&gt; Number++)</c> twice.</summary>
    /// <exception cref="InvalidOperationException">An update was lost.</exception>
    public static Task TaskRun() => TaskRun(2);

    /// <summary>The bug with <paramref name="tasks"/> tasks.</summary>
    /// <param name="tasks">Concurrent tasks (at least 1).</param>
    /// <exception cref="InvalidOperationException">An update was lost.</exception>
    public static async Task TaskRun(int tasks)
    {
        var counter = new AsyncLostUpdate();
        var running = new Task[tasks];
        for (int i = 0; i < tasks; i++)
        {
            running[i] = Task.Run(() => counter._count++);
        }

        await Task.WhenAll(running);
        counter.Check(tasks, "between tasks");
    }

    /// <summary>Fixed: <c>Task.Run(() =&gt; Interlocked.Increment(ref number))</c>.</summary>
    public static Task TaskRunInterlocked() => TaskRunInterlocked(2);

    /// <summary>Fixed with Interlocked, sized.</summary>
    /// <param name="tasks">Concurrent tasks (at least 1).</param>
    public static async Task TaskRunInterlocked(int tasks)
    {
        var counter = new AsyncLostUpdate();
        var running = new Task[tasks];
        for (int i = 0; i < tasks; i++)
        {
            running[i] = Task.Run(() => Interlocked.Increment(ref counter._count));
        }

        await Task.WhenAll(running);
        counter.Check(tasks, "between tasks");
    }

    private async Task RunAsync(int flows, int increments, Func<AsyncLostUpdate, Task> increment)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(flows, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(increments);
        var running = new Task[flows];
        for (int i = 0; i < flows; i++)
        {
            running[i] = Task.Run(async () =>
            {
                for (int j = 0; j < increments; j++)
                {
                    await increment(this);
                }
            });
        }

        await Task.WhenAll(running);
        Check(flows * increments, "across an await");
    }

    private async Task IncrementAcrossAwaitAsync()
    {
        int value = _count;
        await Task.Yield();
        _count = value + 1;
    }

    private async Task IncrementLockedAsync()
    {
        await _gate.WaitAsync();
        try
        {
            int value = _count;
            await Task.Yield();
            _count = value + 1;
        }
        finally
        {
            _gate.Release();
        }
    }

    private void Check(int expected, string where)
    {
        if (_count != expected)
        {
            throw new InvalidOperationException($"Lost update {where}: expected {expected}, counted {_count}.");
        }
    }
}
