using ScheduleExplorer.Detection;

namespace ScheduleExplorer.Runtime;

/// <summary>
/// Finds data races by witness: an operation reaches a plain access of some memory while another
/// operation is paused right before a conflicting access of the same memory (the same object's field,
/// the same array element, or the same static field; one of the two a write). Both are enabled at that
/// moment, so the two accesses can run in either order with nothing between them (and at once on real
/// threads): nothing orders them, which is what a data race is. The witness never reports a pair that
/// something orders, so a reported race is always real; a race whose accesses never meet in an explored
/// schedule is not reported, and other schedules of the exploration are how it is found.
/// Atomic (<see cref="Interlocked"/>) and volatile accesses are synchronization, not candidates.
/// Only the first race of an iteration is kept; after it, accesses are not tracked.
/// </summary>
internal sealed class DataRaceDetector
{
    private readonly List<ControlledOperation> _paused = [];

    /// <summary>Whether accesses are tracked (the engine turns it off once a race is noted for the run).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Locations ("Namespace.Type.field", "T[]") whose races are known and accepted.</summary>
    public IReadOnlySet<string> Accepted { get; init; } = new HashSet<string>();

    /// <summary>The first race found in this iteration, or null.</summary>
    public BugReport? Race { get; private set; }

    /// <summary>Whether the next access should be tracked.</summary>
    public bool IsTracking => Enabled && Race is null;

    /// <summary>Forgets the iteration.</summary>
    public void Clear()
    {
        foreach (var operation in _paused)
        {
            operation.PausedAccess = null;
        }

        _paused.Clear();
        Race = null;
    }

    /// <summary>
    /// <paramref name="operation"/> is about to take the scheduling point before <paramref name="access"/>:
    /// checks it against every operation paused at an access, then records it as paused there.
    /// </summary>
    public void Arrive(ControlledOperation operation, in PendingAccess access)
    {
        if (Accepted.Count > 0 && Accepted.Contains(access.Location))
        {
            return;
        }

        foreach (var other in _paused)
        {
            if (other.PausedAccess is { } paused && !ReferenceEquals(other, operation) && access.ConflictsWith(paused))
            {
                Race = RuntimeBugs.DataRace(
                    access.Location,
                    access.Instance is Array ? access.Index : null,
                    new AccessWitness(operation.Name, access.Site, access.Step, access.IsWrite),
                    new AccessWitness(other.Name, paused.Site, paused.Step, paused.IsWrite));
                return;
            }
        }

        operation.PausedAccess = access;
        _paused.Add(operation);
    }

    /// <summary><paramref name="operation"/> was chosen to run and makes its access now.</summary>
    public void Leave(ControlledOperation operation)
    {
        if (operation.PausedAccess is null)
        {
            return;
        }

        operation.PausedAccess = null;
        int index = _paused.IndexOf(operation);
        if (index >= 0)
        {
            _paused[index] = _paused[^1];
            _paused.RemoveAt(_paused.Count - 1);
        }
    }
}
