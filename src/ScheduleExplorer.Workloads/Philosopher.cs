using System.Runtime.CompilerServices;

namespace ScheduleExplorer.Workloads;

/// <summary>
/// The body of one philosopher thread: eats a fixed number of meals, acquiring its forks with one
/// <see cref="ForkStrategy"/>. Each strategy is its own method so traces and stacks name the protocol.
/// </summary>
internal sealed class Philosopher
{
    private readonly int _seat;
    private readonly Fork _left;
    private readonly Fork _right;
    private readonly int _meals;
    private readonly ForkStrategy _strategy;
    private readonly SemaphoreSlim? _waiter;

    // Written only by this philosopher's thread, read by the main thread after Join.
    private int _mealsEaten;

    /// <summary>Seats philosopher <paramref name="seat"/> between its left and right forks.</summary>
    public Philosopher(int seat, Fork left, Fork right, int meals, ForkStrategy strategy, SemaphoreSlim? waiter)
    {
        _seat = seat;
        _left = left;
        _right = right;
        _meals = meals;
        _strategy = strategy;
        _waiter = waiter;
    }

    /// <summary>Number of meals eaten so far; read it only after the thread was joined.</summary>
    public int MealsEaten => _mealsEaten;

    /// <summary>Thread entry point: eats every meal with the configured strategy.</summary>
    public void Run()
    {
        for (var meal = 0; meal < _meals; meal++)
        {
            EatOnce();
        }
    }

    private void EatOnce()
    {
        switch (_strategy)
        {
            case ForkStrategy.LeftThenRight:
                EatWithMonitors(_left, _right);
                break;
            case ForkStrategy.OrderedForks:
                EatWithMonitors(Lower(), Higher());
                break;
            case ForkStrategy.Waiter:
                EatWithWaiter();
                break;
            case ForkStrategy.TryLockBackoff:
                EatWithBackoff();
                break;
            case ForkStrategy.LeftThenRightLock:
                EatWithLocks(_left, _right);
                break;
            case ForkStrategy.OrderedForksLock:
                EatWithLocks(Lower(), Higher());
                break;
            default:
                throw new InvalidOperationException($"Unknown fork strategy {_strategy}");
        }
    }

    private Fork Lower() => _left.Id < _right.Id ? _left : _right;

    private Fork Higher() => _left.Id < _right.Id ? _right : _left;

    // Not inlined, so a Release build's real-run stacks (the stress watchdog) still name the protocol.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void EatWithMonitors(Fork first, Fork second)
    {
        lock (first)
        {
            lock (second)
            {
                EatHolding(first, second);
            }
        }
    }

    // Not inlined, so a Release build's real-run stacks (the stress watchdog) still name the protocol.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void EatWithLocks(Fork first, Fork second)
    {
        // Gate is statically a System.Threading.Lock, so these compile to Lock.EnterScope(), not Monitor.Enter.
        lock (first.Gate)
        {
            lock (second.Gate)
            {
                EatHolding(first, second);
            }
        }
    }

    private void EatWithWaiter()
    {
        // The waiter never seats all n philosophers, so at least one seated philosopher can get both forks.
        _waiter!.Wait();
        try
        {
            EatWithMonitors(_left, _right);
        }
        finally
        {
            _waiter.Release();
        }
    }

    private void EatWithBackoff()
    {
        while (true)
        {
            Monitor.Enter(_left);
            try
            {
                if (Monitor.TryEnter(_right))
                {
                    try
                    {
                        EatHolding(_left, _right);
                    }
                    finally
                    {
                        Monitor.Exit(_right);
                    }

                    return;
                }
            }
            finally
            {
                // Giving the left fork back on failure is what breaks hold-and-wait.
                Monitor.Exit(_left);
            }

            // Let the neighbour holding our right fork run before retrying, or we would just spin.
            Thread.Yield();
        }
    }

    private void EatHolding(Fork first, Fork second)
    {
        first.Take(_seat);
        second.Take(_seat);

        if (_left.Owner != _seat || _right.Owner != _seat)
        {
            throw new InvalidOperationException(
                $"Philosopher {_seat} is eating without both forks: {_left} held by {_left.Owner}, " +
                $"{_right} held by {_right.Owner}");
        }

        _mealsEaten += 1;

        second.Put(_seat);
        first.Put(_seat);
    }
}
