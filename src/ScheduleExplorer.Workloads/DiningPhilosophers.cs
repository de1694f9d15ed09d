namespace ScheduleExplorer.Workloads;

/// <summary>
/// Dining philosophers: n philosopher threads around n forks. <see cref="LeftThenRight()"/> and
/// <see cref="LeftThenRightLock()"/> can deadlock (circular wait); the other entries are fixes.
/// After the joins every entry checks that each philosopher ate exactly the requested number of meals.
/// Each call builds a fresh table, so repeated calls are independent.
/// </summary>
public static class DiningPhilosophers
{
    /// <summary>Default number of philosophers for the parameterless entries.</summary>
    public const int DefaultPhilosophers = 5;

    /// <summary>Default number of meals per philosopher for the parameterless entries.</summary>
    public const int DefaultMeals = 1;

    /// <summary>The bug: lock left fork then right fork (Monitor), 5 philosophers × 1 meal; can deadlock.</summary>
    public static void LeftThenRight() => LeftThenRight(DefaultPhilosophers, DefaultMeals);

    /// <summary>The bug: lock left fork then right fork (Monitor); can deadlock.</summary>
    /// <param name="philosophers">Number of philosophers and forks (at least 2).</param>
    /// <param name="meals">Meals each philosopher eats (at least 0).</param>
    public static void LeftThenRight(int philosophers, int meals) =>
        Dinner.Serve(philosophers, meals, ForkStrategy.LeftThenRight);

    /// <summary>Fixed by a global order: lower-numbered fork first (Monitor), 5 philosophers × 1 meal.</summary>
    public static void OrderedForks() => OrderedForks(DefaultPhilosophers, DefaultMeals);

    /// <summary>Fixed by a global order: lower-numbered fork first (Monitor).</summary>
    /// <param name="philosophers">Number of philosophers and forks (at least 2).</param>
    /// <param name="meals">Meals each philosopher eats (at least 0).</param>
    public static void OrderedForks(int philosophers, int meals) =>
        Dinner.Serve(philosophers, meals, ForkStrategy.OrderedForks);

    /// <summary>Fixed by a waiter: a <see cref="SemaphoreSlim"/> seats at most n − 1, 5 philosophers × 1 meal.</summary>
    public static void Waiter() => Waiter(DefaultPhilosophers, DefaultMeals);

    /// <summary>Fixed by a waiter: a <see cref="SemaphoreSlim"/> seats at most n − 1; forks left then right.</summary>
    /// <param name="philosophers">Number of philosophers and forks (at least 2).</param>
    /// <param name="meals">Meals each philosopher eats (at least 0).</param>
    public static void Waiter(int philosophers, int meals) =>
        Dinner.Serve(philosophers, meals, ForkStrategy.Waiter);

    /// <summary>Fixed by backing off: Monitor.TryEnter on the right fork, release the left and yield on failure; 5 × 1.</summary>
    public static void TryLockBackoff() => TryLockBackoff(DefaultPhilosophers, DefaultMeals);

    /// <summary>Fixed by backing off: Monitor.TryEnter on the right fork, release the left and yield on failure.</summary>
    /// <param name="philosophers">Number of philosophers and forks (at least 2).</param>
    /// <param name="meals">Meals each philosopher eats (at least 0).</param>
    public static void TryLockBackoff(int philosophers, int meals) =>
        Dinner.Serve(philosophers, meals, ForkStrategy.TryLockBackoff);

    /// <summary>The bug on <see cref="Lock"/> forks (EnterScope): left then right, 5 philosophers × 1 meal; can deadlock.</summary>
    public static void LeftThenRightLock() => LeftThenRightLock(DefaultPhilosophers, DefaultMeals);

    /// <summary>The bug on <see cref="Lock"/> forks (EnterScope): left then right; can deadlock.</summary>
    /// <param name="philosophers">Number of philosophers and forks (at least 2).</param>
    /// <param name="meals">Meals each philosopher eats (at least 0).</param>
    public static void LeftThenRightLock(int philosophers, int meals) =>
        Dinner.Serve(philosophers, meals, ForkStrategy.LeftThenRightLock);

    /// <summary>The ordered-forks fix on <see cref="Lock"/> forks (EnterScope), 5 philosophers × 1 meal.</summary>
    public static void OrderedForksLock() => OrderedForksLock(DefaultPhilosophers, DefaultMeals);

    /// <summary>The ordered-forks fix on <see cref="Lock"/> forks (EnterScope).</summary>
    /// <param name="philosophers">Number of philosophers and forks (at least 2).</param>
    /// <param name="meals">Meals each philosopher eats (at least 0).</param>
    public static void OrderedForksLock(int philosophers, int meals) =>
        Dinner.Serve(philosophers, meals, ForkStrategy.OrderedForksLock);
}
