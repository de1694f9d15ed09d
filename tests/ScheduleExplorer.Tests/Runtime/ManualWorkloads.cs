using ScheduleExplorer.Controlled;

namespace ScheduleExplorer.Tests.Runtime;

/// <summary>
/// Workloads written directly against the controlled shims (what the rewriter produces), so the
/// runtime is tested on its own, without rewriting.
/// </summary>
internal static class ManualWorkloads
{
    public static void LostUpdate(int threads, int increments, bool locked)
    {
        var state = new Counter();
        var gate = new object();
        var workers = new Thread[threads];
        for (int t = 0; t < threads; t++)
        {
            workers[t] = ControlledThread.Create(() =>
            {
                for (int i = 0; i < increments; i++)
                {
                    if (locked)
                    {
                        ControlledMonitor.Enter(gate);
                    }

                    ControlledMemory.Read("Counter.Value", "Manual.cs:1");
                    int value = state.Value;
                    ControlledMemory.Write("Counter.Value", "Manual.cs:2");
                    state.Value = value + 1;
                    if (locked)
                    {
                        ControlledMonitor.Exit(gate);
                    }
                }
            });
            workers[t].Name = $"worker {t}";
            ControlledThread.Start(workers[t]);
        }

        foreach (var worker in workers)
        {
            // As the rewriter does before every controlled call: a site is per thread, and a worker
            // thread reused from another iteration would otherwise still hold that one's last site.
            ControlledSite.Set("Manual.cs:3");
            ControlledThread.Join(worker);
        }

        if (state.Value != threads * increments)
        {
            throw new InvalidOperationException($"Lost update: expected {threads * increments}, counted {state.Value}");
        }
    }

    /// <summary>Two threads each read a counter and write it back one higher; returns the count they leave (2, or 1 when an update is lost).</summary>
    public static string TwoIncrements()
    {
        var counter = new Counter();
        var workers = Enumerable.Range(0, 2).Select(t => ControlledThread.Create(() =>
        {
            ControlledMemory.Read("counter", "t:1");
            int value = counter.Value;
            ControlledMemory.Write("counter", "t:2");
            counter.Value = value + 1;
        })).ToList();
        workers.ForEach(ControlledThread.Start);
        workers.ForEach(ControlledThread.Join);
        return counter.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    public static void Philosophers(int count, bool ordered)
    {
        var forks = Enumerable.Range(0, count).Select(i => new NamedFork(i)).ToArray();
        var threads = new Thread[count];
        for (int p = 0; p < count; p++)
        {
            int me = p;
            threads[p] = ControlledThread.Create(() =>
            {
                var left = forks[me];
                var right = forks[(me + 1) % count];
                var (first, second) = ordered && left.Id > right.Id ? (right, left) : (left, right);
                ControlledSite.Set("Philosophers.cs:10");
                ControlledMonitor.Enter(first);
                ControlledSite.Set("Philosophers.cs:11");
                ControlledMonitor.Enter(second);
                ControlledMonitor.Exit(second);
                ControlledMonitor.Exit(first);
            });
            threads[p].Name = $"philosopher {p}";
            ControlledThread.Start(threads[p]);
        }

        foreach (var thread in threads)
        {
            ControlledThread.Join(thread);
        }
    }

    internal sealed class Counter
    {
        public int Value;
    }

    internal sealed class NamedFork(int id)
    {
        public int Id { get; } = id;

        public override string ToString() => $"fork {Id}";
    }
}
