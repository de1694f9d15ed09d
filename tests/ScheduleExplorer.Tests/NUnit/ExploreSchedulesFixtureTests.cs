using ScheduleExplorer.Detection;
using ScheduleExplorer.NUnit;

namespace ScheduleExplorer.Tests.NUnit;

/// <summary>
/// [SetUp] and [TearDown] run around every explored iteration, on the instance the iteration runs:
/// the body needs what [SetUp] made, and the racy deposit is caught by the check in [TearDown].
/// (NUnit also runs them once on its own instance, which never runs the body.)
/// </summary>
[TestFixture]
public sealed class ExploreSchedulesFixtureTests
{
    private object? _gate;
    private int _setUps;
    private int _balance;
    private bool _ran;

    [SetUp]
    public void CreateGate()
    {
        _gate = new object();
        _setUps++;
    }

    [TearDown]
    public void CheckBalance()
    {
        if (_ran)
        {
            Assert.That(_balance, Is.EqualTo(2), "balance after two deposits");
        }
    }

    [Test]
    [ExploreSchedules(Iterations = 200)]
    public void SetUp_RunsOncePerIteration_OnTheExploredInstance()
    {
        object gate = _gate ?? throw new InvalidOperationException("[SetUp] did not run");
        Deposit(() => { lock (gate) { _balance++; } });
        Assert.That(_setUps, Is.EqualTo(1), "one [SetUp] per fresh instance");
    }

    [Test]
    [ExploreSchedules(Iterations = 500, ExpectedBug = BugKind.AssertionFailure)]
    public void TearDown_RunsAfterEachIteration_AndCatchesTheLostDeposit()
    {
        Deposit(() =>
        {
            int seen = _balance;
            Thread.Yield();
            _balance = seen + 1;
        });
    }

    private void Deposit(Action deposit)
    {
        _ran = true;
        var first = new Thread(() => deposit());
        var second = new Thread(() => deposit());
        first.Start();
        second.Start();
        first.Join();
        second.Join();
    }
}
