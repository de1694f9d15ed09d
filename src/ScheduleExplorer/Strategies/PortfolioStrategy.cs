using ScheduleExplorer.Runtime;

namespace ScheduleExplorer.Strategies;

/// <summary>
/// Rotates several strategies over the iterations: iteration <c>i</c> is explored by member
/// <c>i mod n</c>, and each member sees the global iteration number, so an iteration's schedule
/// depends only on the seed and the iterations before it. A learner, when given, learns from every
/// iteration, whichever member explores it, so what one member's walks reveal the learner can force
/// in its own. Its name says which member explores the current iteration, so a trace names the one
/// that found it.
/// </summary>
internal sealed class PortfolioStrategy : ISchedulingStrategy
{
    private readonly ISchedulingStrategy[] _members;
    private readonly ReadsFromStrategy? _learner;
    private ISchedulingStrategy? _current;

    /// <summary>A portfolio of <paramref name="members"/>, with an optional learner (one of them, or none) fed by every iteration.</summary>
    public PortfolioStrategy(IReadOnlyList<ISchedulingStrategy> members, ReadsFromStrategy? learner)
    {
        ArgumentOutOfRangeException.ThrowIfZero(members.Count);
        _members = [.. members];
        _learner = learner;
    }

    public string Name => _current is null ? "portfolio" : $"portfolio {_current.Name}";

    /// <summary>The member that explores iteration <paramref name="iteration"/>.</summary>
    public ISchedulingStrategy MemberFor(int iteration) => _members[iteration % _members.Length];

    public bool PrepareIteration(int iteration)
    {
        _current = MemberFor(iteration);
        if (_learner is not null && !ReferenceEquals(_current, _learner))
        {
            _learner.ObserveIteration();
        }

        return _current.PrepareIteration(iteration);
    }

    public int NextOperation(ReadOnlySpan<int> enabled, int current, SchedulingPointKind kind, string? site, PendingPoints pending)
    {
        var member = Current;
        int chosen = member.NextOperation(enabled, current, kind, site, pending);
        if (_learner is not null && !ReferenceEquals(member, _learner))
        {
            _learner.Observe(chosen, pending);
        }

        return chosen;
    }

    public bool NextBoolean(int current) => Current.NextBoolean(current);

    public int NextInteger(int current, int maxValue) => Current.NextInteger(current, maxValue);

    private ISchedulingStrategy Current => _current ?? throw new InvalidOperationException("PrepareIteration was not called.");
}
