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
    private readonly List<PostedContinuation> _posted = [];

    /// <summary>Continuations posted to a user <see cref="SynchronizationContext"/> this iteration.</summary>
    public IReadOnlyList<PostedContinuation> Posted => _posted;

    public void Clear()
    {
        _names.Clear();
        _resources.Clear();
        _flowCounts.Clear();
        _posted.Clear();
    }

    /// <summary>Records <paramref name="task"/> as created under control, named <paramref name="name"/>.</summary>
    public void Register(Task task, string name) => _names.TryAdd(task, name);

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
