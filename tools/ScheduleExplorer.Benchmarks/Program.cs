using BenchmarkDotNet.Running;

namespace ScheduleExplorer.Benchmarks;

/// <summary>
/// Runs the benchmarks: <c>dotnet run -c Release --project tools/ScheduleExplorer.Benchmarks -- --filter '*'</c>,
/// the bug-finding statistics: <c>… -- bugstats [seeds] [budget] [workloads] [strategies] [sc,unfair]</c>, the minimizer's preemption counts: <c>… -- minimize [seeds] [budget] [search-runs]</c>, the cost per decision and per switch: <c>… -- switches [seconds] [row]</c>, the verdict table of every
/// controlled primitive and access kind: <c>… -- verdicts [budget] [dfs-budget]</c>, or ScheduleExplorer
/// next to Coyote: <c>… -- coyote [rounds] [slot-seconds] [seeds] [budget]</c>.
/// Every class reports its rows in one run, so ratios between rows are meaningful on a noisy machine.
/// </summary>
internal static class Program
{
    private static void Main(string[] args)
    {
        if (args is ["bugstats", ..])
        {
            BugFindingStatistics.Run(
                seeds: args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 20,
                budget: args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 10_000,
                workloadFilter: args.Length > 3 ? args[3] : null,
                strategyFilter: args.Length > 4 ? args[4] : null,
                storeBuffering: args.Length <= 5 || !args[5].Split(',').Contains("sc"),
                fairYields: args.Length <= 5 || !args[5].Split(',').Contains("unfair"));
            return;
        }

        if (args is ["minimize", ..])
        {
            MinimizationStatistics.Run(
                seeds: args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 20,
                budget: args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 10_000,
                searchRuns: args.Length > 3 ? int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : Testing.MinimizationBudget.Default.SearchRuns);
            return;
        }

        if (args is ["verdicts", ..])
        {
            VerdictTable.Run(
                budget: args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 1_000,
                dfsBudget: args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 20_000);
            return;
        }

        if (args is ["switches", ..])
        {
            SwitchCostTable.Run(seconds: args.Length > 1 ? double.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 6, filter: args.Length > 2 ? args[2] : null);
            return;
        }

        if (args is ["coyote", ..])
        {
            double[] values = [.. args.Skip(1).Select(a => double.Parse(a, System.Globalization.CultureInfo.InvariantCulture))];
            SideBySide.Run(rounds: values.Length > 0 ? (int)values[0] : 2, slotSeconds: values.Length > 1 ? values[1] : 2, seeds: values.Length > 2 ? (int)values[2] : 5, budget: values.Length > 3 ? (int)values[3] : 1_000);
            return;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
