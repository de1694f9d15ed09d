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

    public TaskResource(Task task, TaskTable table)
    {
        Task = task;
        _table = table;
    }

    public Task Task { get; }

    /// <summary>The operation running the task's body, when it is a task started under control.</summary>
    public ControlledOperation? Owner { get; set; }

    /// <summary>Whether the task was created under control (so it completes inside a controlled operation).</summary>
    public bool IsControlled => _table.IsControlled(Task);

    public string Name => _table.Describe(Task);

    public bool CanProceed(ControlledOperation operation) => Task.IsCompleted;
}
