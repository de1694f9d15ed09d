namespace ScheduleExplorer.Runtime;

/// <summary>
/// The pending point of every operation of the iteration, read on demand: a strategy that does not
/// look pays nothing for it. Valid only during the decision it was passed to.
/// </summary>
public readonly struct PendingPoints
{
    private readonly OperationTable? _operations;

    internal PendingPoints(OperationTable operations) => _operations = operations;

    /// <summary>The pending point of operation <paramref name="operationId"/> (an id the strategy was offered).</summary>
    /// <exception cref="ArgumentOutOfRangeException">No such operation in this iteration.</exception>
    public PendingPoint this[int operationId] => _operations is { } operations && (uint)operationId < (uint)operations.Count
        ? operations[operationId].Pending
        : throw new ArgumentOutOfRangeException(nameof(operationId), operationId, "No such operation in this iteration.");

    /// <summary>How many operations the iteration has created so far (ids 0 to this − 1); 0 when not available.</summary>
    public int OperationCount => _operations?.Count ?? 0;

    /// <summary>No pending points known (a decision made outside a scheduler, as in tests of a strategy alone).</summary>
    public static PendingPoints None => default;

    /// <summary>Whether pending points are available.</summary>
    public bool IsAvailable => _operations is not null;
}
