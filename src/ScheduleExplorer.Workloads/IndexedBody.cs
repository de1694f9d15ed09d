namespace ScheduleExplorer.Workloads;

/// <summary>
/// Binds a per-thread index to a body so it can be a <see cref="ThreadStart"/>. Used instead of lambdas that
/// capture a loop variable, and built from instance method groups so no compiler-cached static delegate
/// (hidden static mutable state) is involved.
/// </summary>
internal sealed class IndexedBody
{
    private readonly Action<int> _body;
    private readonly int _index;

    /// <summary>Creates a thread body that calls <paramref name="body"/> with <paramref name="index"/>.</summary>
    public IndexedBody(Action<int> body, int index)
    {
        _body = body;
        _index = index;
    }

    /// <summary>Thread entry point.</summary>
    public void Run() => _body(_index);
}
