using ScheduleExplorer.Runtime;

namespace ScheduleExplorer.Strategies;

/// <summary>
/// Learns, from the points that ran, which pairs of source sites conflict (accesses of one location
/// of which one writes, or synchronization on one resource) by different operations: each such pair
/// gives two orders a later iteration may force. Orders are kept in the order they were first seen,
/// so what is learnt depends only on the schedules run.
/// </summary>
internal sealed class ConflictSites
{
    private readonly Dictionary<object, List<(ConflictSite Site, bool Writes, int Operation)>> _byKey = [];
    private readonly HashSet<ConflictOrder> _known = [];
    private readonly List<ConflictOrder> _orders = [];

    /// <summary>The orders learnt so far.</summary>
    public IReadOnlyList<ConflictOrder> Orders => _orders;

    /// <summary>Forgets the accesses of the iteration that ended (the learnt orders stay).</summary>
    public void StartIteration() => _byKey.Clear();

    /// <summary>Notes that <paramref name="operation"/> ran <paramref name="point"/>.</summary>
    public void Ran(int operation, PendingPoint point)
    {
        if (point.Site is not { } site || KeyOf(point) is not { } key)
        {
            return;
        }

        bool writes = point.Kind != SchedulingPointKind.Read;
        var here = new ConflictSite(site, key as string);
        if (!_byKey.TryGetValue(key, out var seen))
        {
            _byKey[key] = seen = [];
        }

        int index = -1;
        for (int i = 0; i < seen.Count; i++)
        {
            var (otherSite, otherWrites, otherOperation) = seen[i];
            if (otherSite == here)
            {
                index = i;
            }
            else if ((writes || otherWrites) && otherOperation != operation)
            {
                Learn(new ConflictOrder(otherSite, here));
                Learn(new ConflictOrder(here, otherSite));
            }
        }

        if (index < 0)
        {
            seen.Add((here, writes, operation));
        }
        else
        {
            seen[index] = (here, writes || seen[index].Writes, operation);
        }
    }

    private void Learn(ConflictOrder order)
    {
        if (_known.Add(order))
        {
            _orders.Add(order);
        }
    }

    /// <summary>What a point conflicts on: a named location, or a synchronization resource; null for neither.</summary>
    private static object? KeyOf(PendingPoint point) => point.Kind switch
    {
        SchedulingPointKind.Read or SchedulingPointKind.Write or SchedulingPointKind.Interlocked => point.Target,
        SchedulingPointKind.Acquire or SchedulingPointKind.Release or SchedulingPointKind.Wait or SchedulingPointKind.Pulse => point.Resource,
        _ => null,
    };
}
