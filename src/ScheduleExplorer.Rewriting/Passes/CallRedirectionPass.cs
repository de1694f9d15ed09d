using Mono.Cecil;
using Mono.Cecil.Cil;

namespace ScheduleExplorer.Rewriting.Passes;

/// <summary>
/// Redirects <c>call</c>/<c>callvirt</c>/<c>newobj</c> of mapped BCL types (Monitor, Lock,
/// Interlocked, Volatile, Thread, SemaphoreSlim, events, Random, Debug, Trace) to
/// <c>call</c> of the matching static shim, in place (the instruction keeps its identity, so
/// nothing pointing at it needs retargeting). Calls with no matching shim are left alone.
/// </summary>
internal sealed class CallRedirectionPass : IMethodPass
{
    /// <inheritdoc/>
    public void Apply(MethodRewriteContext context)
    {
        foreach (Instruction instruction in context.Original)
        {
            if (instruction.Operand is not MethodReference callee || !IsCall(instruction.OpCode.Code) || HasConstrainedPrefix(instruction))
            {
                continue;
            }

            bool isNewObject = instruction.OpCode.Code == Code.Newobj;
            MethodDefinition? shim = context.Module.Shims.Find(callee, isNewObject);
            if (shim is null || IsNonVirtualBaseCall(instruction, callee, shim))
            {
                continue;
            }

            context.Redirect(instruction, Instantiate(context.Module.Imports.Import(shim), callee));
            context.Module.Statistics.CallsRedirected++;
        }
    }

    private static bool IsCall(Code code) => code is Code.Call or Code.Callvirt or Code.Newobj;

    /// <summary>
    /// A <c>constrained.</c> call dispatches on a generic receiver; a static shim cannot take its
    /// place, so it is left alone.
    /// </summary>
    private static bool HasConstrainedPrefix(Instruction instruction)
    {
        for (Instruction? previous = instruction.Previous; previous is { OpCode.OpCodeType: OpCodeType.Prefix }; previous = previous.Previous)
        {
            if (previous.OpCode.Code == Code.Constrained)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A non-virtual <c>call</c> of a virtual instance method on a class is a <c>base.M()</c> call
    /// from an override; the shim calls the method virtually, which would recurse into the override.
    /// </summary>
    private static bool IsNonVirtualBaseCall(Instruction instruction, MethodReference callee, MethodDefinition shim)
    {
        if (instruction.OpCode.Code != Code.Call || !callee.HasThis || shim.Parameters[0].ParameterType is ByReferenceType)
        {
            return false;
        }

        try
        {
            return callee.Resolve() is not { IsVirtual: false };
        }
        catch (AssemblyResolutionException)
        {
            return true;
        }
    }

    /// <summary>
    /// Closes the shim over the callee's generic arguments: the declaring type's first (a shim of a
    /// generic type takes them as its leading method parameters), then the method's own.
    /// </summary>
    private static MethodReference Instantiate(MethodReference shim, MethodReference callee)
    {
        var typeArguments = (callee is GenericInstanceMethod m ? m.ElementMethod : callee).DeclaringType is GenericInstanceType type
            ? type.GenericArguments
            : null;
        var methodArguments = (callee as GenericInstanceMethod)?.GenericArguments;
        if (typeArguments is null && methodArguments is null)
        {
            return shim;
        }

        var instance = new GenericInstanceMethod(shim);
        foreach (TypeReference argument in (IEnumerable<TypeReference>?)typeArguments ?? [])
        {
            instance.GenericArguments.Add(argument);
        }

        foreach (TypeReference argument in (IEnumerable<TypeReference>?)methodArguments ?? [])
        {
            instance.GenericArguments.Add(argument);
        }

        return instance;
    }
}
