namespace ScheduleExplorer.Workloads.Async;

/// <summary>
/// Dining philosophers on <c>SemaphoreSlim.WaitAsync</c> forks: each philosopher awaits its left
/// fork, then its right one (<see cref="LeftThenRight()"/>, which can deadlock with every
/// philosopher holding one fork), or the lower-numbered fork first (<see cref="OrderedForks()"/>).
/// </summary>
public static class AsyncPhilosophers
{
    /// <summary>The bug: 3 philosophers, 1 meal each, left fork then right.</summary>
    public static Task LeftThenRight() => LeftThenRight(3, 1);

    /// <summary>The bug, sized.</summary>
    /// <param name="philosophers">At least 2.</param>
    /// <param name="meals">Meals each.</param>
    public static Task LeftThenRight(int philosophers, int meals) => DineAsync(philosophers, meals, ordered: false);

    /// <summary>Fixed: the lower-numbered fork first.</summary>
    public static Task OrderedForks() => OrderedForks(3, 1);

    /// <summary>Fixed, sized.</summary>
    /// <param name="philosophers">At least 2.</param>
    /// <param name="meals">Meals each.</param>
    public static Task OrderedForks(int philosophers, int meals) => DineAsync(philosophers, meals, ordered: true);

    private static async Task DineAsync(int philosophers, int meals, bool ordered)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(philosophers, 2);
        var forks = new SemaphoreSlim[philosophers];
        for (int i = 0; i < philosophers; i++)
        {
            forks[i] = new SemaphoreSlim(1, 1);
        }

        int eaten = 0;
        var diners = new Task[philosophers];
        for (int p = 0; p < philosophers; p++)
        {
            int left = p;
            int right = (p + 1) % philosophers;
            var (first, second) = ordered && right < left ? (right, left) : (left, right);
            diners[p] = Task.Run(async () =>
            {
                for (int m = 0; m < meals; m++)
                {
                    await forks[first].WaitAsync();
                    await Task.Yield(); // reach for the other fork
                    await forks[second].WaitAsync();
                    Interlocked.Increment(ref eaten);
                    forks[second].Release();
                    forks[first].Release();
                }
            });
        }

        await Task.WhenAll(diners);
        if (eaten != philosophers * meals)
        {
            throw new InvalidOperationException($"{eaten} meals eaten, expected {philosophers * meals}.");
        }
    }
}
