using Mono.Cecil;
using Mono.Cecil.Cil;

namespace ScheduleExplorer.Rewriting.Passes;

/// <summary>
/// The scan the table-driven passes share: the original calls (<c>call</c>, <c>callvirt</c>,
/// <c>newobj</c>) of a method that no earlier pass redirected to a shim, and that a table describes.
/// </summary>
internal static class UnredirectedCalls
{
    /// <summary>
    /// Each original call in <paramref name="context"/>, not redirected, for which
    /// <paramref name="describe"/> (a table's <c>Describe</c>) gives a name, with that name ("Timer..ctor").
    /// </summary>
    public static IEnumerable<(Instruction Call, string Api)> Of(MethodRewriteContext context, Func<MethodReference, string?> describe)
    {
        foreach (Instruction instruction in context.Original)
        {
            if (instruction.OpCode.Code is Code.Call or Code.Callvirt or Code.Newobj
                && instruction.Operand is MethodReference callee
                && !context.IsRedirected(instruction)
                && describe(callee) is { } api)
            {
                yield return (instruction, api);
            }
        }
    }
}
