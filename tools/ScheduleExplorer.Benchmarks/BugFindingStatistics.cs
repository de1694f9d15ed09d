using System.Globalization;
using ScheduleExplorer.Testing;
using ScheduleExplorer.Workloads;

namespace ScheduleExplorer.Benchmarks;

/// <summary>
/// Iterations to the first bug for each bundled bug under each strategy, over many seeds: the
/// median and the maximum, how many seeds found it within the budget, and the exploration rate
/// (time in the engine only: rewriting is excluded, minimizing the failing schedule included). Run with
/// <c>dotnet run -c Release --project tools/ScheduleExplorer.Benchmarks -- bugstats [seeds] [budget]</c>.
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
    ];

    public static void Run(int seeds, int budget)
    {
        Console.WriteLine($"Iterations to the first bug over seeds 0..{seeds - 1} (budget {budget:N0} iterations per seed)");
        Console.WriteLine($"{"workload",-38} {"strategy",-8} {"found",7} {"median",8} {"max",8} {"mean",8} {"iter/s",10}");
        foreach (var method in s_bugs)
        {
            foreach (var (strategy, bound) in new[] { (StrategyKind.Random, 0), (StrategyKind.Pct, 3), (StrategyKind.Pct, 5), (StrategyKind.Pct, 10) })
            {
                var firsts = new List<int>();
                long iterations = 0;
                var exploring = TimeSpan.Zero;
                for (int seed = 0; seed < seeds; seed++)
                {
                    var configuration = new TestConfiguration { Strategy = strategy, StrategyBound = Math.Max(1, bound), Seed = (ulong)seed, Iterations = budget };
                    using var engine = TestingEngine.Create(configuration, typeof(LostUpdate).Assembly.Location, method);
                    var report = engine.Run();
                    iterations += report.Iterations;
                    exploring += report.Elapsed;
                    if (report.FirstBugIteration is { } first)
                    {
                        firsts.Add(first);
                    }
                }

                firsts.Sort();
                string name = strategy == StrategyKind.Random ? "random" : $"pct({bound})";
                string median = firsts.Count == 0 ? "-" : Median(firsts).ToString("0.#", CultureInfo.InvariantCulture);
                string max = firsts.Count == 0 ? "-" : firsts[^1].ToString(CultureInfo.InvariantCulture);
                string mean = firsts.Count == 0 ? "-" : firsts.Average().ToString("0.#", CultureInfo.InvariantCulture);
                Console.WriteLine($"{method,-38} {name,-8} {firsts.Count,3}/{seeds,-3} {median,8} {max,8} {mean,8} {iterations / exploring.TotalSeconds,10:N0}");
            }
        }
    }

    private static double Median(List<int> sorted) =>
        sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2.0;
}
