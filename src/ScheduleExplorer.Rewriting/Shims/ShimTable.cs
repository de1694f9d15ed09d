namespace ScheduleExplorer.Rewriting.Shims;

/// <summary>
/// The one table mapping a BCL type (as the declaring type of a call in IL, Cecil spelling with
/// <c>/</c> for nesting) to its controlled shim in <c>ScheduleExplorer.Controlled</c>.
/// </summary>
internal static class ShimTable
{
    /// <summary>The namespace of every shim and hook type in the runtime assembly.</summary>
    public const string ShimNamespace = "ScheduleExplorer.Controlled";

    private static readonly Dictionary<string, string> s_shims = new(StringComparer.Ordinal)
    {
        ["System.Threading.Monitor"] = "ControlledMonitor",
        ["System.Threading.Lock"] = "ControlledLock",
        ["System.Threading.Lock/Scope"] = "ControlledLockScope",
        ["System.Threading.Interlocked"] = "ControlledInterlocked",
        ["System.Threading.Volatile"] = "ControlledVolatile",
        ["System.Threading.Thread"] = "ControlledThread",
        ["System.Threading.SemaphoreSlim"] = "ControlledSemaphoreSlim",
        ["System.Threading.ManualResetEventSlim"] = "ControlledManualResetEventSlim",
        ["System.Threading.EventWaitHandle"] = "ControlledEventWaitHandle",
        ["System.Threading.AutoResetEvent"] = "ControlledAutoResetEvent",
        ["System.Threading.ManualResetEvent"] = "ControlledManualResetEvent",
        ["System.Threading.WaitHandle"] = "ControlledWaitHandle",
        ["System.Random"] = "ControlledRandom",
        ["System.Guid"] = "ControlledGuid",
        ["System.Object"] = "ControlledObject",
        ["System.String"] = "ControlledString",
        ["System.Diagnostics.Debug"] = "ControlledDebug",
        ["System.Diagnostics.Trace"] = "ControlledTrace",
        ["System.Threading.Tasks.Task"] = "ControlledTask",
        ["System.Threading.Tasks.Task`1"] = "ControlledTaskOfT",
        ["System.Threading.Tasks.TaskCompletionSource"] = "ControlledTaskCompletionSource",
        ["System.Threading.Tasks.TaskCompletionSource`1"] = "ControlledTaskCompletionSource",
        ["System.Runtime.CompilerServices.TaskAwaiter"] = "ControlledTaskAwaiter",
        ["System.Runtime.CompilerServices.TaskAwaiter`1"] = "ControlledTaskAwaiter",
        ["System.Runtime.CompilerServices.ConfiguredTaskAwaitable/ConfiguredTaskAwaiter"] = "ControlledTaskAwaiter",
        ["System.Runtime.CompilerServices.ConfiguredTaskAwaitable`1/ConfiguredTaskAwaiter"] = "ControlledTaskAwaiter",
        ["System.Runtime.CompilerServices.AsyncTaskMethodBuilder"] = "ControlledAsyncMethodBuilder",
        ["System.Runtime.CompilerServices.AsyncTaskMethodBuilder`1"] = "ControlledAsyncMethodBuilder",
        ["System.Runtime.CompilerServices.AsyncValueTaskMethodBuilder"] = "ControlledAsyncMethodBuilder",
        ["System.Runtime.CompilerServices.AsyncValueTaskMethodBuilder`1"] = "ControlledAsyncMethodBuilder",
        ["System.Runtime.CompilerServices.PoolingAsyncValueTaskMethodBuilder"] = "ControlledAsyncMethodBuilder",
        ["System.Runtime.CompilerServices.PoolingAsyncValueTaskMethodBuilder`1"] = "ControlledAsyncMethodBuilder",
        ["System.Runtime.CompilerServices.AsyncVoidMethodBuilder"] = "ControlledAsyncMethodBuilder",
        ["System.Runtime.CompilerServices.AsyncIteratorMethodBuilder"] = "ControlledAsyncMethodBuilder",
        ["System.Threading.CancellationTokenSource"] = "ControlledCancellationTokenSource",
        ["System.Threading.CancellationToken"] = "ControlledCancellationToken",
        ["System.Threading.ThreadPool"] = "ControlledThreadPool",
        ["System.Diagnostics.Stopwatch"] = "ControlledStopwatch",
        ["System.DateTime"] = "ControlledDateTime",
        ["System.DateTimeOffset"] = "ControlledDateTimeOffset",
        ["System.Environment"] = "ControlledEnvironment",
        ["System.TimeProvider"] = "ControlledTimeProvider",
        ["System.Threading.Channels.ChannelReader`1"] = "ControlledChannelReader",
        ["System.Lazy`1"] = "ControlledLazy",
        ["System.Threading.LazyInitializer"] = "ControlledLazyInitializer",
        ["System.Threading.ReaderWriterLockSlim"] = "ControlledReaderWriterLockSlim",
        ["System.Threading.Barrier"] = "ControlledBarrier",
        ["System.Threading.CountdownEvent"] = "ControlledCountdownEvent",
        ["System.Threading.SpinLock"] = "ControlledSpinLock",
        ["System.Threading.SpinWait"] = "ControlledSpinWait",
        ["System.Threading.Mutex"] = "ControlledMutex",
        ["System.Threading.Semaphore"] = "ControlledSemaphore",
        ["System.Threading.ThreadLocal`1"] = "ControlledThreadLocal",
        ["System.Collections.Concurrent.BlockingCollection`1"] = "ControlledBlockingCollection",
        ["System.Threading.Tasks.Parallel"] = "ControlledParallel",
        ["System.Threading.Timer"] = "ControlledTimer",
        ["System.Timers.Timer"] = "ControlledTimersTimer",
        ["System.Threading.Tasks.TaskFactory"] = "ControlledTaskFactory",
        ["System.Threading.Tasks.TaskFactory`1"] = "ControlledTaskFactoryOfT",
        ["System.Threading.Tasks.ValueTask"] = "ControlledValueTask",
        ["System.Threading.Tasks.ValueTask`1"] = "ControlledValueTask",
        ["System.Threading.PeriodicTimer"] = "ControlledPeriodicTimer",
        ["System.Runtime.CompilerServices.ValueTaskAwaiter"] = "ControlledValueTaskAwaiter",
        ["System.Runtime.CompilerServices.ValueTaskAwaiter`1"] = "ControlledValueTaskAwaiter",
        ["System.Runtime.CompilerServices.ConfiguredValueTaskAwaitable/ConfiguredValueTaskAwaiter"] = "ControlledValueTaskAwaiter",
        ["System.Runtime.CompilerServices.ConfiguredValueTaskAwaitable`1/ConfiguredValueTaskAwaiter"] = "ControlledValueTaskAwaiter",
    };

    /// <summary>Every shim type name (simple name, in <see cref="ShimNamespace"/>), in a stable order.</summary>
    public static IEnumerable<string> ShimTypeNames => s_shims.Values.Order(StringComparer.Ordinal);

    /// <summary>The shim type name for <paramref name="bclTypeFullName"/>, or null when it is not mapped.</summary>
    public static string? ShimFor(string bclTypeFullName) =>
        s_shims.TryGetValue(bclTypeFullName, out string? shim) ? shim : null;
}
