using System.Runtime.CompilerServices;
using ScheduleExplorer.Runtime;

namespace ScheduleExplorer.Controlled;

/// <summary>
/// Controlled <see cref="Thread"/>. A thread started under a controlled run becomes an operation on
/// a reused worker: <c>Start</c>, <c>Join</c>, <c>Sleep</c> (virtual time) and <c>Yield</c> are
/// scheduling points. The real <see cref="Thread"/> object is still created (with the same delegate),
/// so outside a controlled run everything is exactly the BCL's.
/// </summary>
public static partial class ControlledThread
{
    private static readonly ConditionalWeakTable<Thread, Delegate> s_bodies = new();

    /// <inheritdoc cref="Thread(ThreadStart)"/>
    public static Thread Create(ThreadStart start) => Register(new Thread(start), start);

    /// <inheritdoc cref="Thread(ThreadStart, int)"/>
    public static Thread Create(ThreadStart start, int maxStackSize) => Register(new Thread(start, maxStackSize), start);

    /// <inheritdoc cref="Thread(ParameterizedThreadStart)"/>
    public static Thread Create(ParameterizedThreadStart start) => Register(new Thread(start), start);

    /// <inheritdoc cref="Thread(ParameterizedThreadStart, int)"/>
    public static Thread Create(ParameterizedThreadStart start, int maxStackSize) => Register(new Thread(start, maxStackSize), start);

    /// <inheritdoc cref="Thread.Start()"/>
    public static void Start(Thread thread) => StartCore(thread, null, hasParameter: false, unsafeStart: false);

    /// <inheritdoc cref="Thread.Start(object)"/>
    public static void Start(Thread thread, object? parameter) => StartCore(thread, parameter, hasParameter: true, unsafeStart: false);

    /// <inheritdoc cref="Thread.UnsafeStart()"/>
    public static void UnsafeStart(Thread thread) => StartCore(thread, null, hasParameter: false, unsafeStart: true);

    /// <inheritdoc cref="Thread.UnsafeStart(object)"/>
    public static void UnsafeStart(Thread thread, object? parameter) => StartCore(thread, parameter, hasParameter: true, unsafeStart: true);

    /// <inheritdoc cref="Thread.Join()"/>
    public static void Join(Thread thread)
    {
        if (ControlledScheduler.CurrentOperation is not { } op)
        {
            thread.Join();
            return;
        }

        JoinCore(op, thread, -1);
    }

    /// <inheritdoc cref="Thread.Join(int)"/>
    public static bool Join(Thread thread, int millisecondsTimeout) =>
        ControlledScheduler.CurrentOperation is { } op
            ? JoinCore(op, thread, millisecondsTimeout)
            : thread.Join(millisecondsTimeout);

    /// <inheritdoc cref="Thread.Join(TimeSpan)"/>
    public static bool Join(Thread thread, TimeSpan timeout) => Join(thread, Timeouts.ToMilliseconds(timeout));

    /// <inheritdoc cref="Thread.Sleep(int)"/>
    public static void Sleep(int millisecondsTimeout)
    {
        if (ControlledScheduler.CurrentOperation is not { } op)
        {
            Thread.Sleep(millisecondsTimeout);
            return;
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(millisecondsTimeout, -1);
        if (millisecondsTimeout == Timeout.Infinite)
        {
            op.Scheduler.Block(op, resource: null, SchedulingPointKind.Delay, ControlledSite.Current);
            return;
        }

        op.Scheduler.Sleep(op, millisecondsTimeout, ControlledSite.Current);
    }

    /// <inheritdoc cref="Thread.Sleep(TimeSpan)"/>
    public static void Sleep(TimeSpan timeout) => Sleep(Timeouts.ToMilliseconds(timeout));

    /// <inheritdoc cref="Thread.Yield"/>
    public static bool Yield()
    {
        if (ControlledScheduler.CurrentOperation is not { } op)
        {
            return Thread.Yield();
        }

        op.Scheduler.SchedulePoint(op, SchedulingPointKind.Yield, ControlledSite.Current);
        return true;
    }

    /// <inheritdoc cref="Thread.MemoryBarrier"/>
    public static void MemoryBarrier() => ControlledInterlocked.MemoryBarrier();

    /// <inheritdoc cref="Thread.SpinWait(int)"/>
    public static void SpinWait(int iterations)
    {
        if (ControlledScheduler.CurrentOperation is not { } op)
        {
            Thread.SpinWait(iterations);
            return;
        }

        op.Scheduler.SchedulePoint(op, SchedulingPointKind.Yield, ControlledSite.Current);
    }

    /// <inheritdoc cref="Thread.CurrentThread"/>
    public static Thread get_CurrentThread() =>
        ControlledScheduler.CurrentOperation?.ThreadObject ?? Thread.CurrentThread;

    /// <inheritdoc cref="Thread.IsAlive"/>
    public static bool get_IsAlive(Thread thread)
    {
        if (ControlledScheduler.CurrentOperation is not { } op)
        {
            return thread.IsAlive;
        }

        return op.Scheduler.Resources.OperationOf(thread) is { Status: not OperationStatus.Completed };
    }

    private static Thread Register(Thread thread, Delegate body)
    {
        s_bodies.AddOrUpdate(thread, body);

        // As in .NET, a thread has its id from construction on (deterministic: in creation order).
        ControlledScheduler.CurrentOperation?.Scheduler.Resources.ThreadIdOf(thread);
        return thread;
    }

    private static void StartCore(Thread thread, object? parameter, bool hasParameter, bool unsafeStart)
    {
        if (ControlledScheduler.CurrentOperation is not { } op)
        {
            StartReal(thread, parameter, hasParameter, unsafeStart);
            return;
        }

        ArgumentNullException.ThrowIfNull(thread);
        if (!s_bodies.TryGetValue(thread, out var body))
        {
            throw new Detection.UncontrolledConcurrencyException(
                "Thread.Start",
                "This Thread was created by code that was not rewritten, so its body is unknown to the scheduler; rewrite the assembly that creates it.");
        }

        if (op.Scheduler.Resources.OperationOf(thread) is not null)
        {
            throw new ThreadStateException("Thread is running or terminated; it cannot restart.");
        }

        Action<object?> run = body switch
        {
            ThreadStart start => _ => start(),
            ParameterizedThreadStart start => start.Invoke,
            _ => throw new InvalidOperationException($"Unexpected thread body {body.GetType()}."),
        };
        // As in .NET, Start (not UnsafeStart) flows the starter's ExecutionContext (AsyncLocal values)
        // into the thread; running under it also keeps the thread's own changes off the reused worker.
        var context = unsafeStart ? null : ExecutionContext.Capture();
        Action<object?> flowing = context is null ? run : state => ExecutionContext.Run(context, s => run(s), state);
        var started = op.Scheduler.StartOperation(thread, flowing, hasParameter ? parameter : null);
        started.ManagedThreadId = op.Scheduler.Resources.ThreadIdOf(thread);
    }

    private static void StartReal(Thread thread, object? parameter, bool hasParameter, bool unsafeStart)
    {
        switch (hasParameter, unsafeStart)
        {
            case (false, false): thread.Start(); break;
            case (true, false): thread.Start(parameter); break;
            case (false, true): thread.UnsafeStart(); break;
            default: thread.UnsafeStart(parameter); break;
        }
    }

    private static bool JoinCore(ControlledOperation op, Thread thread, int millisecondsTimeout)
    {
        ArgumentNullException.ThrowIfNull(thread);
        var scheduler = op.Scheduler;
        var target = scheduler.Resources.OperationOf(thread)
            ?? throw new ThreadStateException("Thread has not been started.");
        return scheduler.WaitFor(op, scheduler.Resources.CompletionOf(target), SchedulingPointKind.Join, ControlledSite.Current, millisecondsTimeout);
    }
}
