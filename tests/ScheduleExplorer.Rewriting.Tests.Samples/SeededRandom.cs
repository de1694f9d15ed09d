namespace ScheduleExplorer.Rewriting.Tests.Samples;

// base.Next() is a non-virtual call of a virtual method: redirecting it would recurse forever.
public sealed class SeededRandom : Random
{
    public SeededRandom(int seed)
        : base(seed)
    {
    }

    public override int Next() => base.Next() % 1000;
}
