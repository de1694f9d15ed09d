using ScheduleExplorer.Stress.Child;
using ScheduleExplorer.Stress.Hangs;
using ScheduleExplorer.Stress.Running;
using ScheduleExplorer.Stress.Tests.Entries;

namespace ScheduleExplorer.Stress.Tests;

/// <summary>
/// End to end in a child process: a fix holds, a dying workload is a crash, and the one real deadlock —
/// DiningPhilosophers.LeftThenRight at 5 × 100,000 — is caught by the watchdog with every philosopher named.
/// </summary>
[TestFixture]
public sealed class ChildProcessTests
{
    private static readonly string s_workloads = typeof(Workloads.LostUpdate).Assembly.Location;

    [Test]
    public void Run_LockedCounterInAChild_HoldsEveryRepetition()
    {
        StressReport report = new ChildProcessStressRunner(null).Run(s_workloads, "LostUpdate.Locked", 2, 10_000, new StressOptions { Repetitions = 3 });

        Assert.Multiple(() =>
        {
            Assert.That(report.Held, Is.True, report.Crash);
            Assert.That(report.Repetitions, Is.EqualTo(3));
            Assert.That(report.ExpectedPerRepetition, Is.EqualTo(20_000), "counted through LostUpdateCount");
            Assert.That(report.LostUpdates, Is.Zero);
        });
    }

    [Test]
    public void Run_WorkloadThreadThrows_ReportsTheCrash()
    {
        StressReport report = new ChildProcessStressRunner(null).Run(typeof(Tally).Assembly.Location, "Tally.ThrowOnThread", null, null, new StressOptions { Repetitions = 3 });

        Assert.Multiple(() =>
        {
            Assert.That(report.Held, Is.False);
            Assert.That(report.Crash, Does.Contain("boom on a workload thread"));
        });
    }

    [Test]
    [CancelAfter(120_000)]
    public void Run_LeftThenRightPhilosophersAtRealSize_WatchdogNamesTheDeadlockedPhilosophers()
    {
        // Each repetition takes ~30 ms and deadlocks within a few: a 40 s budget leaves a huge margin.
        var options = new StressOptions { Duration = TimeSpan.FromSeconds(40), Watchdog = TimeSpan.FromSeconds(2) };

        StressReport report = new ChildProcessStressRunner(new ClrMdThreadInspector())
            .Run(s_workloads, "DiningPhilosophers.LeftThenRight", 5, 100_000, options);

        Assert.That(report.Hang, Is.Not.Null, "the philosophers should deadlock within 40 s");
        ThreadInspection inspection = report.Hang!.Inspection;
        Assert.That(inspection.Error, Is.Null);
        List<StuckThread> philosophers = [.. report.Hang.WorkloadThreads.Where(t => t.Name?.StartsWith("philosopher", StringComparison.Ordinal) == true)];
        TestContext.Out.WriteLine(Reporting.StressReportWriter.Format(report));
        Assert.Multiple(() =>
        {
            Assert.That(philosophers.Select(t => t.Name), Is.EquivalentTo(Enumerable.Range(0, 5).Select(i => $"philosopher {i}")));
            Assert.That(philosophers, Has.All.Matches<StuckThread>(t => t.Frames.Any(f => f.Method.Contains("Philosopher.EatWithMonitors", StringComparison.Ordinal) && f.File == "Philosopher.cs")));
            Assert.That(philosophers, Has.All.Matches<StuckThread>(t => t.Holds.Count == 1 && t.WaitsForHolder is not null));
            Assert.That(inspection.Cycle, Has.Count.EqualTo(5));
        });
    }
}
