using Mono.Cecil;
using Mono.Cecil.Cil;
using Mono.Cecil.Rocks;

namespace ScheduleExplorer.Rewriting.Modules;

/// <summary>
/// Makes the static state of a rewritten module resettable, so every iteration starts as a fresh
/// process would. Each type with static fields or a type initializer gets
/// <c>&lt;ScheduleExplorer&gt;ClearStatics</c> (zeroes its static fields) and
/// <c>&lt;ScheduleExplorer&gt;InitializeStatics</c> (a copy of its rewritten <c>.cctor</c> body), and the
/// module gets <c>&lt;ScheduleExplorer&gt;StaticState.Reset()</c> (see <see cref="StaticStateRegistry"/>),
/// which the engine calls before every iteration.
/// </summary>
/// <remarks>
/// Initializers re-run eagerly, before the iteration starts, not lazily at first access: a
/// <c>beforefieldinit</c> type or one with a precise <c>.cctor</c> alike. Static fields lose
/// <c>initonly</c> (the copies assign them outside a <c>.cctor</c>, and the JIT must not fold them into
/// constants). A generic type has one copy of its statics per closed instantiation, which the rewriter
/// cannot enumerate: its real type initializer (added when it has none) ends by registering the
/// instantiation with the runtime's <c>ControlledGenericStatics</c>, and the reset clears and re-initializes
/// every registered one, generic types nested in generic types and instantiations over any type alike.
/// Not reset: <c>[ThreadStatic]</c> fields (each operation has its own), literals, fields with RVA data.
/// Nested types holding a reset method become visible to their assembly so the registry may call it.
/// </remarks>
internal static class StaticStateEmitter
{
    /// <summary>The registry type's name (in the global namespace).</summary>
    public const string RegistryTypeName = "<ScheduleExplorer>StaticState";

    /// <summary>The registry's method: <c>public static void Reset()</c>.</summary>
    public const string ResetMethodName = "Reset";

    /// <summary>The per-type method zeroing the type's static fields (the runtime calls it by this name on generic instantiations).</summary>
    public const string ClearName = "<ScheduleExplorer>ClearStatics";

    /// <summary>The per-type copy of the type initializer (the runtime calls it by this name on generic instantiations).</summary>
    public const string InitializeName = "<ScheduleExplorer>InitializeStatics";

    /// <summary>
    /// Adds the reset methods and the registry to <paramref name="module"/>; returns the generic types
    /// whose statics are left alone (all of them when the runtime lacks the generic-statics hooks, else none).
    /// </summary>
    public static IReadOnlyList<string> Emit(ModuleDefinition module, Func<TypeDefinition, bool> isExcluded, (MethodReference Register, MethodReference Clear, MethodReference Initialize)? genericHooks)
    {
        var skipped = new List<string>();
        var types = new List<TypeDefinition>();
        foreach (TypeDefinition type in module.GetTypes().ToList())
        {
            if (isExcluded(type) || type.IsInterface || !(ResettableFields(type).Any() || type.GetStaticConstructor() is not null))
            {
                continue;
            }

            if (type.HasGenericParameters && genericHooks is null)
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

        (MethodReference Enter, MethodReference Exit)? scope = genericHooks is { } found ? InitializerScope.Hooks(module, found.Register) : null;
        var clears = new Dictionary<TypeDefinition, MethodDefinition>();
        var initializers = new Dictionary<TypeDefinition, MethodDefinition>();
        foreach (TypeDefinition type in types)
        {
            clears[type] = AddClear(type);
            MethodDefinition? cctor = type.GetStaticConstructor();
            if (cctor is not null)
            {
                if (scope is { } hooksOfScope)
                {
                    // Before the copy, so the copy runs atomically too.
                    InitializerScope.Wrap(cctor, hooksOfScope);
                }

                MethodDefinition initializer = NewMethod(type, InitializeName);
                InitializerCopy.CopyBody(cctor, initializer);
                initializers[type] = initializer;
            }

            if (type.HasGenericParameters && genericHooks is { } hooks)
            {
                // After the copy: the copy must not register the instantiation a second time.
                AddRegistration(type, cctor, hooks.Register);
            }

            MakeReachable(type);
        }

        StaticStateRegistry.Add(module, new StaticStateRegistry.Plan(types, clears, initializers, genericHooks));
        return skipped;
    }

    private static IEnumerable<FieldDefinition> ResettableFields(TypeDefinition type) => type.Fields.Where(f =>
        f.IsStatic && !f.IsLiteral && !f.HasFieldRVA
        && !f.CustomAttributes.Any(a => a.AttributeType.FullName == "System.ThreadStaticAttribute"));

    /// <summary>The type as its own code names it: <c>G&lt;T&gt;</c> over its own parameters when it is generic.</summary>
    private static TypeReference Self(TypeDefinition type)
    {
        if (!type.HasGenericParameters)
        {
            return type;
        }

        var self = new GenericInstanceType(type);
        foreach (GenericParameter parameter in type.GenericParameters)
        {
            self.GenericArguments.Add(parameter);
        }

        return self;
    }

    private static MethodDefinition AddClear(TypeDefinition type)
    {
        MethodDefinition method = NewMethod(type, ClearName);
        ILProcessor il = method.Body.GetILProcessor();
        TypeReference self = Self(type);
        foreach (FieldDefinition field in ResettableFields(type).ToList())
        {
            field.IsInitOnly = false;
            FieldReference reference = type.HasGenericParameters ? new FieldReference(field.Name, field.FieldType, self) : field;
            il.Emit(OpCodes.Ldsflda, reference);
            il.Emit(OpCodes.Initobj, field.FieldType);
        }

        il.Emit(OpCodes.Ret);
        return method;
    }

    /// <summary>
    /// Makes the real type initializer of a generic type end by registering its instantiation
    /// (<c>ldtoken G&lt;T&gt;</c> names the closed one at run time); a type without one gets one, which
    /// only registers, and stays <c>beforefieldinit</c>, so it still runs before the first static field access.
    /// </summary>
    private static void AddRegistration(TypeDefinition type, MethodDefinition? cctor, MethodReference register)
    {
        if (cctor is null)
        {
            cctor = new MethodDefinition(
                ".cctor",
                MethodAttributes.Private | MethodAttributes.HideBySig | MethodAttributes.SpecialName | MethodAttributes.RTSpecialName | MethodAttributes.Static,
                type.Module.TypeSystem.Void);
            cctor.Body.GetILProcessor().Emit(OpCodes.Ret);
            type.Methods.Add(cctor);
            type.IsBeforeFieldInit = true;
        }

        TypeReference self = Self(type);
        ILProcessor il = cctor.Body.GetILProcessor();
        foreach (Instruction ret in cctor.Body.Instructions.Where(i => i.OpCode == OpCodes.Ret).ToList())
        {
            // The ret itself becomes the ldtoken, so branches and handler ends that target it still do.
            ret.OpCode = OpCodes.Ldtoken;
            ret.Operand = self;
            Instruction call = il.Create(OpCodes.Call, register);
            il.InsertAfter(ret, call);
            il.InsertAfter(call, il.Create(OpCodes.Ret));
        }
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
}
