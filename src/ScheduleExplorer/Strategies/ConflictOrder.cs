
namespace ScheduleExplorer.Strategies;

/// <summary>
/// An order to force between two conflicting points, each named by its source site and, for a memory
/// access, its location (one line may read two fields): no point matching <see cref="Second"/> runs
/// before one matching <see cref="First"/> has.
/// </summary>
/// <param name="First">The point that must run first.</param>
/// <param name="Second">The point held back until then.</param>
internal readonly record struct ConflictOrder(ConflictSite First, ConflictSite Second);
