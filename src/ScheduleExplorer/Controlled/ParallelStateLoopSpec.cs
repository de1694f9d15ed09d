namespace ScheduleExplorer.Controlled;

/// <summary>
/// What a <see cref="ParallelStateLoop{TLocal}"/> runs: <see cref="Count"/> positions whose iteration
/// numbers are <see cref="From"/> + position, or <see cref="Keys"/>[position] (an orderable partitioner's
/// keys, ascending); the body gets the position, the iteration, the loop state and the local value.
/// </summary>
/// <typeparam name="TLocal">The thread-local value.</typeparam>
internal readonly record struct ParallelStateLoopSpec<TLocal>(
    long From,
    long Count,
    long[]? Keys,
    Func<TLocal>? LocalInit,
    Func<long, long, ParallelLoopState, TLocal, TLocal> Body,
    Action<TLocal>? LocalFinally);
