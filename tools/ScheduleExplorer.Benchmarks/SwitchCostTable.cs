using System.Diagnostics;
using System.Globalization;
using ScheduleExplorer.Testing;
using ScheduleExplorer.Workloads;
using ScheduleExplorer.Workloads.Async;

namespace ScheduleExplorer.Benchmarks;

/// <summary>
/// A quick table of the engine's cost per decision and per context switch, async flows next to
/// threads of the same shape and the small bundled workloads, all in one run (<c>… -- switches
/// [seconds] [row]</c>). Each row runs its workload repeatedly for the given wall time after a warm-up
/// and reports the best of three rounds, so the ratios between rows are meaningful on a noisy machine.
/// </summary>
internal static class SwitchCostTable
{
    public static void Run(double seconds, string? filter = null)
    {
        (string Name, string Method, int Iterations)[] rows =
        [
            ("async yields (2 flows x 5,000)", $"{typeof(SwitchCost).FullName}.{nameof(SwitchCost.AsyncYields)}(2, 5000)", 4),
            ("thread yields (2 threads x 5,000)", $"{typeof(SwitchCost).FullName}.{nameof(SwitchCost.ThreadYields)}(2, 5000)", 4),
            ("LostUpdate.Locked (3 operations)", $"{typeof(LostUpdate).FullName}.{nameof(LostUpdate.Locked)}", 500),
            ("DiningPhilosophers.OrderedForks (6 operations)", $"{typeof(DiningPhilosophers).FullName}.{nameof(DiningPhilosophers.OrderedForks)}", 200),
        ];

        Console.WriteLine("| workload | iterations/s | ns per decision | ns per context switch |");
        Console.WriteLine("|---|---:|---:|---:|");
        var perDecision = new List<double>();
        foreach (var (name, method, iterations) in rows)
        {
            if (filter is not null && !name.Contains(filter, StringComparison.OrdinalIgnoreCase))
            {
                perDecision.Add(double.NaN);
                continue;
            }

            using var engine = TestingEngine.Create(new TestConfiguration { Iterations = iterations, Seed = 1, Strategy = "random" }, typeof(LostUpdate).Assembly.Location, method);
            engine.Run();
            double best = double.MaxValue;
            TestReport? kept = null;
            for (int round = 0; round < 3; round++)
            {
                var clock = Stopwatch.StartNew();
                long runs = 0;
                TestReport report;
                do
                {
                    report = engine.Run();
                    runs++;
                }
                while (clock.Elapsed.TotalSeconds < seconds / 3);
                double perIteration = clock.Elapsed.TotalSeconds / (runs * report.Iterations);
                if (perIteration < best)
                {
                    best = perIteration;
                    kept = report;
                }
            }

            double decisions = kept!.TotalSteps / (double)kept.Iterations;
            double switches = kept.ContextSwitches / (double)kept.Iterations;
            perDecision.Add(best * 1e9 / decisions);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {1 / best:N0} | {best * 1e9 / decisions:N0} | {best * 1e9 / Math.Max(1, switches):N0} |"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"thread decision / async decision = {perDecision[1] / perDecision[0]:0.0}"));
    }
}
