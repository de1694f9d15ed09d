namespace ScheduleExplorer.Workloads.Primitives;

/// <summary>
/// Three jobs share one printer guarded by an unnamed <see cref="Semaphore"/>. A semaphore of two
/// lets two jobs print at once; a semaphore of one does not.
/// </summary>
public sealed class PrinterPool
{
    private readonly Semaphore _printers;
    private int _printing;

    private PrinterPool(int permits) => _printers = new Semaphore(permits, permits);

    /// <summary>The bug: two permits for one printer.</summary>
    /// <exception cref="InvalidOperationException">Two jobs printed at once (some schedules only).</exception>
    public static void TwoPermits() => new PrinterPool(2).Run();

    /// <summary>The fix: one permit.</summary>
    public static void OnePermit() => new PrinterPool(1).Run();

    private void Run()
    {
        WorkerThreads.JoinAll(WorkerThreads.Start("job", [Print, Print, Print]));
        _printers.Dispose();
    }

    private void Print()
    {
        _printers.WaitOne();
        try
        {
            if (++_printing > 1)
            {
                throw new InvalidOperationException($"{_printing} jobs are printing on one printer.");
            }

            Thread.Yield(); // the page goes out
            _printing--;
        }
        finally
        {
            _printers.Release();
        }
    }
}
