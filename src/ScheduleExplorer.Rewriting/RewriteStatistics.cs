namespace ScheduleExplorer.Rewriting;

/// <summary>What one rewrite changed.</summary>
/// <param name="MethodsRewritten">Methods whose body was changed.</param>
/// <param name="CallsRedirected">Calls (and <c>newobj</c>) redirected to a controlled shim.</param>
/// <param name="MemoryPoints">Field and array-element accesses given a <c>ControlledMemory</c> hook.</param>
/// <param name="UncontrolledCalls">Calls to uncontrolled APIs given an <c>UncontrolledCall.Check</c>.</param>
/// <param name="BackEdges">Backward branches given a <c>ControlledLoop.BackEdge</c> hook.</param>
public sealed record RewriteStatistics(int MethodsRewritten, int CallsRedirected, int MemoryPoints, int UncontrolledCalls, int BackEdges)
{
    /// <inheritdoc/>
    public override string ToString() =>
        $"{MethodsRewritten} methods, {CallsRedirected} calls redirected, {MemoryPoints} memory points, " +
        $"{UncontrolledCalls} uncontrolled calls, {BackEdges} back-edges";
}
