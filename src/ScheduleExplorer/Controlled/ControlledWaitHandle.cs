using ScheduleExplorer.Detection;
using ScheduleExplorer.Runtime;

namespace ScheduleExplorer.Controlled;

/// <summary>Controlled <see cref="WaitHandle.WaitOne()"/> on events; other handles are uncontrolled.</summary>
public static class ControlledWaitHandle
{
    /// <inheritdoc cref="WaitHandle.WaitOne()"/>
    public static bool WaitOne(WaitHandle target) => WaitOne(target, Timeout.Infinite);

    /// <inheritdoc cref="WaitHandle.WaitOne(TimeSpan)"/>
    public static bool WaitOne(WaitHandle target, TimeSpan timeout) => WaitOne(target, Timeouts.ToMilliseconds(timeout));

    /// <inheritdoc cref="WaitHandle.WaitOne(int, bool)"/>
    public static bool WaitOne(WaitHandle target, int millisecondsTimeout, bool exitContext) => WaitOne(target, millisecondsTimeout);

    /// <inheritdoc cref="WaitHandle.WaitOne(TimeSpan, bool)"/>
    public static bool WaitOne(WaitHandle target, TimeSpan timeout, bool exitContext) => WaitOne(target, timeout);

    /// <inheritdoc cref="WaitHandle.WaitOne(int)"/>
    public static bool WaitOne(WaitHandle target, int millisecondsTimeout)
    {
        if (ControlledScheduler.CurrentOperation is not { } op)
        {
            return target.WaitOne(millisecondsTimeout);
        }

        if (target is not EventWaitHandle)
        {
            throw new UncontrolledConcurrencyException($"{target.GetType().Name}.WaitOne", "Only events (AutoResetEvent, ManualResetEvent, EventWaitHandle) are controlled; use SemaphoreSlim or a lock instead of a Mutex or Semaphore.");
        }

        return EventModel.Wait(op, EventModel.Of(op, target), millisecondsTimeout);
    }
}
