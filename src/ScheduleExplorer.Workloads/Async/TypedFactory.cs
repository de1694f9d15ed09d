namespace ScheduleExplorer.Workloads.Async;

/// <summary>
/// Tasks started through <see cref="TaskFactory{TResult}"/> (<c>Task&lt;int&gt;.Factory</c> and a
/// factory of its own), each adding to a shared total and returning what it added. In
/// <see cref="Unsynchronized"/> the total is read and written back, so an addition can be lost;
/// <see cref="Interlocked"/> adds atomically.
/// </summary>
public static class TypedFactory
{
    private static int s_total;

    /// <summary>The bug: read-then-write of the total from two factory tasks.</summary>
    /// <exception cref="InvalidOperationException">An addition was lost.</exception>
    public static void Unsynchronized() => Run(atomic: false);

    /// <summary>Fixed: <c>Interlocked.Add</c>.</summary>
    /// <exception cref="InvalidOperationException">An addition was lost.</exception>
    public static void Interlocked() => Run(atomic: true);

    private static void Run(bool atomic)
    {
        s_total = 0;
        var first = Task<int>.Factory.StartNew(() => Add(1, atomic));
        var second = new TaskFactory<int>().StartNew(state => Add((int)state!, atomic), 2, CancellationToken.None);
        int added = first.Result + second.Result;
        if (s_total != added)
        {
            throw new InvalidOperationException($"Lost update in factory tasks: total {s_total}, expected {added}.");
        }
    }

    private static int Add(int amount, bool atomic)
    {
        if (atomic)
        {
            System.Threading.Interlocked.Add(ref s_total, amount);
        }
        else
        {
            int seen = s_total;
            s_total = seen + amount;
        }

        return amount;
    }
}
