namespace ScheduleExplorer.Workloads;

/// <summary>Sets the philosophers' table, runs one thread per philosopher, joins them and checks the meals.</summary>
internal static class Dinner
{
    /// <summary>
    /// Runs <paramref name="philosophers"/> threads named "philosopher i", each eating <paramref name="meals"/>
    /// meals with <paramref name="strategy"/>; philosopher i's left fork is i, its right fork (i + 1) % n.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Fewer than 2 philosophers, or negative meals.</exception>
    /// <exception cref="InvalidOperationException">A philosopher did not eat exactly <paramref name="meals"/> meals.</exception>
    public static void Serve(int philosophers, int meals, ForkStrategy strategy)
    {
        // One philosopher would use the same fork as left and right, and the waiter would seat nobody.
        ArgumentOutOfRangeException.ThrowIfLessThan(philosophers, 2);
        ArgumentOutOfRangeException.ThrowIfNegative(meals);

        var forks = new Fork[philosophers];
        for (var i = 0; i < philosophers; i++)
        {
            forks[i] = new Fork(i);
        }

        // Only the waiter variant has a semaphore, so the other variants show no semaphore in their traces.
        // It is not disposed: no wait handle is ever materialised, and the harness models only Wait/Release.
        var waiter = strategy == ForkStrategy.Waiter ? new SemaphoreSlim(philosophers - 1) : null;

        var diners = new Philosopher[philosophers];
        var bodies = new ThreadStart[philosophers];
        for (var i = 0; i < philosophers; i++)
        {
            diners[i] = new Philosopher(i, forks[i], forks[(i + 1) % philosophers], meals, strategy, waiter);
            bodies[i] = diners[i].Run;
        }

        WorkerThreads.JoinAll(WorkerThreads.Start("philosopher", bodies));

        for (var i = 0; i < philosophers; i++)
        {
            if (diners[i].MealsEaten != meals)
            {
                throw new InvalidOperationException(
                    $"Philosopher {i} ate {diners[i].MealsEaten} meals, expected {meals}");
            }
        }
    }
}
