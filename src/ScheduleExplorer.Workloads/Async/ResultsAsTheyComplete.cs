namespace ScheduleExplorer.Workloads.Async;

/// <summary>
/// Three lookups consumed with <c>Task.WhenEach</c>, which yields them in the order they
/// complete. <see cref="AssumesArrayOrder"/> stores the n-th yielded result in slot n, as if the
/// order were the array's; <see cref="IndexesByTask"/> stores each result in its task's slot.
/// <see cref="CountsEveryTask"/> uses the non-generic overload and checks that every task is
/// yielded once, completed.
/// </summary>
public static class ResultsAsTheyComplete
{
    /// <summary>The bug: the completion order is taken for the array order.</summary>
    /// <exception cref="InvalidOperationException">A result landed in another lookup's slot.</exception>
    public static Task AssumesArrayOrder() => CollectAsync(byTask: false);

    /// <summary>Fixed: each result goes to the slot of the task that produced it.</summary>
    /// <exception cref="InvalidOperationException">A result landed in another lookup's slot.</exception>
    public static Task IndexesByTask() => CollectAsync(byTask: true);

    /// <summary>Every task is yielded exactly once, and only once it completed.</summary>
    /// <exception cref="InvalidOperationException">A task was yielded twice, early, or never.</exception>
    public static async Task CountsEveryTask()
    {
        Task[] work = [Task.Run(() => { }), Task.Delay(10), Task.Run(() => { })];
        var seen = new HashSet<Task>();
        await foreach (var done in Task.WhenEach((IEnumerable<Task>)work))
        {
            if (!done.IsCompleted || !seen.Add(done))
            {
                throw new InvalidOperationException("Task.WhenEach yielded a task twice or before it completed.");
            }
        }

        if (seen.Count != work.Length)
        {
            throw new InvalidOperationException($"Task.WhenEach yielded {seen.Count} of {work.Length} tasks.");
        }
    }

    private static async Task CollectAsync(bool byTask)
    {
        Task<int>[] lookups = [Task.Run(() => 10), Task.Run(() => 20), Task.Run(() => 30)];
        int[] results = new int[lookups.Length];
        int next = 0;
        await foreach (var lookup in Task.WhenEach(lookups))
        {
            int slot = byTask ? Array.IndexOf(lookups, lookup) : next;
            results[slot] = await lookup;
            next++;
        }

        for (int i = 0; i < results.Length; i++)
        {
            if (results[i] != (i + 1) * 10)
            {
                throw new InvalidOperationException($"Lookup {i} holds {results[i]}, expected {(i + 1) * 10}: results were stored in completion order.");
            }
        }
    }
}
