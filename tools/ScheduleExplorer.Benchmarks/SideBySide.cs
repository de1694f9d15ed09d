using System.Globalization;
using ScheduleExplorer.Coyote;
using ScheduleExplorer.Testing;
using ScheduleExplorer.Workloads;

namespace ScheduleExplorer.Benchmarks;

/// <summary>
/// ScheduleExplorer next to Microsoft Coyote 1.7.11 on the workloads both run, in one process run:
/// iterations per second, alternating A B A B in time-boxed slots, with the ratio; then iterations to
/// the first bug over seeds for both (Coyote's random and prioritization, memory-access races on and
/// off). Run with <c>dotnet run -c Release --project tools/ScheduleExplorer.Benchmarks -- coyote [rounds] [slot-seconds] [seeds] [budget]</c>.
/// Rewriting (each engine its own) is done before the first slot and not timed.
/// </summary>
internal static class SideBySide
{
    private static readonly string[] s_fixes =
    [
        "LostUpdate.Locked",
        "AsyncLostUpdate.AcrossAwaitLocked",
        "AsyncLostUpdate.TaskRunInterlocked",
        "AccountStore.CreateTwiceGuarded",
        "AsyncPhilosophers.OrderedForks",
    ];

    private static readonly string[] s_bugs =
    [
        "LostUpdate.Unsynchronized",
        "DiningPhilosophers.LeftThenRight",
        "AsyncLostUpdate.AcrossAwait",
        "AsyncLostUpdate.TaskRun",
        "AccountStore.CreateTwice",
        "AsyncPhilosophers.LeftThenRight",
    ];

    private static string Workloads => typeof(LostUpdate).Assembly.Location;

    public static void Run(int rounds, double slotSeconds, int seeds, int budget)
    {
        var slot = TimeSpan.FromSeconds(slotSeconds);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Iterations/s, A B A B: {rounds} rounds of {slotSeconds:0.#} s slots per engine (random, seed 0; Coyote with memory-access races on)"));
        Console.WriteLine($"{"workload",-36} {"schedex it/s",12} {"coyote it/s",12} {"ratio",8}");
        foreach (string workload in s_fixes)
        {
            long schedexIterations = 0, coyoteIterations = 0;
            TimeSpan schedexTime = TimeSpan.Zero, coyoteTime = TimeSpan.Zero;
            using var schedex = TestingEngine.Create(new TestConfiguration { Iterations = 10_000_000, Timeout = slot }, Workloads, workload);
            var coyote = CoyoteTestingEngine.Create(new CoyoteTestConfiguration { Iterations = 10_000_000, Timeout = slot, MemoryAccessRaces = true }, Workloads, workload);
            for (int round = 0; round < rounds; round++)
            {
                TestReport a = schedex.Run();
                schedexIterations += a.Iterations;
                schedexTime += a.Elapsed;
                CoyoteTestReport b = coyote.Run();
                coyoteIterations += b.Iterations;
                coyoteTime += b.Elapsed;
            }

            double schedexRate = schedexIterations / schedexTime.TotalSeconds;
            double coyoteRate = coyoteIterations / coyoteTime.TotalSeconds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{workload,-36} {schedexRate,12:N0} {coyoteRate,12:N1} {schedexRate / coyoteRate,7:N0}x"));
        }

        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Iterations to the first bug over seeds 0..{seeds - 1} (budget {budget:N0} iterations and {slotSeconds * 5:0} s per seed): found, median, max"));
        Console.WriteLine($"{"workload",-36} {"engine",-32} {"found",7} {"median",8} {"max",8}");
        foreach (string workload in s_bugs)
        {
            Row(workload, "schedex random", seeds, seed => SchedexFirst(workload, StrategyKind.Random, seed, budget, slot * 5));
            Row(workload, "schedex pct(10)", seeds, seed => SchedexFirst(workload, StrategyKind.Pct, seed, budget, slot * 5));
            foreach (bool races in new[] { true, false })
            {
                foreach (CoyoteStrategy strategy in new[] { CoyoteStrategy.Random, CoyoteStrategy.Prioritization })
                {
                    var configuration = new CoyoteTestConfiguration { Strategy = strategy, Iterations = budget, Timeout = slot * 5, MemoryAccessRaces = races };
                    Row(workload, $"coyote {CoyoteTestingEngine.StrategyName(strategy)}, races {(races ? "on" : "off")}", seeds,
                        seed => CoyoteTestingEngine.Create(configuration with { Seed = (uint)seed }, Workloads, workload).Run().FirstBugIteration);
                }
            }
        }
    }

    private static int? SchedexFirst(string workload, string strategy, int seed, int budget, TimeSpan timeout)
    {
        using var engine = TestingEngine.Create(new TestConfiguration { Strategy = strategy, Seed = (ulong)seed, Iterations = budget, Timeout = timeout }, Workloads, workload);
        return engine.Run().FirstBugIteration;
    }

    private static void Row(string workload, string engine, int seeds, Func<int, int?> firstBug)
    {
        var firsts = new List<int>();
        for (int seed = 0; seed < seeds; seed++)
        {
            if (firstBug(seed) is { } first)
            {
                firsts.Add(first);
            }
        }

        firsts.Sort();
        string median = firsts.Count == 0 ? "-" : firsts[firsts.Count / 2].ToString(CultureInfo.InvariantCulture);
        string max = firsts.Count == 0 ? "-" : firsts[^1].ToString(CultureInfo.InvariantCulture);
        Console.WriteLine($"{workload,-36} {engine,-32} {firsts.Count,3}/{seeds,-3} {median,8} {max,8}");
    }
}
