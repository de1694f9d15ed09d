using System.Globalization;
using ScheduleExplorer.Testing;
using ScheduleExplorer.Workloads;

namespace ScheduleExplorer.Benchmarks;

/// <summary>
/// What the minimizer makes of the headline bugs: for each bug, strategy and seed, the preemptions of
/// the schedule as found and as reported, next to the number the bug needs; the median and the
/// worst over the seeds, how many reports are at or below the need and how many are proven minimal,
/// and the time spent minimizing one bug (median, the engine's own stopwatch around the minimizer). Run with
/// <c>dotnet run -c Release --project tools/ScheduleExplorer.Benchmarks -- minimize [seeds] [budget] [search-runs]</c>
/// (search runs: the preemption-bounded search's run budget, the engine's default unless given).
/// </summary>
internal static class MinimizationStatistics
{
    // Every one needs a single preemption, as preemptions are counted here (a switch away from an
    // operation that blocked or ended is free): n philosophers deadlock when the last one takes its
    // left fork and is preempted, and each of the others, in turn from the last, takes its left fork
    // and blocks on its right one. The minimizer's cycle pass builds that schedule from the deadlock's
    // wait-for cycle; the search then proves it by running every schedule without a preemption (about
    // 500 runs for five philosophers).
    private static readonly (string Method, int Needed)[] s_bugs =
    [
        ("LostUpdate.Unsynchronized", 1),
        ("LostUpdate.Unsynchronized(3, 3)", 1),
        ("DiningPhilosophers.LeftThenRight(2, 1)", 1),
        ("DiningPhilosophers.LeftThenRight(3, 1)", 1),
        ("DiningPhilosophers.LeftThenRight", 1),
        ("DiningPhilosophers.LeftThenRightLock", 1),
        ("AsyncPhilosophers.LeftThenRight", 1),
        ("AsyncLostUpdate.AcrossAwait", 1),
        ("ParallelCounter.ForUnsynchronized", 1),
    ];

    private static readonly (string Strategy, int? Bound)[] s_strategies = [(StrategyKind.Random, null), (StrategyKind.Pct, 10)];

    public static void Run(int seeds, int budget, int searchRuns)
    {
        var minimization = MinimizationBudget.Default with { SearchRuns = searchRuns, SearchSteps = Math.Max(MinimizationBudget.Default.SearchSteps, searchRuns * 1_000L) };
        Console.WriteLine($"Preemptions of the failing schedule, found → reported, over seeds 0..{seeds - 1} (budget {budget:N0} iterations, {searchRuns:N0} search runs)");
        Console.WriteLine($"{"workload",-40} {"strategy",-9} {"needs",5} {"found",7} {"median",14} {"worst",14} {"at need",8} {"proven",7} {"ms/bug",8} {"steps",14}");
        foreach (var (method, needed) in s_bugs)
        {
            using var engine = TestingEngine.Create(new TestConfiguration(), typeof(LostUpdate).Assembly.Location, method);
            foreach (var (strategy, bound) in s_strategies)
            {
                var found = new List<int>();
                var reported = new List<int>();
                var milliseconds = new List<double>();
                var reportedSteps = new List<int>();
                int proven = 0;
                for (int seed = 0; seed < seeds; seed++)
                {
                    var configuration = new TestConfiguration { Strategy = strategy, StrategyBound = bound, Seed = (ulong)seed, Iterations = budget, MinimizationBudget = minimization };
                    var report = engine.Run(configuration);
                    if (report.Bug is null)
                    {
                        continue;
                    }

                    milliseconds.Add(report.MinimizationElapsed.TotalMilliseconds);
                    found.Add(report.BugPreemptionsFound);
                    reported.Add(report.BugPreemptions);
                    reportedSteps.Add(report.Trace!.Steps.Count);
                    proven += report.BugMinimality == Minimality.Proven ? 1 : 0;
                }

                string name = bound is { } b ? $"{strategy}({b})" : strategy;
                Console.WriteLine(
                    $"{method,-40} {name,-9} {needed,5} {found.Count,3}/{seeds,-3} {Pair(found, reported, Median),14} {Pair(found, reported, l => l.Max()),14} " +
                    $"{reported.Count(r => r <= needed),3}/{reported.Count,-4} {proven,3}/{reported.Count,-3} {(milliseconds.Count == 0 ? "-" : Median(milliseconds).ToString("0.0", CultureInfo.InvariantCulture)),8} {(reportedSteps.Count == 0 ? "-" : Median(reportedSteps).ToString("0.#", CultureInfo.InvariantCulture)),14}");
            }
        }
    }

    private static string Pair(List<int> found, List<int> reported, Func<List<int>, double> of) =>
        found.Count == 0 ? "-" : string.Create(CultureInfo.InvariantCulture, $"{of(found):0.#} → {of(reported):0.#}");

    private static double Median(List<int> values) => Median(values.ConvertAll(v => (double)v));

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2.0;
    }
}
