namespace ScheduleExplorer.Workloads;

/// <summary>
/// One fork on the philosophers' table. The Monitor variants lock the fork itself (so a deadlock report can
/// name "fork 2"); the <see cref="Lock"/> variants lock <see cref="Gate"/>. <see cref="Owner"/> records who
/// holds the fork, giving the eating code a real invariant to check: if mutual exclusion were broken (by the
/// workload or by a wrong model of the lock in the harness), two philosophers would claim the same fork.
/// </summary>
public sealed class Fork
{
    /// <summary>Value of <see cref="Owner"/> when nobody holds the fork.</summary>
    public const int NoOwner = -1;

    // A plain field on purpose: it is only written under the fork's lock, and any unprotected access is a
    // race the harness should be able to see.
    private int _owner = NoOwner;

    /// <summary>Creates fork number <paramref name="id"/>, initially free.</summary>
    public Fork(int id)
    {
        Id = id;
    }

    /// <summary>The fork's number; philosopher i uses forks i and (i + 1) % n.</summary>
    public int Id { get; }

    /// <summary>The <see cref="System.Threading.Lock"/> guarding this fork in the Lock-based variants.</summary>
    public Lock Gate { get; } = new();

    /// <summary>The philosopher currently holding the fork, or <see cref="NoOwner"/>.</summary>
    public int Owner => _owner;

    /// <summary>Returns "fork N", which is what traces and deadlock reports print for the lock object.</summary>
    public override string ToString() => $"fork {Id}";

    /// <summary>Records that <paramref name="philosopher"/> picked the fork up; the caller must hold its lock.</summary>
    /// <exception cref="InvalidOperationException">The fork is already held by someone.</exception>
    internal void Take(int philosopher)
    {
        if (_owner != NoOwner)
        {
            throw new InvalidOperationException(
                $"Philosopher {philosopher} took {this} while philosopher {_owner} still holds it");
        }

        _owner = philosopher;
    }

    /// <summary>Records that <paramref name="philosopher"/> put the fork down; the caller must hold its lock.</summary>
    /// <exception cref="InvalidOperationException">The fork is not held by <paramref name="philosopher"/>.</exception>
    internal void Put(int philosopher)
    {
        if (_owner != philosopher)
        {
            throw new InvalidOperationException(
                $"Philosopher {philosopher} put down {this} but it is held by {DescribeOwner(_owner)}");
        }

        _owner = NoOwner;
    }

    private static string DescribeOwner(int owner) => owner == NoOwner ? "nobody" : $"philosopher {owner}";
}
