using Mono.Cecil;
using Mono.Cecil.Cil;
using ScheduleExplorer.Rewriting.Cil;

namespace ScheduleExplorer.Rewriting.Passes;

/// <summary>
/// Before every redirected <c>Interlocked</c> or <c>Volatile</c> call, records which shared location
/// its <c>ref</c> argument points at — <c>ldstr "Namespace.Type.field"; call ControlledSite.SetTarget</c>
/// — when the address comes straight from <c>ldflda</c>, <c>ldsflda</c> or <c>ldelema</c>; otherwise
/// <c>ldnull</c>, so a location never carries over to another call. Partial-order reduction then
/// knows two atomics on different fields are independent, and traces name the field. For a
/// <c>Volatile.Read</c>/<c>Write</c> of a field it also records the field's object —
/// <c>dup; ldstr; call ControlledSite.SetTargetObject</c> before <c>ldflda</c>, <c>ldnull; ldstr; call</c>
/// for a static — so store buffering can treat the call as the volatile access it is.
/// </summary>
internal sealed class AtomicTargetPass : IMethodPass
{
    private static readonly HashSet<string> s_atomicShims = new(StringComparer.Ordinal) { "ControlledInterlocked", "ControlledVolatile" };

    /// <inheritdoc/>
    public void Apply(MethodRewriteContext context)
    {
        if (context.Module.Imports.SiteTarget is not { } setTarget)
        {
            return;
        }

        ISet<Instruction>? joins = null;
        IReadOnlyList<Instruction> body = context.Original;
        for (int i = 0; i < body.Count; i++)
        {
            Instruction instruction = body[i];
            if (!context.IsRedirected(instruction) || instruction.Operand is not MethodReference shim || !s_atomicShims.Contains(shim.DeclaringType.Name))
            {
                continue;
            }

            joins ??= Joins(context);
            string? location = shim.Parameters.Count > 0 && shim.Parameters[0].ParameterType is ByReferenceType
                ? Locate(StackEffects.FirstArgumentProducer(body, i, shim.Parameters.Count, joins))
                : null;
            Instruction load = location is null ? Instruction.Create(OpCodes.Ldnull) : Instruction.Create(OpCodes.Ldstr, location);
            if (location is not null && IsVolatileAccess(shim) && context.Module.Imports.SiteTargetObject is { } setObject)
            {
                NoteObject(context, StackEffects.FirstArgumentProducer(body, i, shim.Parameters.Count, joins)!, instruction, location, setObject);
            }

            context.InsertBefore(instruction, load, Instruction.Create(OpCodes.Call, setTarget));
        }
    }

    private static bool IsVolatileAccess(MethodReference shim) =>
        shim.DeclaringType.Name == "ControlledVolatile" && shim.Name is "Read" or "Write";

    /// <summary>The field's object, copied where <c>ldflda</c> takes it (a class's field only: a struct's is reached through an address), or null for a static.</summary>
    private static void NoteObject(MethodRewriteContext context, Instruction producer, Instruction call, string location, MethodReference setObject)
    {
        if (producer.OpCode.Code == Code.Ldsflda)
        {
            context.InsertBefore(call, Instruction.Create(OpCodes.Ldnull), Instruction.Create(OpCodes.Ldstr, location), Instruction.Create(OpCodes.Call, setObject));
        }
        else if (producer is { OpCode.Code: Code.Ldflda, Operand: FieldReference field } && Resolve(field.DeclaringType) is { IsValueType: false })
        {
            context.InsertBefore(producer, Instruction.Create(OpCodes.Dup), Instruction.Create(OpCodes.Ldstr, location), Instruction.Create(OpCodes.Call, setObject));
        }
    }

    private static TypeDefinition? Resolve(TypeReference type)
    {
        try
        {
            return type.Resolve();
        }
        catch (AssemblyResolutionException)
        {
            return null;
        }
    }

    private static string? Locate(Instruction? producer) => producer?.OpCode.Code switch
    {
        Code.Ldflda or Code.Ldsflda => MemoryAccessFilter.FieldLocation((FieldReference)producer.Operand),
        Code.Ldelema => MemoryAccessFilter.ElementLocation((TypeReference)producer.Operand),
        _ => null,
    };

    /// <summary>Instructions control can reach other than from the one before: branch targets and handler starts.</summary>
    private static HashSet<Instruction> Joins(MethodRewriteContext context)
    {
        var joins = new HashSet<Instruction>();
        foreach (Instruction instruction in context.Original)
        {
            foreach (Instruction target in context.OriginalTargetsOf(instruction))
            {
                joins.Add(target);
            }
        }

        foreach (ExceptionHandler handler in context.Method.Body.ExceptionHandlers)
        {
            joins.Add(handler.TryStart);
            joins.Add(handler.HandlerStart);
            if (handler.FilterStart is not null)
            {
                joins.Add(handler.FilterStart);
            }
        }

        return joins;
    }
}
