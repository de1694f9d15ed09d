using ScheduleExplorer.Stress.Hangs;
using ScheduleExplorer.Stress.Running;

namespace ScheduleExplorer.Stress.Tests;

/// <summary>The in-process runner on deterministic fakes: counting, holding, counted lost updates, duration, watchdog.</summary>
[TestFixture]
public sealed class StressRunnerTests
{
    [Test]
    public void Run_WorkloadBreakingEveryOtherRepetition_CountsTheBrokenOnes()
    {
        var workload = new ScriptedWorkload(run => run % 2 == 0);

        StressReport report = new StressRunner().Run(workload, new StressOptions { Repetitions = 10 });

        Assert.Multiple(() =>
        {
            Assert.That(report.Repetitions, Is.EqualTo(10));
            Assert.That(report.Broken, Is.EqualTo(5));
            Assert.That(report.Held, Is.False);
            Assert.That(report.Failures, Does.Contain("broke on run 2"));
            Assert.That(report.Latency.Count, Is.EqualTo(10));
        });
    }

    [Test]
    public void Run_FixedWorkload_ReportsZeroBrokenAndHeld()
    {
        StressReport report = new StressRunner().Run(new ScriptedWorkload(_ => false), new StressOptions { Repetitions = 7, Warmup = 2 });

        Assert.Multiple(() =>
        {
            Assert.That(report.Broken, Is.Zero);
            Assert.That(report.Held, Is.True);
            Assert.That(report.Repetitions, Is.EqualTo(7));
            Assert.That(report.WarmupRepetitions, Is.EqualTo(2));
            Assert.That(report.OperationsPerSecond, Is.GreaterThan(0));
        });
    }

    [Test]
    public void Run_CountedWorkload_SumsTheLostUpdates()
    {
        var workload = new ScriptedWorkload(_ => false, lost: run => run <= 2 ? 3 : 0);

        StressReport report = new StressRunner().Run(workload, new StressOptions { Repetitions = 4 });

        Assert.Multiple(() =>
        {
            Assert.That(report.Broken, Is.EqualTo(2));
            Assert.That(report.LostUpdates, Is.EqualTo(6));
            Assert.That(report.MaxLostInRepetition, Is.EqualTo(3));
            Assert.That(report.ExpectedPerRepetition, Is.EqualTo(100));
            Assert.That(report.Failures[0], Is.EqualTo("Lost update: expected 100, counted 97 (3 lost)"));
        });
    }

    [Test]
    public void Run_Duration_RepeatsUntilItHasPassed()
    {
        var workload = new ScriptedWorkload(_ => false);

        StressReport report = new StressRunner().Run(workload, new StressOptions { Duration = TimeSpan.FromMilliseconds(50), Repetitions = 1 });

        Assert.That(report.Repetitions, Is.GreaterThan(1), "a count of 1 is ignored when a duration is given");
    }

    [Test]
    public void Run_RepetitionThatNeverFinishes_WatchdogInspectsAndEndsTheRun()
    {
        using var workload = new BlockingWorkload();
        var inspector = new RecordingInspector();

        StressReport report = new StressRunner(inspector, "fake").Run(
            workload, new StressOptions { Repetitions = 10, Watchdog = TimeSpan.FromMilliseconds(300) });

        Assert.Multiple(() =>
        {
            Assert.That(report.Hang, Is.Not.Null);
            Assert.That(report.Held, Is.False);
            Assert.That(report.Repetitions, Is.EqualTo(2), "two finished, the third hung");
            Assert.That(report.Hang!.Repetition, Is.EqualTo(3));
            Assert.That(report.Hang.SilenceSeconds, Is.GreaterThanOrEqualTo(0.25));
            Assert.That(inspector.Inspected, Is.EqualTo([(Environment.ProcessId, "fake")]));
            Assert.That(report.Hang.WorkloadThreads.Select(t => t.Label), Is.EqualTo(new[] { "'stuck 0'" }));
        });
    }

    [Test]
    public void Validate_NonPositiveWatchdog_Throws() =>
        Assert.That(() => new StressOptions { Watchdog = TimeSpan.Zero }.Validate(), Throws.InstanceOf<ArgumentOutOfRangeException>());

    private sealed class RecordingInspector : IThreadInspector
    {
        public List<(int, string?)> Inspected { get; } = [];

        public ThreadInspection Inspect(int processId, string? workloadAssembly)
        {
            Inspected.Add((processId, workloadAssembly));
            var frame = new StackFrameInfo("Fake.Wait()", "fake.dll", "Fake.cs", 3);
            return new ThreadInspection([new StuckThread(7, 70, "stuck 0", [frame], [], null, null, InWorkload: true)], 0, [], "fake");
        }
    }
}
