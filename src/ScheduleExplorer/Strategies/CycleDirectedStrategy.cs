using ScheduleExplorer.Runtime;

namespace ScheduleExplorer.Strategies;

/// <summary>
/// One schedule built from a deadlock's wait-for cycle, with a single preemption: the running
/// operation always goes on while it can, except that the cycle's first member is switched away from
/// once, when it reaches the point where it waits in the cycle (it holds its resource and the one it
/// waits for is still free). From then on, each time the running operation blocks or ends, the next
/// operation of <c>order</c> that is enabled runs (operations outside the cycle first, lowest id
/// first): the member that waits for what the last one holds takes its own resource and blocks on
/// the last one's, and so round the cycle, until the first member's resource is taken too (the
/// preempted member is then the last to be offered the processor again). A lock
/// cycle of any length deadlocks this way with one preemption; the minimizer runs one such schedule
/// per member and keeps it when it shows the same bug. Data choices take their first value (the
/// sequentially consistent one).
/// </summary>
internal sealed class CycleDirectedStrategy : ISchedulingStrategy
{
    private readonly int[] _order;
    private readonly string? _site;
    private readonly int _arrival;
    private int _arrivals;
    private bool _preempted;

    /// <summary>
    /// Runs the cycle members <paramref name="order"/> in that order, the first one switched away
    /// from at <paramref name="site"/>, where it waits in the cycle, the <paramref name="arrival"/>-th
    /// time it gets there (nested <c>lock</c> statements on one line take both locks at one site).
    /// </summary>
    public CycleDirectedStrategy(IReadOnlyList<int> order, string? site, int arrival = 1)
    {
        ArgumentOutOfRangeException.ThrowIfZero(order.Count);
        ArgumentOutOfRangeException.ThrowIfLessThan(arrival, 1);
        _order = [.. order];
        _site = site;
        _arrival = arrival;
    }

    public string Name => "minimize";

    public bool PrepareIteration(int iteration)
    {
        _preempted = false;
        _arrivals = 0;
        return iteration == 0;
    }

    public int NextOperation(ReadOnlySpan<int> enabled, int current, SchedulingPointKind kind, string? site, PendingPoints pending)
    {
        bool arrives = !_preempted && current == _order[0] && kind == SchedulingPointKind.Acquire && string.Equals(site, _site, StringComparison.Ordinal);
        if (enabled.Contains(current))
        {
            if (!arrives || ++_arrivals < _arrival)
            {
                return current;
            }

            _preempted = true;
        }

        return First(enabled, except: current);
    }

    public bool NextBoolean(int current) => false;

    public int NextInteger(int current, int maxValue) => 0;

    /// <summary>The lowest enabled operation outside the cycle, else the first enabled member in order (the preempted one last), else <paramref name="except"/>.</summary>
    private int First(ReadOnlySpan<int> enabled, int except)
    {
        foreach (int id in enabled)
        {
            if (id != except && Array.IndexOf(_order, id) < 0)
            {
                return id;
            }
        }

        // Once preempted, the first member comes last: it is to run again only when all the others wait.
        for (int i = _preempted ? 1 : 0; i <= _order.Length; i++)
        {
            int id = _order[i % _order.Length];
            if (id != except && enabled.Contains(id))
            {
                return id;
            }
        }

        return enabled.Contains(except) ? except : enabled[0];
    }
}
