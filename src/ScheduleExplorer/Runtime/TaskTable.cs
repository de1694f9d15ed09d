using System.Globalization;

namespace ScheduleExplorer.Runtime;

/// <summary>
/// The Task ↔ operation table beside the Thread ↔ operation one: for every task created under
/// control this iteration, what it is ("FetchAsync", "Task.Run at Inventory.cs:41") and the one
/// resource that waits on it use (so a task's completion is one location for partial-order
/// reduction). Cleared at the start of every iteration.
/// </summary>
internal sealed class TaskTable
{
    private readonly Dictionary<Task, string> _names = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<Task, TaskResource> _resources = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<string, int> _flowCounts = new(StringComparer.Ordinal);
    private readonly Dictionary<Task, int> _completionOrder = new(ReferenceEqualityComparer.Instance);
    private readonly List<PostedContinuation> _posted = [];

    /// <summary>Continuations posted to a user <see cref="SynchronizationContext"/> this iteration.</summary>
    public IReadOnlyList<PostedContinuation> Posted => _posted;

    public void Clear()
    {
        _names.Clear();
        _resources.Clear();
        _flowCounts.Clear();
        _completionOrder.Clear();
        _posted.Clear();
    }

    /// <summary>
    /// Records <paramref name="task"/> as created under control, named <paramref name="name"/>, and
    /// notes when it completes (in the completing operation's step), for <see cref="FirstCompleted"/>.
    /// </summary>
    public void Register(Task task, string name)
    {
        if (_names.TryAdd(task, name) && !task.IsCompleted)
        {
            task.ConfigureAwait(false).GetAwaiter().UnsafeOnCompleted(() => NoteCompleted(task));
        }
    }

    /// <summary>
    /// Of <paramref name="tasks"/>, the one that completed first in controlled time (a task complete
    /// before it was registered, or never registered, counts as earlier than any noted completion;
    /// ties go to the first in array order); null when none has completed.
    /// </summary>
    public T? FirstCompleted<T>(T[] tasks)
        where T : Task
    {
        T? first = null;
        int firstOrder = int.MaxValue;
        foreach (var task in tasks)
        {
            if (!task.IsCompleted)
            {
                continue;
            }

            int order = _completionOrder.TryGetValue(task, out int noted) ? noted : -1;
            if (order < firstOrder)
            {
                first = task;
                firstOrder = order;
            }
        }

        return first;
    }

    private void NoteCompleted(Task task)
    {
        // Tasks complete inside controlled operations; a completion seen anywhere else (a task of an
        // earlier iteration, a continuation the runtime had to run asynchronously) is not an order.
        if (ControlledScheduler.CurrentOperation is not null && _names.ContainsKey(task))
        {
            _completionOrder.TryAdd(task, _completionOrder.Count);
        }
    }

    public bool IsControlled(Task task) => task.IsCompleted || _names.ContainsKey(task);

    /// <summary>Whether <paramref name="task"/> was registered as created under control (whether or not it has completed).</summary>
    public bool IsRegistered(Task task) => _names.ContainsKey(task);

    /// <summary>"the task of 'FetchAsync'", or "a task not created under control" when unknown.</summary>
    public string Describe(Task task) =>
        _names.TryGetValue(task, out string? name) ? $"the task of '{name}'" : "a task not created under control";

    /// <summary>The one resource for waits on <paramref name="task"/>.</summary>
    public TaskResource ResourceOf(Task task)
    {
        if (!_resources.TryGetValue(task, out var resource))
        {
            resource = new TaskResource(task, this);
            _resources.Add(task, resource);
        }

        return resource;
    }

    /// <summary>A deterministic name for a new async flow of <paramref name="method"/>: "FetchAsync", then "FetchAsync 2", …</summary>
    public string NewFlowName(string method)
    {
        int count = _flowCounts.GetValueOrDefault(method) + 1;
        _flowCounts[method] = count;
        return count == 1 ? method : $"{method} {count.ToString(CultureInfo.InvariantCulture)}";
    }

    public PostedContinuation Post(string flow, string? site, SynchronizationContext context)
    {
        var posted = new PostedContinuation(flow, site, context.GetType().Name);
        _posted.Add(posted);
        return posted;
    }
}
