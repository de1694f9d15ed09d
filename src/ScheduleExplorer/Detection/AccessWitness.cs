namespace ScheduleExplorer.Detection;

/// <summary>One of a data race's two accesses: who was about to make it, where, at which step, reading or writing.</summary>
/// <param name="Operation">The operation's name.</param>
/// <param name="Site">The access's source site.</param>
/// <param name="Step">The scheduling step the operation was paused at.</param>
/// <param name="IsWrite">Whether it writes.</param>
internal readonly record struct AccessWitness(string Operation, string Site, int Step, bool IsWrite);
