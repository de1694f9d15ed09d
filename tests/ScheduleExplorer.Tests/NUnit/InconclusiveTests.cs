using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;
using NUnit.Framework.Internal.Builders;
using NUnit.Framework.Internal.Commands;
using ScheduleExplorer.NUnit;
using ScheduleExplorer.Testing;

namespace ScheduleExplorer.Tests.NUnit;

/// <summary>In NUnit, "could not test" is an inconclusive result with the message, never a pass or a failure.</summary>
[TestFixture]
public sealed class InconclusiveTests
{
    [Test]
    public void AssertNoBug_OnAnUncontrolledApi_IsInconclusive_WithTheMessage()
    {
        var report = ControlledTest.Explore(typeof(Workloads.Misbehaving.ProcessLaunch), nameof(Workloads.Misbehaving.ProcessLaunch.Run), new TestConfiguration { Iterations = 10 });
        var inconclusive = Assert.Throws<InconclusiveException>(() => ControlledTest.AssertNoBug(report));
        Assert.That(inconclusive!.Message, Does.StartWith("Could not test: Process.Start (uncontrolled API) at ProcessLaunch.cs:15"));
    }

    [Test]
    public void AssertBugFound_OnAStepBoundCutOff_IsInconclusive()
    {
        var report = ControlledTest.Explore(typeof(Workloads.Misbehaving.Spinning), nameof(Workloads.Misbehaving.Spinning.LivelockOnFlag), new TestConfiguration { Iterations = 2, MaxSteps = 1_000 });
        var inconclusive = Assert.Throws<InconclusiveException>(() => ControlledTest.AssertBugFound(report));
        Assert.That(inconclusive!.Message, Does.Contain("cut off by the step bound of 1,000"));
    }

    [Test]
    public void ExploreSchedules_OnAHangInUncontrolledCode_GivesAnInconclusiveResult()
    {
        var result = RunWithAttribute(nameof(Samples.HangsInARealSleep));
        Assert.That(result.ResultState.Status, Is.EqualTo(TestStatus.Inconclusive), result.Message);
        Assert.That(result.Message, Does.StartWith("Could not test: 'main' made no progress for 0.5 s: it is blocked in System.Threading.Thread.Sleep"));
    }

    [Test]
    public void ExploreSchedules_OnALoopCutOffByTheStepBound_GivesAnInconclusiveResult_OrALivelockFailureWhenAsked()
    {
        var cutOff = RunWithAttribute(nameof(Samples.SpinsOnAFlagNobodySets));
        Assert.That(cutOff.ResultState.Status, Is.EqualTo(TestStatus.Inconclusive), cutOff.Message);
        Assert.That(cutOff.Message, Does.Contain("2 of 2 iterations were cut off by the step bound of 500"));

        var livelock = RunWithAttribute(nameof(Samples.SpinsOnAFlagNobodySets_FailOnMaxSteps));
        Assert.That(livelock.ResultState.Status, Is.EqualTo(TestStatus.Failed), livelock.Message);
        Assert.That(livelock.Message, Does.Contain("Livelock"));
    }

    /// <summary>Runs one method of <see cref="Samples"/> the way NUnit would, through its [ExploreSchedules] attribute.</summary>
    private static ITestResult RunWithAttribute(string method)
    {
        var info = typeof(Samples).GetMethod(method)!;
        var test = new NUnitTestCaseBuilder().BuildTestMethod(new MethodWrapper(typeof(Samples), info), parentSuite: null, parms: null);
        var attribute = info.GetCustomAttributes(typeof(ExploreSchedulesAttribute), inherit: false).Cast<ExploreSchedulesAttribute>().Single();
        var context = new TestExecutionContext { CurrentTest = test, CurrentResult = test.MakeTestResult() };
        return attribute.Wrap(new TestMethodCommand(test)).Execute(context);
    }

    /// <summary>Bodies explored only through <see cref="RunWithAttribute"/> (no [Test]: the suite does not run them itself).</summary>
    public sealed class Samples
    {
        private readonly bool[] _released = new bool[1]; // nobody sets it: the loop never ends

        // This assembly is rewritten under [ExploreSchedules]; a call through reflection is not, so
        // this is the real Thread.Sleep, blocking its worker for good.
        [ExploreSchedules(Iterations = 5, HangTimeoutSeconds = 0.5)]
        public void HangsInARealSleep() => typeof(Thread).GetMethod(nameof(Thread.Sleep), [typeof(int)])!.Invoke(null, [Timeout.Infinite]);

        [ExploreSchedules(Iterations = 2, MaxSteps = 500)]
        public void SpinsOnAFlagNobodySets() => SpinOnFlag();

        [ExploreSchedules(Iterations = 2, MaxSteps = 500, FailOnMaxSteps = true)]
        public void SpinsOnAFlagNobodySets_FailOnMaxSteps() => SpinOnFlag();

        private void SpinOnFlag()
        {
            while (!Volatile.Read(ref _released[0]))
            {
                Thread.Yield();
            }
        }
    }
}
