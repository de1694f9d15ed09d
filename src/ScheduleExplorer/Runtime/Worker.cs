using System.Diagnostics;

namespace ScheduleExplorer.Runtime;

/// <summary>
/// An engine-owned OS thread that runs controlled operations one after another, parked on its own
/// <see cref="Baton"/> whenever another operation runs.
/// </summary>
[DebuggerDisplay("Worker {_thread.ManagedThreadId}")]
internal sealed class Worker
{
    private readonly Baton _baton = new();
    private readonly Thread _thread;
    private readonly int _pinCpu;
    private ControlledOperation? _operation;
    private volatile bool _stopping;

    internal Worker(int index, int pinCpu)
    {
        _pinCpu = pinCpu;
        _thread = new Thread(Loop, maxStackSize: 16 * 1024 * 1024)
        {
            IsBackground = true,
            Name = $"schedex-worker-{index}",
        };

        // Workers are the engine's, not the caller's: nothing ambient (AsyncLocal values such as a
        // test framework's current-test context) may flow into the operations they run.
        using (ExecutionContext.SuppressFlow())
        {
            _thread.Start();
        }
    }

    /// <summary>True once a hang left this worker stuck in user code; it is never reused.</summary>
    public bool IsPoisoned { get; set; }

    /// <summary>The OS thread behind this worker.</summary>
    public Thread Thread => _thread;

    /// <summary>Gives this worker an operation to run the next time it is resumed.</summary>
    public void Assign(ControlledOperation operation) => _operation = operation;

    /// <summary>Hands the baton to this worker.</summary>
    public void Resume() => _baton.Set();

    /// <summary>Parks the calling thread (which must be this worker) until it gets the baton back.</summary>
    public void Park()
    {
        Debug.Assert(Thread.CurrentThread == _thread, "only the worker parks itself");
        while (true)
        {
            try
            {
                _baton.Wait();
                break;
            }
            catch (ThreadInterruptedException)
            {
                // The watchdog interrupts a worker stuck in an uncontrolled wait; a pending
                // interrupt that arrives after it unwound must not break the baton protocol.
            }
        }

        _baton.Reset();
    }

    /// <summary>Ends the worker's loop once it is idle.</summary>
    public void Stop()
    {
        _stopping = true;
        _baton.Set();
    }

    /// <summary>
    /// The ambient context a worker starts with (nothing flowed in). An operation's body may set
    /// <see cref="AsyncLocal{T}"/> values on the worker's own context; they are dropped when the body
    /// ends, so the next operation (or iteration) on this worker starts as clean as a fresh thread.
    /// </summary>
    [ThreadStatic]
    private static ExecutionContext? t_clean;

    /// <summary>Drops whatever ambient values the body that just ran left on this worker.</summary>
    internal static void ResetAmbientContext()
    {
        if (t_clean is { } clean && !ReferenceEquals(ExecutionContext.Capture(), clean))
        {
            ExecutionContext.Restore(clean);
        }
    }

    private void Loop()
    {
        t_clean = ExecutionContext.Capture();
        if (_pinCpu >= 0)
        {
            CpuAffinity.TryPinCurrentThread(_pinCpu);
        }

        while (true)
        {
            Park();
            if (_stopping)
            {
                return;
            }

            var operation = _operation;
            _operation = null;
            while (operation is not null)
            {
                operation = operation.Scheduler.RunOperation(operation);
            }
        }
    }
}
