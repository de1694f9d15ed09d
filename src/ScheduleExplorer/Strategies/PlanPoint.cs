namespace ScheduleExplorer.Strategies;

/// <summary>
/// The <paramref name="Point"/>-th scheduling point (0-based) that <paramref name="Operation"/> itself
/// reached, or its <paramref name="Point"/>-th data choice. Unlike a step number it stays put when
/// other operations' steps move, which is what lets a plan drop one switch and keep the others.
/// </summary>
internal readonly record struct PlanPoint(int Operation, int Point);
