using System.Diagnostics;

namespace ScheduleExplorer.Runtime;

/// <summary>
/// What an await or a blocking wait on a task pauses on: the task's completion. Tasks complete
/// synchronously inside controlled operations (a task body ending, <c>SetResult</c>, a timer
/// firing), so polling <see cref="Task.IsCompleted"/> at each decision is deterministic.
/// </summary>
[DebuggerDisplay("{Name}")]
internal sealed class TaskResource : IBlockingResource
{
    private readonly TaskTable _table;

    // A task already complete when first awaited never blocks anyone, wherever it came from.
    private readonly bool _completedWhenSeen;

    public TaskResource(Task task, TaskTable table)
    {
        Task = task;
        _table = table;
        _completedWhenSeen = task.IsCompleted;
    }

    public Task Task { get; }

    /// <summary>The operation running the task's body, when it is a task started under control.</summary>
    public ControlledOperation? Owner { get; set; }

    /// <summary>
    /// Whether the task was created under control (so it completes inside a controlled operation).
    /// A foreign task stays uncontrolled once it completes on its own thread: otherwise a decision
    /// that saw it pending, followed by its completion, would read as a controlled wait nobody can
    /// wake (a deadlock) instead of work completed outside the scheduler.
    /// </summary>
    public bool IsControlled => _completedWhenSeen || _table.IsRegistered(Task);

    public string Name => _table.Describe(Task);

    public bool CanProceed(ControlledOperation operation) => Task.IsCompleted;
}
