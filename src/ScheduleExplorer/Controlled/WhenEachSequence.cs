using ScheduleExplorer.Runtime;

namespace ScheduleExplorer.Controlled;

/// <summary>
/// <c>Task.WhenEach</c> under control: yields the tasks as they complete. A <c>MoveNextAsync</c>
/// with no completed task left returns a task completed by an operation blocked on "one of the
/// remaining tasks completed (or the token was canceled)", so the awaiting flow is blocked on it
/// like on any task. Completion order is recorded by synchronous continuations, which run in the
/// operation that completes each task; tasks seen complete but not recorded (their continuations
/// forced asynchronous) follow in array order.
/// </summary>
/// <typeparam name="TTask"><see cref="Task"/> or <see cref="Task{TResult}"/>.</typeparam>
internal sealed class WhenEachSequence<TTask> : IAsyncEnumerable<TTask>, IAsyncEnumerator<TTask>
    where TTask : Task
{
    private readonly List<TTask> _remaining;
    private readonly List<TTask> _completed = [];
    private readonly string _site;
    private CancellationToken _cancellationToken;
    private bool _enumerated;
    private TTask? _current;

    private WhenEachSequence(TTask[] tasks, string site)
    {
        _remaining = [.. tasks];
        _site = site;
        foreach (var task in tasks)
        {
            task.ContinueWith(static (t, s) => ((WhenEachSequence<TTask>)s!).Record((TTask)t), this, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
    }

    /// <inheritdoc/>
    public TTask Current => _current ?? throw new InvalidOperationException("MoveNextAsync has not returned true.");

    /// <summary>A sequence over a copy of <paramref name="tasks"/>, checked as .NET checks it.</summary>
    public static IAsyncEnumerable<TTask> Create(TTask[] tasks)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        if (Array.Exists(tasks, t => t is null))
        {
            throw new ArgumentException("The tasks argument included a null value.", nameof(tasks));
        }

        return new WhenEachSequence<TTask>((TTask[])tasks.Clone(), ControlledSite.Current ?? "Task.WhenEach");
    }

    /// <inheritdoc/>
    public IAsyncEnumerator<TTask> GetAsyncEnumerator(CancellationToken cancellationToken = default)
    {
        if (_enumerated)
        {
            throw new InvalidOperationException("A Task.WhenEach sequence can be enumerated only once.");
        }

        _enumerated = true;
        _cancellationToken = cancellationToken;
        return this;
    }

    /// <inheritdoc/>
    public ValueTask<bool> MoveNextAsync()
    {
        if (_remaining.Count == 0)
        {
            _current = null;
            return new ValueTask<bool>(false);
        }

        if (TryTake())
        {
            return new ValueTask<bool>(true);
        }

        if (_cancellationToken.IsCancellationRequested)
        {
            return ValueTask.FromCanceled<bool>(_cancellationToken);
        }

        var operation = ControlledScheduler.CurrentOperation
            ?? throw new InvalidOperationException("A controlled Task.WhenEach sequence was enumerated outside its controlled run.");
        return new ValueTask<bool>(WaitForNext(operation));
    }

    /// <inheritdoc/>
    public ValueTask DisposeAsync() => default;

    private Task<bool> WaitForNext(ControlledOperation operation)
    {
        var scheduler = operation.Scheduler;
        var promise = new TaskCompletionSource<bool>();
        scheduler.Tasks.Register(promise.Task, ControlledTasks.Describe("Task.WhenEach", ControlledSite.Current));
        bool controlled = _remaining.TrueForAll(scheduler.Tasks.IsControlled);
        string name = $"any of {_remaining.Count} tasks (Task.WhenEach at {_site})";
        var next = new AwaitableResource(() => _remaining.Exists(t => t.IsCompleted) || _cancellationToken.IsCancellationRequested, name, controlled);
        scheduler.StartWaitingOperation(scheduler.Tasks.NewFlowName("Task.WhenEach"), next, SchedulingPointKind.Await, ControlledSite.Current, static state =>
        {
            var (sequence, p) = ((WhenEachSequence<TTask>, TaskCompletionSource<bool>))state!;
            if (sequence.TryTake())
            {
                p.SetResult(true);
            }
            else
            {
                p.SetCanceled(sequence._cancellationToken);
            }
        }, (this, promise));
        return promise.Task;
    }

    private bool TryTake()
    {
        TTask? next = null;
        lock (_completed)
        {
            foreach (var recorded in _completed)
            {
                if (_remaining.Contains(recorded))
                {
                    next = recorded;
                    break;
                }
            }
        }

        next ??= _remaining.Find(t => t.IsCompleted);
        if (next is null)
        {
            return false;
        }

        _remaining.Remove(next);
        _current = next;
        return true;
    }

    private void Record(TTask task)
    {
        lock (_completed)
        {
            _completed.Add(task);
        }
    }
}
