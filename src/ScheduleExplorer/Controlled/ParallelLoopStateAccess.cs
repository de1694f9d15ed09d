using System.Reflection;

namespace ScheduleExplorer.Controlled;

/// <summary>
/// Builds the BCL's own <see cref="ParallelLoopState"/> and <see cref="ParallelLoopResult"/> (their
/// constructors are internal), so <c>Break</c>, <c>Stop</c>, <c>ShouldExitCurrentIteration</c> and
/// the InvalidOperationException of Break after Stop (and Stop after Break) are .NET's exactly.
/// </summary>
internal static class ParallelLoopStateAccess
{
    private const BindingFlags Members = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic;
    private static readonly Assembly s_parallel = typeof(ParallelLoopState).Assembly;
    private static readonly Type s_flagsType = s_parallel.GetType("System.Threading.Tasks.ParallelLoopStateFlags`1", throwOnError: true)!.MakeGenericType(typeof(long));
    private static readonly Type s_stateType = s_parallel.GetType("System.Threading.Tasks.ParallelLoopState`1", throwOnError: true)!.MakeGenericType(typeof(long));
    private static readonly ConstructorInfo s_stateConstructor = s_stateType.GetConstructor(Members, [s_flagsType])!;
    private static readonly PropertyInfo s_currentIteration = s_stateType.GetProperty("CurrentIteration", Members)!;
    private static readonly MethodInfo s_setExceptional = s_flagsType.BaseType!.GetMethod("SetExceptional", Members)!;
    private static readonly FieldInfo s_completed = typeof(ParallelLoopResult).GetField("_completed", Members)!;
    private static readonly FieldInfo s_lowestBreak = typeof(ParallelLoopResult).GetField("_lowestBreakIteration", Members)!;

    /// <summary>New flags shared by the workers of one loop.</summary>
    public static object NewFlags() => Activator.CreateInstance(s_flagsType, nonPublic: true)!;

    /// <summary>A worker's loop state over the shared <paramref name="flags"/>.</summary>
    public static ParallelLoopState NewState(object flags) => (ParallelLoopState)s_stateConstructor.Invoke([flags]);

    /// <summary>Sets the iteration the worker of <paramref name="state"/> runs (Break records it).</summary>
    public static void SetIteration(ParallelLoopState state, long iteration) => s_currentIteration.SetValue(state, iteration);

    /// <summary>Marks the loop as ended by an exception (<see cref="ParallelLoopState.IsExceptional"/>).</summary>
    public static void SetExceptional(object flags) => s_setExceptional.Invoke(flags, null);

    /// <summary>The result of a loop that ended with <paramref name="state"/>'s flags.</summary>
    public static ParallelLoopResult Result(ParallelLoopState? state)
    {
        object result = default(ParallelLoopResult);
        long? lowest = state?.LowestBreakIteration;
        s_completed.SetValue(result, state is null || (!state.IsStopped && lowest is null));
        s_lowestBreak.SetValue(result, lowest);
        return (ParallelLoopResult)result;
    }
}
