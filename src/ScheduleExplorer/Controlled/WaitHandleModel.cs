using ScheduleExplorer.Detection;
using ScheduleExplorer.Runtime;

namespace ScheduleExplorer.Controlled;

/// <summary>
/// The controlled semantics of a kernel wait handle, whatever its kind: events (set/reset, auto
/// reset on a successful wait), unnamed mutexes (owned, recursive) and unnamed semaphores (a
/// count). One wait, a wait for any or all of several, and signalling all act on the same model.
/// </summary>
internal static class WaitHandleModel
{
    public static IBlockingResource Of(ControlledOperation op, WaitHandle handle)
    {
        ArgumentNullException.ThrowIfNull(handle);
        return handle switch
        {
            EventWaitHandle => EventModel.Of(op, handle),
            Mutex => op.Scheduler.Resources.Monitor(handle),
            Semaphore => op.Scheduler.Resources.GetOrAdd<SemaphoreResource>(handle, static (_, _) =>
                throw new UncontrolledConcurrencyException("Semaphore.WaitOne", "This Semaphore was created outside the controlled run (its count is unknown): create it in the code under test.")),
            _ => throw new UncontrolledConcurrencyException($"{handle.GetType().Name}.WaitOne", "Only events, unnamed Mutexes and unnamed Semaphores are controlled."),
        };
    }

    /// <summary>
    /// Takes an available handle: resets an auto-reset event, owns a mutex, takes a permit. True when
    /// the handle was a mutex abandoned by a thread that ended holding it.
    /// </summary>
    public static bool Take(ControlledOperation op, IBlockingResource resource)
    {
        switch (resource)
        {
            case EventResource { AutoReset: true } autoReset:
                autoReset.IsSet = false;
                break;
            case MonitorResource { IsAbandoned: true } abandoned:
                abandoned.TakeAbandoned(op);
                return true;
            case MonitorResource mutex:
                mutex.Enter(op);
                break;
            case SemaphoreResource semaphore:
                semaphore.Count--;
                break;
        }

        return false;
    }

    /// <summary>Signals a handle (<see cref="WaitHandle.SignalAndWait(WaitHandle, WaitHandle)"/>): sets an event, releases a mutex or one permit.</summary>
    public static void Signal(ControlledOperation op, WaitHandle handle)
    {
        switch (Of(op, handle))
        {
            case EventResource resource:
                EventModel.Set(op, resource);
                break;
            case MonitorResource mutex:
                ControlledMutex.ReleaseCore(op, mutex);
                break;
            case SemaphoreResource semaphore:
                ControlledSemaphore.ReleaseCore(op, semaphore, 1);
                break;
        }
    }

    public static bool WaitOne(ControlledOperation op, WaitHandle handle, int millisecondsTimeout)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(millisecondsTimeout, -1);
        var resource = Of(op, handle);
        if (!op.Scheduler.WaitFor(op, resource, SchedulingPointKind.Acquire, ControlledSite.Current, millisecondsTimeout))
        {
            return false;
        }

        if (Take(op, resource))
        {
            throw new AbandonedMutexException();
        }

        return true;
    }

    /// <summary>Waits for all (or any) of <paramref name="handles"/>; the index taken (0 for all), or -1 on timeout.</summary>
    public static int WaitMany(ControlledOperation op, WaitHandle[] handles, int millisecondsTimeout, bool all)
    {
        ArgumentNullException.ThrowIfNull(handles);
        ArgumentOutOfRangeException.ThrowIfLessThan(millisecondsTimeout, -1);
        if (handles.Length == 0)
        {
            throw new ArgumentNullException(nameof(handles), "The waitHandles parameter must contain at least one element.");
        }

        var parts = Array.ConvertAll(handles, h => Of(op, h));
        if (all && parts.Distinct().Count() != parts.Length)
        {
            throw new DuplicateWaitObjectException(nameof(handles), "Duplicate objects in argument.");
        }

        var scheduler = op.Scheduler;
        var waited = new MultiWaitResource(parts, all);
        string? site = ControlledSite.Current;
        long deadline = millisecondsTimeout < 0 ? long.MaxValue : scheduler.Now + millisecondsTimeout;
        if (waited.CanProceed(op))
        {
            scheduler.SchedulePoint(op, SchedulingPointKind.Acquire, site);
        }

        while (!waited.CanProceed(op))
        {
            // The composite has no identity of its own: the effects are on the handles.
            Array.ForEach(parts, p => scheduler.RecordEffect(p, isWrite: false));
            if (scheduler.Now >= deadline)
            {
                return -1;
            }

            scheduler.Block(op, waited, SchedulingPointKind.Acquire, site, deadline);
        }

        int index = all ? 0 : waited.FirstAvailable(op);
        int abandoned = -1;
        foreach (var part in all ? parts : [parts[index]])
        {
            if (Take(op, part) && abandoned < 0)
            {
                abandoned = all ? Array.IndexOf(parts, part) : index;
            }

            scheduler.RecordEffect(part, isWrite: true);
        }

        if (abandoned >= 0)
        {
            throw all ? new AbandonedMutexException() : new AbandonedMutexException(abandoned, handles[abandoned]);
        }

        return index;
    }
}
