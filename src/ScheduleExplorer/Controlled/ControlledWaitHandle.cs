using ScheduleExplorer.Runtime;

namespace ScheduleExplorer.Controlled;

/// <summary>
/// Controlled <see cref="WaitHandle"/> waits: <c>WaitOne</c>, <c>WaitAny</c>, <c>WaitAll</c> and
/// <c>SignalAndWait</c> on events, unnamed mutexes and unnamed semaphores act on the same model as
/// their <c>Set</c>/<c>Reset</c>/<c>Release</c>; other handles are refused as uncontrolled.
/// </summary>
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
    public static bool WaitOne(WaitHandle target, int millisecondsTimeout) =>
        ControlledScheduler.CurrentOperation is { } op
            ? WaitHandleModel.WaitOne(op, target, millisecondsTimeout)
            : target.WaitOne(millisecondsTimeout);

    /// <inheritdoc cref="WaitHandle.WaitAny(WaitHandle[])"/>
    public static int WaitAny(WaitHandle[] waitHandles) => WaitAny(waitHandles, Timeout.Infinite);

    /// <inheritdoc cref="WaitHandle.WaitAny(WaitHandle[], TimeSpan)"/>
    public static int WaitAny(WaitHandle[] waitHandles, TimeSpan timeout) => WaitAny(waitHandles, Timeouts.ToMilliseconds(timeout));

    /// <inheritdoc cref="WaitHandle.WaitAny(WaitHandle[], int, bool)"/>
    public static int WaitAny(WaitHandle[] waitHandles, int millisecondsTimeout, bool exitContext) => WaitAny(waitHandles, millisecondsTimeout);

    /// <inheritdoc cref="WaitHandle.WaitAny(WaitHandle[], TimeSpan, bool)"/>
    public static int WaitAny(WaitHandle[] waitHandles, TimeSpan timeout, bool exitContext) => WaitAny(waitHandles, timeout);

    /// <inheritdoc cref="WaitHandle.WaitAny(WaitHandle[], int)"/>
    public static int WaitAny(WaitHandle[] waitHandles, int millisecondsTimeout)
    {
        if (ControlledScheduler.CurrentOperation is not { } op)
        {
            return WaitHandle.WaitAny(waitHandles, millisecondsTimeout);
        }

        int index = WaitHandleModel.WaitMany(op, waitHandles, millisecondsTimeout, all: false);
        return index < 0 ? WaitHandle.WaitTimeout : index;
    }

    /// <inheritdoc cref="WaitHandle.WaitAll(WaitHandle[])"/>
    public static bool WaitAll(WaitHandle[] waitHandles) => WaitAll(waitHandles, Timeout.Infinite);

    /// <inheritdoc cref="WaitHandle.WaitAll(WaitHandle[], TimeSpan)"/>
    public static bool WaitAll(WaitHandle[] waitHandles, TimeSpan timeout) => WaitAll(waitHandles, Timeouts.ToMilliseconds(timeout));

    /// <inheritdoc cref="WaitHandle.WaitAll(WaitHandle[], int, bool)"/>
    public static bool WaitAll(WaitHandle[] waitHandles, int millisecondsTimeout, bool exitContext) => WaitAll(waitHandles, millisecondsTimeout);

    /// <inheritdoc cref="WaitHandle.WaitAll(WaitHandle[], TimeSpan, bool)"/>
    public static bool WaitAll(WaitHandle[] waitHandles, TimeSpan timeout, bool exitContext) => WaitAll(waitHandles, timeout);

    /// <inheritdoc cref="WaitHandle.WaitAll(WaitHandle[], int)"/>
    public static bool WaitAll(WaitHandle[] waitHandles, int millisecondsTimeout) =>
        ControlledScheduler.CurrentOperation is { } op
            ? WaitHandleModel.WaitMany(op, waitHandles, millisecondsTimeout, all: true) == 0
            : WaitHandle.WaitAll(waitHandles, millisecondsTimeout);

    /// <inheritdoc cref="WaitHandle.SignalAndWait(WaitHandle, WaitHandle)"/>
    public static bool SignalAndWait(WaitHandle toSignal, WaitHandle toWaitOn) => SignalAndWait(toSignal, toWaitOn, Timeout.Infinite, false);

    /// <inheritdoc cref="WaitHandle.SignalAndWait(WaitHandle, WaitHandle, TimeSpan, bool)"/>
    public static bool SignalAndWait(WaitHandle toSignal, WaitHandle toWaitOn, TimeSpan timeout, bool exitContext) =>
        SignalAndWait(toSignal, toWaitOn, Timeouts.ToMilliseconds(timeout), exitContext);

    /// <inheritdoc cref="WaitHandle.SignalAndWait(WaitHandle, WaitHandle, int, bool)"/>
    public static bool SignalAndWait(WaitHandle toSignal, WaitHandle toWaitOn, int millisecondsTimeout, bool exitContext)
    {
        if (ControlledScheduler.CurrentOperation is not { } op)
        {
            return WaitHandle.SignalAndWait(toSignal, toWaitOn, millisecondsTimeout, exitContext);
        }

        ArgumentNullException.ThrowIfNull(toSignal);
        ArgumentNullException.ThrowIfNull(toWaitOn);
        WaitHandleModel.Signal(op, toSignal);
        return WaitHandleModel.WaitOne(op, toWaitOn, millisecondsTimeout);
    }
}
