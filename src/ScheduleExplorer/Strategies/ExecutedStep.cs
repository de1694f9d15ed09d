using ScheduleExplorer.Runtime;

namespace ScheduleExplorer.Strategies;

/// <summary>One step of an executed schedule: who ran it, what it did, and the choice node it was chosen at (-1 if none).</summary>
internal readonly record struct ExecutedStep(int Operation, StepEffect[] Effects, int Node);
