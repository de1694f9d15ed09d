using System.Diagnostics;

namespace ScheduleExplorer.Runtime;

/// <summary>
/// The controlled state of a <see cref="ReaderWriterLockSlim"/>: the read holders with their
/// recursion counts, the writer, the upgradeable holder, and the writers waiting (who, as in the
/// BCL, keep new readers and upgraders out). What a blocked operation waits for is kept per
/// operation, since one resource serves three kinds of request.
/// </summary>
[DebuggerDisplay("{Name}: {Readers.Count} readers, writer {Writer?.Name}, upgrader {Upgrader?.Name}")]
internal sealed class ReaderWriterLockResource : SynchronizationResource
{
    private readonly Dictionary<ControlledOperation, ReaderWriterRequest> _pending = [];

    public ReaderWriterLockResource(object target, int sequence)
        : base(target, sequence)
    {
    }

    /// <summary>Read holders and their recursion counts.</summary>
    public Dictionary<ControlledOperation, int> Readers { get; } = [];

    public ControlledOperation? Writer { get; private set; }

    public int WriteDepth { get; private set; }

    public ControlledOperation? Upgrader { get; private set; }

    public int UpgradeDepth { get; private set; }

    /// <summary>Operations blocked in a write (or upgrade-to-write) request.</summary>
    public int WaitingWriters { get; private set; }

    public int WaitingReaders => _pending.Values.Count(r => r == ReaderWriterRequest.Read);

    public int WaitingUpgraders => _pending.Values.Count(r => r == ReaderWriterRequest.Upgradeable);

    public override ControlledOperation? Owner =>
        Writer ?? (Readers.Count == 0 ? Upgrader : Readers.Count == 1 && Upgrader is null ? Readers.Keys.First() : null);

    public int ReadDepth(ControlledOperation operation) => Readers.GetValueOrDefault(operation);

    public override bool CanProceed(ControlledOperation operation) =>
        !_pending.TryGetValue(operation, out var request) || CanGrant(operation, request);

    public bool CanGrant(ControlledOperation operation, ReaderWriterRequest request) => request switch
    {
        ReaderWriterRequest.Read => Writer is null && WaitingWriters == 0,
        ReaderWriterRequest.Upgradeable => Writer is null && Upgrader is null && WaitingWriters == 0,

        // A fresh writer needs the lock free; an upgrade needs only the readers gone.
        _ => Writer is null && Readers.Count == 0 && (Upgrader is null || ReferenceEquals(Upgrader, operation)),
    };

    public void BeginWait(ControlledOperation operation, ReaderWriterRequest request)
    {
        _pending[operation] = request;
        if (request == ReaderWriterRequest.Write)
        {
            WaitingWriters++;
        }
    }

    public void EndWait(ControlledOperation operation)
    {
        if (_pending.Remove(operation, out var request) && request == ReaderWriterRequest.Write)
        {
            WaitingWriters--;
        }
    }

    public void Grant(ControlledOperation operation, ReaderWriterRequest request)
    {
        bool heldBefore = Holds(operation);
        switch (request)
        {
            case ReaderWriterRequest.Read:
                Readers[operation] = ReadDepth(operation) + 1;
                break;
            case ReaderWriterRequest.Upgradeable:
                Upgrader = operation;
                UpgradeDepth++;
                break;
            default:
                Writer = operation;
                WriteDepth++;
                break;
        }

        if (!heldBefore)
        {
            operation.Held.Add(this);
        }
    }

    /// <summary>Releases one level of <paramref name="request"/>; false when the operation does not hold it.</summary>
    public bool Release(ControlledOperation operation, ReaderWriterRequest request)
    {
        switch (request)
        {
            case ReaderWriterRequest.Read:
                int depth = ReadDepth(operation);
                if (depth == 0)
                {
                    return false;
                }

                if (depth == 1)
                {
                    Readers.Remove(operation);
                }
                else
                {
                    Readers[operation] = depth - 1;
                }

                break;
            case ReaderWriterRequest.Upgradeable:
                if (!ReferenceEquals(Upgrader, operation))
                {
                    return false;
                }

                if (--UpgradeDepth == 0)
                {
                    Upgrader = null;
                }

                break;
            default:
                if (!ReferenceEquals(Writer, operation))
                {
                    return false;
                }

                if (--WriteDepth == 0)
                {
                    Writer = null;
                }

                break;
        }

        if (!Holds(operation))
        {
            operation.Held.Remove(this);
        }

        return true;
    }

    private bool Holds(ControlledOperation operation) =>
        Readers.ContainsKey(operation) || ReferenceEquals(Writer, operation) || ReferenceEquals(Upgrader, operation);
}
