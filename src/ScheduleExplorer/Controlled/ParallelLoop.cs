using System.Runtime.ExceptionServices;
using ScheduleExplorer.Runtime;

namespace ScheduleExplorer.Controlled;

/// <summary>
/// A parallel loop under control: the calling operation and up to <c>degree - 1</c> helper
/// operations each take the next index until none is left (dynamic partitioning, as the BCL's),
/// then the caller waits for the helpers. Exceptions are aggregated as <see cref="Parallel"/> does.
/// The degree is fixed (not the machine's core count), so schedules do not depend on the machine.
/// </summary>
internal sealed class ParallelLoop
{
    /// <summary>Workers of a loop with no <see cref="ParallelOptions.MaxDegreeOfParallelism"/>.</summary>
    public const int DefaultDegree = 4;

    private readonly int _count;
    private readonly Action<int> _body;
    private readonly CancellationToken _cancellationToken;
    private readonly List<Exception> _exceptions = [];
    private int _next;

    private ParallelLoop(int count, Action<int> body, CancellationToken cancellationToken)
    {
        _count = count;
        _body = body;
        _cancellationToken = cancellationToken;
    }

    /// <summary>Runs <paramref name="body"/> for 0 … <paramref name="count"/> - 1 and returns when every index ran.</summary>
    public static void Run(ControlledOperation caller, int count, Action<int> body, ParallelOptions? options)
    {
        options?.CancellationToken.ThrowIfCancellationRequested();
        if (count <= 0)
        {
            return;
        }

        int degree = options is { MaxDegreeOfParallelism: > 0 } ? options.MaxDegreeOfParallelism : DefaultDegree;
        var loop = new ParallelLoop(count, body, options?.CancellationToken ?? CancellationToken.None);
        var scheduler = caller.Scheduler;
        var helpers = new ControlledOperation[Math.Min(count, degree) - 1];
        for (int i = 0; i < helpers.Length; i++)
        {
            helpers[i] = scheduler.StartTaskOperation(scheduler.Tasks.NewFlowName("Parallel worker"), static s => ((ParallelLoop)s!).Drain(), loop);
        }

        loop.Drain();
        foreach (var helper in helpers)
        {
            scheduler.WaitFor(caller, scheduler.Resources.CompletionOf(helper), SchedulingPointKind.Join, ControlledSite.Current);
        }

        loop._cancellationToken.ThrowIfCancellationRequested();
        if (loop._exceptions.Count == 1 && loop._exceptions[0] is OperationCanceledException canceled)
        {
            ExceptionDispatchInfo.Capture(canceled).Throw();
        }

        if (loop._exceptions.Count > 0)
        {
            throw new AggregateException(loop._exceptions);
        }
    }

    private void Drain()
    {
        // Only one operation runs at a time, so taking the next index needs no lock.
        // Whether a worker finds an index, and which, depends on the workers before it (for
        // partial-order reduction: the check is a read of the loop, taking an index a write).
        while (ShimState.Touch(this) && _exceptions.Count == 0 && !_cancellationToken.IsCancellationRequested && _next < _count)
        {
            int index = _next++;
            try
            {
                _body(index);
            }
            catch (Exception e) when (e is not ExecutionCanceledException)
            {
                _exceptions.Add(e);
            }
        }
    }
}
