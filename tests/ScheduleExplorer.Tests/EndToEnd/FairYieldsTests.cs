using System.Text;
using ScheduleExplorer.Detection;
using ScheduleExplorer.Testing;
using ScheduleExplorer.Traces;

namespace ScheduleExplorer.Tests.EndToEnd;

/// <summary>
/// Fair yields (<see cref="TestConfiguration.FairYields"/>, on by default): an operation that yields
/// again before the others it could have let run did so waits for them. Peterson's protocol spins on
/// <c>Thread.Yield</c>: without fairness a depth-first search stays deep in one spin (thousands of
/// steps per schedule) and neither finds the store-buffering bug nor finishes the fenced tree; with it,
/// both are found or finished, and the verdict says it covered the fair schedules.
/// </summary>
[TestFixture]
public sealed class FairYieldsTests
{
    private const string BothEntered = "critical section";

    // The longest of the fenced protocol's fair schedules, in scheduling steps.
    private const int FairestLongest = 75;

    private static readonly TestConfiguration s_fair = new() { Seed = 0, Iterations = 20_000, FailOnMaxSteps = true };

    [TestCase(StrategyKind.Dfs)]
    [TestCase(StrategyKind.Dpor)]
    public void ASpinningProtocol_IsFoundByExhaustiveSearch_AndTheTraceReplays(string strategy)
    {
        var report = Workload.AssertFoundAndReplays("Peterson.VolatileFields", s_fair with { Strategy = strategy }, BugKind.UnhandledException, BothEntered);
        Assert.Multiple(() =>
        {
            Assert.That(report.Trace!.Options.FairYields, Is.True, "a replay must hold yielders back as the run did");
            Assert.That(report.FairnessHeldBack, Is.True);
            Assert.That(report.MaxStepsInIteration, Is.LessThan(200), "no schedule spins for long");
        });
    }

    [TestCase(StrategyKind.Dfs, 28_481)]
    [TestCase(StrategyKind.Dpor, 8_139)]
    public void TheFencedProtocol_IsCleanInEveryFairSchedule(string strategy, int schedules)
    {
        var report = Workload.Explore("Peterson.Fenced", s_fair with { Strategy = strategy, Iterations = 1_000_000 });
        Assert.Multiple(() =>
        {
            Assert.That(report.Bug, Is.Null, report.Bug?.Message);
            Assert.That(report.Exhausted, Is.True, "the search must finish the whole tree");
            Assert.That(report.Iterations, Is.EqualTo(schedules));
            Assert.That(ScheduleExplorer.Reporting.BugReportWriter.Format(report), Does.Contain("every fair schedule explored"));
            Assert.That(report.MaxStepsInIteration, Is.LessThanOrEqualTo(FairestLongest));
        });
    }

    [TestCase(StrategyKind.Dfs, 47)]
    [TestCase(StrategyKind.Dpor, 17)]
    public void AnAsyncPollOnTaskYield_IsFound_AndItsFixIsCleanInEveryFairSchedule(string strategy, int schedules)
    {
        var bug = Workload.AssertFoundAndReplays("AsyncSpin.FlagFirst", s_fair with { Strategy = strategy }, BugKind.UnhandledException, "Saw the flag but not the record");
        Assert.That(bug.Trace!.Options.FairYields, Is.True);

        var report = Workload.Explore("AsyncSpin.RecordFirst", s_fair with { Strategy = strategy, Iterations = 1_000_000 });
        Assert.Multiple(() =>
        {
            Assert.That(report.Bug, Is.Null, report.Bug?.Message);
            Assert.That(report.Exhausted, Is.True, "each poll is a yield of the same flow, so fairness bounds it");
            Assert.That(report.Iterations, Is.EqualTo(schedules));
            Assert.That(report.ExhaustedText, Is.EqualTo("every fair schedule explored"));
        });
    }

    [Test]
    public void WithoutFairness_AnAsyncPoll_IsCutOffByTheStepBound()
    {
        var report = Workload.Explore("AsyncSpin.RecordFirst", s_fair with { Strategy = StrategyKind.Dfs, FairYields = false, FailOnMaxSteps = false, MaxSteps = 5_000, Iterations = 2_000 });
        Assert.Multiple(() =>
        {
            Assert.That(report.Bug, Is.Null, report.Bug?.Message);
            Assert.That(report.Exhausted, Is.False);
            Assert.That(report.StepBoundHits, Is.Positive, "some schedule polls until the step bound");
            Assert.That(report.Verdict, Is.EqualTo(Verdict.CouldNotTest), "a cut-off schedule is not a verdict");
        });
    }

    [Test]
    public void WithoutFairness_DepthFirstSearch_SpinsAndNeverFinishes()
    {
        var report = Workload.Explore("Peterson.Fenced", s_fair with { Strategy = StrategyKind.Dfs, FairYields = false, FailOnMaxSteps = false, Iterations = 300 });
        Assert.Multiple(() =>
        {
            Assert.That(report.Bug, Is.Null, report.Bug?.Message);
            Assert.That(report.Exhausted, Is.False);
            Assert.That(report.FairnessHeldBack, Is.False);
            Assert.That(report.MaxStepsInIteration, Is.GreaterThan(FairestLongest), "one thread spins while the other waits, longer than any fair schedule");
        });
    }

    [Test]
    public void AWorkloadThatNeverYieldsTwice_IsExploredAsBefore()
    {
        // The lost update has no yield: the same tree with and without fairness, and the plain verdict.
        var fair = Workload.Explore("LostUpdate.Locked", new TestConfiguration { Strategy = StrategyKind.Dfs, Iterations = 10_000 });
        var unfair = Workload.Explore("LostUpdate.Locked", new TestConfiguration { Strategy = StrategyKind.Dfs, Iterations = 10_000, FairYields = false });
        Assert.Multiple(() =>
        {
            Assert.That(fair.Iterations, Is.EqualTo(unfair.Iterations).And.EqualTo(94));
            Assert.That(fair.FairnessHeldBack, Is.False);
            Assert.That(fair.ExhaustedText, Is.EqualTo("every schedule explored"));
        });
    }

    [Test]
    public void ATraceWithoutFairness_OmitsTheSetting_AndReplaysUnfair()
    {
        var report = Workload.AssertFoundAndReplays("Peterson.VolatileFields", s_fair with { Strategy = StrategyKind.Random, FairYields = false }, BugKind.UnhandledException, BothEntered);
        string json = Encoding.UTF8.GetString(TraceSerializer.ToUtf8(report.Trace!));
        Assert.That(json, Does.Not.Contain("fairYields"), "traces written before the setting existed read as unfair");

        var fair = Workload.Explore("Peterson.VolatileFields", s_fair with { Strategy = StrategyKind.Random });
        Assert.That(Encoding.UTF8.GetString(TraceSerializer.ToUtf8(fair.Trace!)), Does.Contain("\"fairYields\": true"));
    }

    [Test]
    public void TheSameSeed_GivesTheSameTraceBytes()
    {
        var configuration = s_fair with { Strategy = StrategyKind.Dpor };
        byte[] first = TraceSerializer.ToUtf8(Workload.Explore("Peterson.VolatileFields", configuration).Trace!);
        byte[] second = TraceSerializer.ToUtf8(Workload.Explore("Peterson.VolatileFields", configuration).Trace!);
        Assert.That(second, Is.EqualTo(first));
    }

    [Test]
    public void FairYields_IsOnByDefault_InTheConfigurationAndTheAttribute()
    {
        Assert.That(new TestConfiguration().FairYields, Is.True);
        Assert.That(new ScheduleExplorer.NUnit.ExploreSchedulesAttribute().FairYields, Is.True);
    }
}
