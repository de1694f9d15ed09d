using ScheduleExplorer.Runtime;

namespace ScheduleExplorer.Strategies;

/// <summary>One step of an executed schedule: who ran it, what it did, and the last choice node before it (-1 before the first), where a race with it is reversed.</summary>
internal readonly record struct ExecutedStep(int Operation, StepEffect[] Effects, int Node);
