using System.Diagnostics.CodeAnalysis;
using ScheduleExplorer.Detection;
using ScheduleExplorer.Runtime;

namespace ScheduleExplorer.Controlled;

/// <summary>
/// Controlled unnamed <see cref="Mutex"/>: owned by one operation, recursive, waited on through
/// <see cref="ControlledWaitHandle"/>, released only by its owner. A named mutex is shared with
/// other processes the scheduler cannot see, so it is refused under a controlled run.
/// </summary>
public static class ControlledMutex
{
    /// <inheritdoc cref="Mutex()"/>
    public static Mutex Create() => Create(false);

    /// <inheritdoc cref="Mutex(bool)"/>
    public static Mutex Create(bool initiallyOwned)
    {
        if (ControlledScheduler.CurrentOperation is not { } op)
        {
            return new Mutex(initiallyOwned);
        }

        // The real mutex is never owned under control: ownership lives in the model.
        var mutex = new Mutex(false);
        var resource = op.Scheduler.Resources.Register(mutex, static (t, s) => new MonitorResource(t, s));
        if (initiallyOwned)
        {
            resource.Enter(op);
        }

        return mutex;
    }

    /// <inheritdoc cref="Mutex(bool, string)"/>
    public static Mutex Create(bool initiallyOwned, string? name)
    {
        if (name is null)
        {
            return Create(initiallyOwned);
        }

        RefuseNamed("Mutex..ctor");
        return new Mutex(initiallyOwned, name);
    }

    /// <inheritdoc cref="Mutex(bool, string, out bool)"/>
    public static Mutex Create(bool initiallyOwned, string? name, out bool createdNew)
    {
        if (name is null)
        {
            createdNew = true;
            return Create(initiallyOwned);
        }

        RefuseNamed("Mutex..ctor");
        return new Mutex(initiallyOwned, name, out createdNew);
    }

    /// <inheritdoc cref="Mutex.OpenExisting(string)"/>
    public static Mutex OpenExisting(string name)
    {
        RefuseNamed("Mutex.OpenExisting");
        return Mutex.OpenExisting(name);
    }

    /// <inheritdoc cref="Mutex.TryOpenExisting(string, out Mutex)"/>
    public static bool TryOpenExisting(string name, [NotNullWhen(true)] out Mutex? result)
    {
        RefuseNamed("Mutex.TryOpenExisting");
        return Mutex.TryOpenExisting(name, out result);
    }

    /// <inheritdoc cref="Mutex.ReleaseMutex"/>
    public static void ReleaseMutex(Mutex mutex)
    {
        if (ControlledScheduler.CurrentOperation is not { } op)
        {
            mutex.ReleaseMutex();
            return;
        }

        ArgumentNullException.ThrowIfNull(mutex);
        ReleaseCore(op, op.Scheduler.Resources.Monitor(mutex));
    }

    internal static void ReleaseCore(ControlledOperation op, MonitorResource mutex)
    {
        // A release only enables others (a left mover): the next visible operation takes the point.
        op.Scheduler.ThrowIfCanceled();
        if (!ReferenceEquals(mutex.Owner, op))
        {
            throw new ApplicationException("Object synchronization method was called from an unsynchronized block of code.");
        }

        mutex.Exit(op);
        op.Scheduler.RecordEffect(mutex, isWrite: true);
    }

    internal static void RefuseNamed(string api)
    {
        if (ControlledScheduler.CurrentOperation is not null)
        {
            throw new UncontrolledConcurrencyException(api, "A named Mutex or Semaphore is shared with other processes, which the scheduler cannot control: use an unnamed one (or a lock or SemaphoreSlim) in code under test.");
        }
    }
}
