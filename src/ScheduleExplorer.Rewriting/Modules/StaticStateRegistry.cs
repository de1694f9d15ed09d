using Mono.Cecil;
using Mono.Cecil.Cil;

namespace ScheduleExplorer.Rewriting.Modules;

/// <summary>
/// Emits <c>&lt;ScheduleExplorer&gt;StaticState.Reset()</c>: runs every real type initializer not run
/// yet, clears every type's statics (each registered instantiation of a generic type too), then
/// re-runs the initializer copies, a type's dependencies first.
/// </summary>
internal static class StaticStateRegistry
{
    /// <summary>The resettable types of a module: their clear methods, initializer copies, and the runtime's generic-statics hooks.</summary>
    /// <param name="Types">Every type whose statics are reset, in declaration order.</param>
    /// <param name="Clears">Each non-generic type's clear method (generic types are cleared through <paramref name="Hooks"/>).</param>
    /// <param name="Initializers">Each type's initializer copy (for a generic type: of its own generic instance).</param>
    /// <param name="Hooks">The runtime's <c>ControlledGenericStatics</c> methods, when generic types are reset.</param>
    public sealed record Plan(
        List<TypeDefinition> Types,
        Dictionary<TypeDefinition, MethodDefinition> Clears,
        Dictionary<TypeDefinition, MethodDefinition> Initializers,
        (MethodReference Register, MethodReference Clear, MethodReference Initialize)? Hooks);

    /// <summary>Adds the registry type with its <c>Reset()</c> to <paramref name="module"/>.</summary>
    public static void Add(ModuleDefinition module, Plan plan)
    {
        var registry = new TypeDefinition(
            string.Empty,
            StaticStateEmitter.RegistryTypeName,
            TypeAttributes.NotPublic | TypeAttributes.Abstract | TypeAttributes.Sealed | TypeAttributes.Class,
            module.TypeSystem.Object);
        var reset = new MethodDefinition(StaticStateEmitter.ResetMethodName, MethodAttributes.Public | MethodAttributes.Static | MethodAttributes.HideBySig, module.TypeSystem.Void);
        registry.Methods.Add(reset);
        module.Types.Add(registry);

        // Built by hand, not imported through reflection, so it binds to the module's own core library (System.Runtime).
        IMetadataScope core = module.TypeSystem.CoreLibrary;
        var helpers = new TypeReference("System.Runtime.CompilerServices", "RuntimeHelpers", module, core);
        var handle = new TypeReference("System", "RuntimeTypeHandle", module, core, valueType: true);
        var runClassConstructor = new MethodReference("RunClassConstructor", module.TypeSystem.Void, helpers) { HasThis = false };
        runClassConstructor.Parameters.Add(new ParameterDefinition(handle));
        var failed = new TypeReference("System", "TypeInitializationException", module, core);
        ILProcessor il = reset.Body.GetILProcessor();
        foreach (TypeDefinition type in plan.Types.Where(t => !t.HasGenericParameters))
        {
            // The real initializer runs once, now, rather than later over the reset state. One that
            // throws leaves its type failed, as in a fresh process: every access throws, in every iteration.
            EmitGuarded(reset, failed, il.Create(OpCodes.Ldtoken, type), il.Create(OpCodes.Call, runClassConstructor));
        }

        foreach (TypeDefinition type in plan.Types)
        {
            if (!type.HasGenericParameters)
            {
                // A failed type's statics cannot be reached (nor need they be): it stays failed.
                EmitGuarded(reset, failed, il.Create(OpCodes.Call, plan.Clears[type]));
            }
            else if (plan.Hooks is { } hooks)
            {
                // Every instantiation initialized so far (the open definition's token names them all).
                il.Emit(OpCodes.Ldtoken, type);
                il.Emit(OpCodes.Call, hooks.Clear);
            }
        }

        foreach (TypeDefinition type in InitializationOrder(plan.Types, plan.Initializers))
        {
            if (!type.HasGenericParameters)
            {
                EmitGuarded(reset, failed, il.Create(OpCodes.Call, plan.Initializers[type]));
            }
            else if (plan.Hooks is { } hooks)
            {
                il.Emit(OpCodes.Ldtoken, type);
                il.Emit(OpCodes.Call, hooks.Initialize);
            }
        }

        il.Emit(OpCodes.Ret);
    }

    /// <summary>Appends <c>try { instructions } catch (TypeInitializationException) { }</c> to <paramref name="method"/>.</summary>
    private static void EmitGuarded(MethodDefinition method, TypeReference failed, params Instruction[] instructions)
    {
        ILProcessor il = method.Body.GetILProcessor();
        Instruction next = il.Create(OpCodes.Nop);
        foreach (Instruction instruction in instructions)
        {
            il.Append(instruction);
        }

        il.Append(il.Create(OpCodes.Leave, next));
        Instruction handler = il.Create(OpCodes.Pop);
        il.Append(handler);
        il.Append(il.Create(OpCodes.Leave, next));
        il.Append(next);
        method.Body.ExceptionHandlers.Add(new ExceptionHandler(ExceptionHandlerType.Catch)
        {
            CatchType = failed,
            TryStart = instructions[0],
            TryEnd = handler,
            HandlerStart = handler,
            HandlerEnd = next,
        });
    }

    /// <summary>The types with an initializer, each after the types its initializer references (cycles broken in declaration order).</summary>
    private static List<TypeDefinition> InitializationOrder(List<TypeDefinition> types, Dictionary<TypeDefinition, MethodDefinition> initializers)
    {
        var order = new List<TypeDefinition>();
        var byName = types.ToDictionary(t => t.FullName, StringComparer.Ordinal);
        var visited = new HashSet<TypeDefinition>();
        foreach (TypeDefinition type in types)
        {
            Visit(type);
        }

        return order;

        void Visit(TypeDefinition type)
        {
            if (!visited.Add(type) || !initializers.TryGetValue(type, out MethodDefinition? initializer))
            {
                return;
            }

            foreach (TypeDefinition dependency in Dependencies(initializer))
            {
                Visit(dependency);
            }

            order.Add(type);
        }

        IEnumerable<TypeDefinition> Dependencies(MethodDefinition initializer) => initializer.Body.Instructions
            .Select(i => i.Operand switch
            {
                FieldReference f => f.DeclaringType,
                MethodReference m => m.DeclaringType,
                _ => null,
            })
            .OfType<TypeReference>()
            .Select(t => byName.GetValueOrDefault((t is GenericInstanceType g ? g.ElementType : t).FullName))
            .OfType<TypeDefinition>()
            .Where(t => t != initializer.DeclaringType)
            .Distinct();
    }
}
