using System.Text.Json.Serialization;

namespace ScheduleExplorer.Traces;

/// <summary>The options a replay must use to see the same scheduling points.</summary>
public sealed record TraceSettings
{
    /// <summary>The step bound of the run.</summary>
    public required int MaxSteps { get; init; }

    /// <summary>Whether reaching the step bound was a bug.</summary>
    public bool FailOnMaxSteps { get; init; }

    /// <summary>Whether field and array accesses were scheduling points.</summary>
    public bool MemoryAccessPoints { get; init; } = true;

    /// <summary>Whether stores were buffered (total store order), so loads could see older values.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool StoreBuffering { get; init; }

    /// <summary>
    /// Whether an operation yielding again waited for the operations it could have let run
    /// (<c>SchedulerOptions.FairYields</c>); traces written before it existed replay without it.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool FairYields { get; init; }
}
