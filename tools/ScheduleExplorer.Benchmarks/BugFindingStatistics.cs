using System.Globalization;
using ScheduleExplorer.Testing;
using ScheduleExplorer.Workloads;

namespace ScheduleExplorer.Benchmarks;

/// <summary>
/// Iterations to the first bug for each bundled bug under each strategy, over many seeds: the
/// median and the maximum, how many seeds found it within the budget, and the exploration rate
/// (time in the engine only: rewriting and minimizing are excluded). Run with
/// <c>dotnet run -c Release --project tools/ScheduleExplorer.Benchmarks -- bugstats [seeds] [budget] [workload] [strategy] [sc]</c>
/// (the next two keep only the rows whose workload or strategy contains one of the comma-separated texts;
/// <c>sc</c> explores sequentially consistent schedules only, without store buffering).
/// </summary>
internal static class BugFindingStatistics
{
    private static readonly string[] s_bugs =
    [
        "LostUpdate.Unsynchronized",
        "DiningPhilosophers.LeftThenRight",
        "DiningPhilosophers.LeftThenRightLock",
        "AsyncLostUpdate.AcrossAwait",
        "AsyncLostUpdate.TaskRun",
        "AccountStore.CreateTwice",
        "AsyncPhilosophers.LeftThenRight",
        "SyncOverAsync.Blocking",
        "ChannelPipeline.CompletesEarly",
        "TimeoutRace.LateResultLost",
        "ParallelCounter.ForUnsynchronized",
        "ParallelCounter.ForEachAsyncAcrossAwait",
        "Heartbeat.StopRacy",
        "PeriodicPoller.AssumesExactTicks",
        "ContinuationChain.Unsynchronized",
        "AsyncStreams.SharedTotal",
        "AsyncVoidCrash.Throws",
        "TwoStage.Bad(100)",
        "Reorder.Bad(20)",
        "Reorder.Bad(50)",
        "Reorder.Bad(100)",
        "Memory.Dekker.VolatileFlags",
        "Memory.Dekker.VolatileCalls",
        "Memory.Peterson.VolatileFields",
        "AsyncSpin.FlagFirst",
    ];

    private static readonly (string Strategy, int? Bound)[] s_strategies =
    [
        (StrategyKind.Random, null),
        (StrategyKind.Pct, 3),
        (StrategyKind.Pct, 10),
        (StrategyKind.Pos, null),
        (StrategyKind.ReadsFrom, null),
        (StrategyKind.Probabilistic, 1),
        (StrategyKind.Probabilistic, 2),
        (StrategyKind.Probabilistic, 3),
        (StrategyKind.DelayBounding, 2),
        (StrategyKind.Portfolio, null),
    ];

    public static void Run(int seeds, int budget, string? workloadFilter = null, string? strategyFilter = null, bool storeBuffering = true, bool fairYields = true)
    {
        Console.WriteLine($"Iterations to the first bug over seeds 0..{seeds - 1} (budget {budget:N0} iterations per seed, store buffering {(storeBuffering ? "on" : "off")}, fair yields {(fairYields ? "on" : "off")})");
        Console.WriteLine($"{"workload",-38} {"strategy",-18} {"found",7} {"median",8} {"max",8} {"mean",8} {"iter/s",10}");
        foreach (var method in s_bugs.Where(m => Matches(m, workloadFilter)))
        {
            // One load of the workload serves every strategy and seed: rewriting and JIT once per workload.
            using var engine = TestingEngine.Create(new TestConfiguration { MinimizeSchedules = false }, typeof(LostUpdate).Assembly.Location, method);
            foreach (var (strategy, bound) in s_strategies)
            {
                string name = bound is { } b ? $"{strategy}({b})" : strategy;
                if (!Matches(name, strategyFilter))
                {
                    continue;
                }

                var firsts = new List<int>();
                long iterations = 0;
                var exploring = TimeSpan.Zero;
                for (int seed = 0; seed < seeds; seed++)
                {
                    var configuration = new TestConfiguration { Strategy = strategy, StrategyBound = bound, Seed = (ulong)seed, Iterations = budget, MinimizeSchedules = false, StoreBuffering = storeBuffering, FairYields = fairYields };
                    var report = engine.Run(configuration);
                    iterations += report.Iterations;
                    exploring += report.Elapsed;
                    if (report.FirstBugIteration is { } first)
                    {
                        firsts.Add(first);
                    }
                }

                firsts.Sort();
                string median = firsts.Count == 0 ? "-" : Median(firsts).ToString("0.#", CultureInfo.InvariantCulture);
                string max = firsts.Count == 0 ? "-" : firsts[^1].ToString(CultureInfo.InvariantCulture);
                string mean = firsts.Count == 0 ? "-" : firsts.Average().ToString("0.#", CultureInfo.InvariantCulture);
                Console.WriteLine($"{method,-38} {name,-18} {firsts.Count,3}/{seeds,-3} {median,8} {max,8} {mean,8} {iterations / exploring.TotalSeconds,10:N0}");
            }
        }
    }

    /// <summary>Whether <paramref name="text"/> contains one of the comma-separated parts of <paramref name="filter"/> (all match no filter).</summary>
    private static bool Matches(string text, string? filter) =>
        string.IsNullOrEmpty(filter) || filter.Split(',').Any(part => text.Contains(part, StringComparison.OrdinalIgnoreCase));

    private static double Median(List<int> sorted) =>
        sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2.0;
}
