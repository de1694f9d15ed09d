using Mono.Cecil;
using Mono.Cecil.Cil;
using Mono.Cecil.Rocks;

namespace ScheduleExplorer.Rewriting.Modules;

/// <summary>
/// Makes the static state of a rewritten module resettable, so every iteration starts as a fresh
/// process would. Each non-generic type with static fields or a type initializer gets
/// <c>&lt;ScheduleExplorer&gt;ClearStatics</c> (zeroes its static fields) and
/// <c>&lt;ScheduleExplorer&gt;InitializeStatics</c> (a copy of its rewritten <c>.cctor</c> body), and the
/// module gets <c>&lt;ScheduleExplorer&gt;StaticState.Reset()</c>, which makes sure every real type
/// initializer has run, clears every type, then re-runs the copies, a type's dependencies (the types its
/// initializer touches) first. The engine calls it before every iteration.
/// </summary>
/// <remarks>
/// Initializers re-run eagerly, in that order, not lazily at first access: a <c>beforefieldinit</c> type
/// or one with a precise <c>.cctor</c> alike is initialized before the iteration starts. Static fields
/// lose <c>initonly</c> (the copies assign them outside a <c>.cctor</c>, and the JIT must not fold them
/// into constants). Not reset: <c>[ThreadStatic]</c> fields, literals, fields with RVA data, and the
/// statics of generic types (one copy per instantiation, which the rewriter cannot enumerate).
/// Nested types holding a reset method become visible to their assembly so the registry may call it.
/// </remarks>
internal static class StaticStateEmitter
{
    /// <summary>The registry type's name (in the global namespace).</summary>
    public const string RegistryTypeName = "<ScheduleExplorer>StaticState";

    /// <summary>The registry's method: <c>public static void Reset()</c>.</summary>
    public const string ResetMethodName = "Reset";

    private const string ClearName = "<ScheduleExplorer>ClearStatics";
    private const string InitializeName = "<ScheduleExplorer>InitializeStatics";

    /// <summary>Adds the reset methods and the registry to <paramref name="module"/>; returns the generic types whose statics are left alone.</summary>
    public static IReadOnlyList<string> Emit(ModuleDefinition module, Func<TypeDefinition, bool> isExcluded)
    {
        var skipped = new List<string>();
        var types = new List<TypeDefinition>();
        foreach (TypeDefinition type in module.GetTypes().ToList())
        {
            if (isExcluded(type) || type.IsInterface || !(ResettableFields(type).Any() || type.GetStaticConstructor() is not null))
            {
                continue;
            }

            if (type.HasGenericParameters)
            {
                skipped.Add(type.FullName);
                continue;
            }

            types.Add(type);
        }

        if (types.Count == 0)
        {
            return skipped;
        }

        var clears = new Dictionary<TypeDefinition, MethodDefinition>();
        var initializers = new Dictionary<TypeDefinition, MethodDefinition>();
        foreach (TypeDefinition type in types)
        {
            clears[type] = AddClear(type);
            if (type.GetStaticConstructor() is { } cctor)
            {
                initializers[type] = AddInitializer(type, cctor);
            }

            MakeReachable(type);
        }

        AddRegistry(module, types, clears, InitializationOrder(types, initializers));
        return skipped;
    }

    private static IEnumerable<FieldDefinition> ResettableFields(TypeDefinition type) => type.Fields.Where(f =>
        f.IsStatic && !f.IsLiteral && !f.HasFieldRVA
        && !f.CustomAttributes.Any(a => a.AttributeType.FullName == "System.ThreadStaticAttribute"));

    private static MethodDefinition AddClear(TypeDefinition type)
    {
        MethodDefinition method = NewMethod(type, ClearName);
        ILProcessor il = method.Body.GetILProcessor();
        foreach (FieldDefinition field in ResettableFields(type).ToList())
        {
            field.IsInitOnly = false;
            FieldReference reference = field;
            il.Emit(OpCodes.Ldsflda, reference);
            il.Emit(OpCodes.Initobj, field.FieldType);
        }

        il.Emit(OpCodes.Ret);
        return method;
    }

    /// <summary>A copy of the (already rewritten) type initializer's body, as an ordinary static method.</summary>
    private static MethodDefinition AddInitializer(TypeDefinition type, MethodDefinition cctor)
    {
        MethodDefinition method = NewMethod(type, InitializeName);
        MethodBody source = cctor.Body;
        MethodBody target = method.Body;
        target.InitLocals = source.InitLocals;
        target.MaxStackSize = source.MaxStackSize;
        var variables = new Dictionary<VariableDefinition, VariableDefinition>();
        foreach (VariableDefinition variable in source.Variables)
        {
            var copy = new VariableDefinition(variable.VariableType);
            variables[variable] = copy;
            target.Variables.Add(copy);
        }

        var instructions = new Dictionary<Instruction, Instruction>();
        foreach (Instruction instruction in source.Instructions)
        {
            Instruction copy = Instruction.Create(OpCodes.Nop);
            copy.OpCode = instruction.OpCode;
            copy.Operand = instruction.Operand is VariableDefinition v ? variables[v] : instruction.Operand;
            instructions[instruction] = copy;
            target.Instructions.Add(copy);
        }

        foreach (Instruction copy in target.Instructions)
        {
            copy.Operand = copy.Operand switch
            {
                Instruction branch => instructions[branch],
                Instruction[] targets => targets.Select(t => instructions[t]).ToArray(),
                var operand => operand,
            };
        }

        foreach (ExceptionHandler handler in source.ExceptionHandlers)
        {
            target.ExceptionHandlers.Add(new ExceptionHandler(handler.HandlerType)
            {
                CatchType = handler.CatchType,
                TryStart = Map(handler.TryStart),
                TryEnd = Map(handler.TryEnd),
                HandlerStart = Map(handler.HandlerStart),
                HandlerEnd = Map(handler.HandlerEnd),
                FilterStart = Map(handler.FilterStart),
            });
        }

        return method;

        Instruction? Map(Instruction? instruction) => instruction is null ? null : instructions[instruction];
    }

    private static MethodDefinition NewMethod(TypeDefinition type, string name)
    {
        var method = new MethodDefinition(name, MethodAttributes.Assembly | MethodAttributes.Static | MethodAttributes.HideBySig, type.Module.TypeSystem.Void);
        type.Methods.Add(method);
        return method;
    }

    /// <summary>Nested private or protected types become assembly-visible, so the registry may call into them.</summary>
    private static void MakeReachable(TypeDefinition type)
    {
        for (TypeDefinition? t = type; t is { IsNested: true }; t = t.DeclaringType)
        {
            if (!t.IsNestedPublic && !t.IsNestedAssembly && !t.IsNestedFamilyOrAssembly)
            {
                t.Attributes = (t.Attributes & ~TypeAttributes.VisibilityMask) | TypeAttributes.NestedAssembly;
            }
        }
    }

    /// <summary>The initializers, each after those of the types its initializer references (cycles broken in declaration order).</summary>
    private static List<MethodDefinition> InitializationOrder(List<TypeDefinition> types, Dictionary<TypeDefinition, MethodDefinition> initializers)
    {
        var order = new List<MethodDefinition>();
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

            order.Add(initializer);
        }

        IEnumerable<TypeDefinition> Dependencies(MethodDefinition initializer) => initializer.Body.Instructions
            .Select(i => i.Operand switch
            {
                FieldReference f => f.DeclaringType,
                MethodReference m => m.DeclaringType,
                _ => null,
            })
            .OfType<TypeReference>()
            .Select(t => byName.GetValueOrDefault(t.FullName))
            .OfType<TypeDefinition>()
            .Where(t => t != initializer.DeclaringType)
            .Distinct();
    }

    private static void AddRegistry(ModuleDefinition module, List<TypeDefinition> types, Dictionary<TypeDefinition, MethodDefinition> clears, List<MethodDefinition> initializers)
    {
        var registry = new TypeDefinition(
            string.Empty,
            RegistryTypeName,
            TypeAttributes.NotPublic | TypeAttributes.Abstract | TypeAttributes.Sealed | TypeAttributes.Class,
            module.TypeSystem.Object);
        var reset = new MethodDefinition(ResetMethodName, MethodAttributes.Public | MethodAttributes.Static | MethodAttributes.HideBySig, module.TypeSystem.Void);
        registry.Methods.Add(reset);
        module.Types.Add(registry);

        // Built by hand, not imported through reflection, so it binds to the module's own core library (System.Runtime).
        IMetadataScope core = module.TypeSystem.CoreLibrary;
        var helpers = new TypeReference("System.Runtime.CompilerServices", "RuntimeHelpers", module, core);
        var handle = new TypeReference("System", "RuntimeTypeHandle", module, core, valueType: true);
        var runClassConstructor = new MethodReference("RunClassConstructor", module.TypeSystem.Void, helpers) { HasThis = false };
        runClassConstructor.Parameters.Add(new ParameterDefinition(handle));
        ILProcessor il = reset.Body.GetILProcessor();
        foreach (TypeDefinition type in types)
        {
            // The real initializer runs once, now, rather than later over the reset state.
            il.Emit(OpCodes.Ldtoken, type);
            il.Emit(OpCodes.Call, runClassConstructor);
        }

        foreach (TypeDefinition type in types)
        {
            il.Emit(OpCodes.Call, clears[type]);
        }

        foreach (MethodDefinition initializer in initializers)
        {
            il.Emit(OpCodes.Call, initializer);
        }

        il.Emit(OpCodes.Ret);
    }
}
