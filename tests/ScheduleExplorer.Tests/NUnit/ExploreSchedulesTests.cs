using ScheduleExplorer.Detection;
using ScheduleExplorer.NUnit;
using ScheduleExplorer.Testing;

namespace ScheduleExplorer.Tests.NUnit;

/// <summary>
/// Plain NUnit tests of concurrent code, explored by <see cref="ExploreSchedulesAttribute"/>: the
/// test assembly itself is rewritten in memory and each body runs under the controlled scheduler.
/// </summary>
[TestFixture]
public sealed class ExploreSchedulesTests
{
    private readonly object _gate = new();
    private readonly object _other = new();
    private int _balance;

    [Test]
    [ExploreSchedules(Iterations = 300, Strategy = StrategyKind.Pct)]
    public void LockedDeposits_KeepEveryUpdate()
    {
        var threads = Enumerable.Range(0, 2).Select(_ => new Thread(() =>
        {
            lock (_gate)
            {
                _balance += 1;
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        Assert.That(_balance, Is.EqualTo(2));
    }

    [Test]
    [ExploreSchedules(Iterations = 300, Strategy = StrategyKind.Pos, ExpectedBug = BugKind.AssertionFailure)]
    public void UnlockedDeposits_UnderPartialOrderSampling_LoseAnUpdate()
    {
        var threads = Enumerable.Range(0, 2).Select(_ => new Thread(() => _balance += 1)).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        Assert.That(_balance, Is.EqualTo(2));
    }

    [Test]
    [ExploreSchedules(Iterations = 300, Strategy = StrategyKind.Portfolio)]
    public void LockedDeposits_UnderThePortfolio_KeepEveryUpdate() => LockedDeposits_KeepEveryUpdate();

    [Test]
    [ExploreSchedules(Iterations = 300, Strategy = StrategyKind.Pct)]
    public async Task AsyncDeposits_UnderAnAsyncLock_KeepEveryUpdate()
    {
        using var gate = new SemaphoreSlim(1, 1);
        async Task DepositAsync()
        {
            await gate.WaitAsync();
            try
            {
                int seen = _balance;
                await Task.Delay(10);
                _balance = seen + 1;
            }
            finally
            {
                gate.Release();
            }
        }

        await Task.WhenAll(Task.Run(DepositAsync), Task.Run(DepositAsync));
        Assert.That(_balance, Is.EqualTo(2));
    }

    [Test]
    [ExploreSchedules(Iterations = 300, ExpectedBug = BugKind.AssertionFailure)]
    public async Task AsyncDeposits_AcrossAnAwait_LoseAnUpdate()
    {
        async Task DepositAsync()
        {
            int seen = _balance;
            await Task.Delay(10);
            _balance = seen + 1;
        }

        await Task.WhenAll(Task.Run(DepositAsync), Task.Run(DepositAsync));
        Assert.That(_balance, Is.EqualTo(2));
    }

    [Test]
    [ExploreSchedules(Iterations = 300, ExpectedBug = BugKind.AssertionFailure)]
    public void RacyDeposits_LoseAnUpdate_AndTheAssertionCatchesIt()
    {
        var threads = Enumerable.Range(0, 2).Select(_ => new Thread(() => _balance += 1)).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        Assert.That(_balance, Is.EqualTo(2));
    }

    [Test]
    [ExploreSchedules(Strategy = StrategyKind.Dfs, Iterations = 100_000, ExpectedBug = BugKind.Deadlock)]
    public void LockOrderInversion_Deadlocks()
    {
        var first = new Thread(() =>
        {
            lock (_gate)
            {
                lock (_other)
                {
                    _balance++;
                }
            }
        });
        var second = new Thread(() =>
        {
            lock (_other)
            {
                lock (_gate)
                {
                    _balance--;
                }
            }
        });
        first.Start();
        second.Start();
        first.Join();
        second.Join();
    }
}
