namespace ScheduleExplorer.Workloads.Tests;

/// <summary>The deadlock-free philosopher variants finish on real threads (the deadlocking ones are not tested here).</summary>
[TestFixture]
public sealed class DiningPhilosophersTests
{
    private const int Philosophers = 5;
    private const int Meals = 1_000;

    /// <summary>Lower-numbered fork first.</summary>
    [Test]
    public void OrderedForks_FivePhilosophersManyMeals_EveryoneEats() =>
        Bounded.Run(() => DiningPhilosophers.OrderedForks(Philosophers, Meals));

    /// <summary>Semaphore seats n − 1.</summary>
    [Test]
    public void Waiter_FivePhilosophersManyMeals_EveryoneEats() =>
        Bounded.Run(() => DiningPhilosophers.Waiter(Philosophers, Meals));

    /// <summary>TryEnter with back-off.</summary>
    [Test]
    public void TryLockBackoff_FivePhilosophersManyMeals_EveryoneEats() =>
        Bounded.Run(() => DiningPhilosophers.TryLockBackoff(Philosophers, Meals));

    /// <summary>Ordered forks on System.Threading.Lock.</summary>
    [Test]
    public void OrderedForksLock_FivePhilosophersManyMeals_EveryoneEats() =>
        Bounded.Run(() => DiningPhilosophers.OrderedForksLock(Philosophers, Meals));

    /// <summary>Two philosophers share both forks: the tightest table.</summary>
    [Test]
    public void OrderedForks_TwoPhilosophers_EveryoneEats() =>
        Bounded.Run(() => DiningPhilosophers.OrderedForks(2, Meals));

    /// <summary>Every parameterless fixed entry completes.</summary>
    [Test]
    public void DefaultEntries_FixedVariants_Complete() =>
        Bounded.Run(() =>
        {
            DiningPhilosophers.OrderedForks();
            DiningPhilosophers.Waiter();
            DiningPhilosophers.TryLockBackoff();
            DiningPhilosophers.OrderedForksLock();
        });

    /// <summary>A single philosopher would need the same fork twice, so it is rejected.</summary>
    [Test]
    public void Waiter_OnePhilosopher_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => DiningPhilosophers.Waiter(1, Meals));

    /// <summary>Fork formatting used by traces and deadlock reports.</summary>
    [Test]
    public void Fork_ToString_NamesTheFork()
    {
        var fork = new Fork(3);
        Assert.Multiple(() =>
        {
            Assert.That(fork.ToString(), Is.EqualTo("fork 3"));
            Assert.That(fork.Owner, Is.EqualTo(Fork.NoOwner));
        });
    }
}
