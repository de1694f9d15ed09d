using ScheduleExplorer.Runtime;

namespace ScheduleExplorer.Strategies;

/// <summary>
/// Rotates several strategies over the iterations: iteration <c>i</c> is explored by member
/// <c>(i + offset) mod n</c>, the offset drawn from the seed, and each member sees the global iteration
/// number, so an iteration's schedule depends only on (seed, iteration): shards and replays hold.
/// Its name says which member explores the current iteration, so a trace names the one that found it.
/// </summary>
internal sealed class PortfolioStrategy : ISchedulingStrategy
{
    private readonly ISchedulingStrategy[] _members;
    private readonly int _offset;
    private ISchedulingStrategy? _current;

    public PortfolioStrategy(ulong seed, IReadOnlyList<ISchedulingStrategy> members)
    {
        ArgumentOutOfRangeException.ThrowIfZero(members.Count);
        _members = [.. members];
        _offset = new Xoshiro256StarStar(seed).NextInt(_members.Length);
    }

    public string Name => _current is null ? "portfolio" : $"portfolio {_current.Name}";

    /// <summary>The member that explores iteration <paramref name="iteration"/>.</summary>
    public ISchedulingStrategy MemberFor(int iteration) => _members[(int)(((long)iteration + _offset) % _members.Length)];

    public bool PrepareIteration(int iteration)
    {
        _current = MemberFor(iteration);
        return _current.PrepareIteration(iteration);
    }

    public int NextOperation(ReadOnlySpan<int> enabled, int current, SchedulingPointKind kind, string? site, PendingPoints pending) =>
        Current.NextOperation(enabled, current, kind, site, pending);

    public bool NextBoolean(int current) => Current.NextBoolean(current);

    public int NextInteger(int current, int maxValue) => Current.NextInteger(current, maxValue);

    private ISchedulingStrategy Current => _current ?? throw new InvalidOperationException("PrepareIteration was not called.");
}
