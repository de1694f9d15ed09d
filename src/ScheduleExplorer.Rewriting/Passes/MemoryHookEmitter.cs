using Mono.Cecil;
using Mono.Cecil.Cil;
using ScheduleExplorer.Rewriting.Cil;
using ScheduleExplorer.Rewriting.Shims;

namespace ScheduleExplorer.Rewriting.Passes;

/// <summary>
/// Emits the hook call before one memory access of a method, giving the hook the memory's identity:
/// <list type="bullet">
/// <item><c>ldfld</c>: <c>dup; ldstr; ldstr; call ReadField</c> (the object is on top).</item>
/// <item><c>stfld</c>: the object is under the value, so the instruction that pushed it is found in
/// straight-line code and followed by <c>dup; stloc copy</c>; the hook loads the copy.</item>
/// <item><c>ldelem</c>: <c>stloc index; dup; ldloc index; ldstr; ldstr; call ReadElement; ldloc index</c>.</item>
/// <item><c>stelem</c>: the value and the index go to locals the same way, then come back.</item>
/// <item>otherwise, or when the object cannot be copied: the hook named by location only.</item>
/// </list>
/// The index local (<c>native int</c>: an <c>int32</c> index widens on store) and the value locals live
/// only inside one inserted sequence, so the method shares them; an object copy spans original code,
/// so each store gets its own.
/// </summary>
internal sealed class MemoryHookEmitter
{
    private readonly MethodRewriteContext _context;
    private readonly ModuleImports _imports;
    private readonly Dictionary<string, VariableDefinition> _values = [];
    private readonly HashSet<Instruction> _noted = [];
    private VariableDefinition? _index;

    public MemoryHookEmitter(MethodRewriteContext context)
    {
        _context = context;
        _imports = context.Module.Imports;
    }

    private TypeSystem Types => _context.Method.Module.TypeSystem;

    /// <summary>Inserts the hook before original instruction <paramref name="position"/>, which makes <paramref name="access"/>.</summary>
    public void Emit(int position, MemoryAccess access)
    {
        Instruction instruction = _context.Original[position];
        if (access.Shape is MemoryAccessShape.Static or MemoryAccessShape.Field or MemoryAccessShape.Element or MemoryAccessShape.NotedElement
            && _context.Module.Options.BenignRaces.Contains(access.Location))
        {
            access = access with { Shape = MemoryAccessShape.Untracked };
        }

        TypeReference? valueType = null;
        FieldReference? field = instruction.Operand as FieldReference ?? access.Address?.Operand as FieldReference;
        if (access.Shape is MemoryAccessShape.Static or MemoryAccessShape.Field)
        {
            valueType = field is null ? null : FieldValueType.Of(field);
            if ((_imports.MemoryBuffering is not null && valueType is null) || (access.IsVolatile && VolatileHook(access) is null))
            {
                // A field whose loads cannot report their value, or a volatile one the runtime has no hook for, goes unnamed.
                access = access with { Shape = MemoryAccessShape.Untracked };
            }
        }

        bool tracked = access.Shape switch
        {
            MemoryAccessShape.Field => access.IsWrite ? TryWriteField(position, access, valueType!) : TryReadField(instruction, access, valueType!),
            MemoryAccessShape.Static => EmitStatic(instruction, access, field!, valueType!),
            MemoryAccessShape.Element => TryElement(instruction, access),
            MemoryAccessShape.NotedElement => TryNoted(instruction, access),
            _ => false,
        };
        if (!tracked)
        {
            EmitNamed(instruction, access);
        }
    }

    private MethodReference? VolatileHook(MemoryAccess access) => (access.Shape, access.IsWrite) switch
    {
        (MemoryAccessShape.Field, false) => _imports.MemoryReadVolatileField,
        (MemoryAccessShape.Field, true) => _imports.MemoryWriteVolatileField,
        (MemoryAccessShape.Static, false) => _imports.MemoryReadVolatile,
        _ => _imports.MemoryWriteVolatile,
    };

    /// <summary>
    /// A static (read or written directly or through its <c>ldsflda</c> address): <c>ldstr; ldstr; call Read</c>,
    /// then for store buffering <c>call Loaded&lt;T&gt;</c> after a load, or <c>ldnull; ldsfld; ldstr; call Stored&lt;T&gt;</c> before a store.
    /// </summary>
    private bool EmitStatic(Instruction instruction, MemoryAccess access, FieldReference field, TypeReference valueType)
    {
        MethodReference hook = access.IsVolatile ? VolatileHook(access)! : access.IsWrite ? _imports.MemoryWrite! : _imports.MemoryRead!;
        var code = new List<Instruction>([.. Names(instruction, access), Instruction.Create(OpCodes.Call, hook)]);
        if (_imports.MemoryBuffering is { } buffering && access.IsWrite)
        {
            code.AddRange([
                Instruction.Create(OpCodes.Ldnull),
                Instruction.Create(OpCodes.Ldsfld, field),
                .. Stored(buffering.Stored, valueType, access)]);
        }

        _context.InsertBefore(instruction, [.. code]);
        if (_imports.MemoryBuffering is { } loads && !access.IsWrite)
        {
            _context.InsertAfter(instruction, Instruction.Create(OpCodes.Call, Instantiate(loads.Loaded, valueType)));
        }

        return true;
    }

    /// <summary><c>ldstr location; call Stored&lt;T&gt;</c>, with the object and the old value already pushed.</summary>
    private static Instruction[] Stored(MethodReference stored, TypeReference valueType, MemoryAccess access) =>
        [Instruction.Create(OpCodes.Ldstr, access.Location), Instruction.Create(OpCodes.Call, Instantiate(stored, valueType))];

    private static GenericInstanceMethod Instantiate(MethodReference method, TypeReference argument)
    {
        var instance = new GenericInstanceMethod(method);
        instance.GenericArguments.Add(argument);
        return instance;
    }

    private void EmitNamed(Instruction instruction, MemoryAccess access)
    {
        MethodReference hook = (access.Shape, access.IsWrite) switch
        {
            (MemoryAccessShape.Indirect, false) => _imports.MemoryReadIndirect!,
            (MemoryAccessShape.Indirect, true) => _imports.MemoryWriteIndirect!,
            (MemoryAccessShape.Static, false) => _imports.MemoryRead!,
            (MemoryAccessShape.Static, true) => _imports.MemoryWrite!,
            (_, false) => _imports.MemoryReadUntracked ?? _imports.MemoryRead!,
            (_, true) => _imports.MemoryWriteUntracked ?? _imports.MemoryWrite!,
        };
        _context.InsertBefore(instruction, [.. Names(instruction, access), Instruction.Create(OpCodes.Call, hook)]);
    }

    /// <summary>
    /// An access through the address an <c>ldelema</c> made: the <c>ldelema</c> (once) notes the array and
    /// index, as <c>stloc index; dup; ldloc index; call NoteElement; ldloc index</c>; the access's hook reads the note.
    /// </summary>
    private bool TryNoted(Instruction instruction, MemoryAccess access)
    {
        MethodReference? hook = access.IsWrite ? _imports.MemoryWriteNoted : _imports.MemoryReadNoted;
        if (hook is null || _imports.MemoryNoteElement is not { } note || access.Address is not { } address)
        {
            return false;
        }

        if (_noted.Add(address))
        {
            _index ??= AddLocal(Types.IntPtr);
            _context.InsertBefore(
                address,
                Instruction.Create(OpCodes.Stloc, _index),
                Instruction.Create(OpCodes.Dup),
                Instruction.Create(OpCodes.Ldloc, _index),
                Instruction.Create(OpCodes.Call, note),
                Instruction.Create(OpCodes.Ldloc, _index));
        }

        _context.InsertBefore(instruction, [.. Names(instruction, access), Instruction.Create(OpCodes.Call, hook)]);
        return true;
    }

    private bool TryReadField(Instruction instruction, MemoryAccess access, TypeReference valueType)
    {
        if ((access.IsVolatile ? VolatileHook(access) : _imports.MemoryReadField) is not { } hook)
        {
            return false;
        }

        _context.InsertBefore(instruction, [Instruction.Create(OpCodes.Dup), .. Names(instruction, access), Instruction.Create(OpCodes.Call, hook)]);
        if (_imports.MemoryBuffering is { } buffering)
        {
            _context.InsertAfter(instruction, Instruction.Create(OpCodes.Call, Instantiate(buffering.Loaded, valueType)));
        }

        return true;
    }

    /// <summary>
    /// A field store. For store buffering the hook is followed by <c>ldloc object; ldloc object; ldfld;
    /// ldstr; call Stored&lt;T&gt;</c> (or <c>dup; dup; ldfld; …</c> with the object on top), so the old value is known.
    /// </summary>
    private bool TryWriteField(int position, MemoryAccess access, TypeReference valueType)
    {
        Instruction store = _context.Original[position];
        var field = (FieldReference)store.Operand;
        MethodReference? hook = access.IsVolatile ? VolatileHook(access) : _imports.MemoryWriteField;
        if (hook is not null && field.FieldType is { ContainsGenericParameter: false } fieldType)
        {
            // The value goes to a local of the field's type, the object is then on top: stloc value; dup; …; call; ldloc value.
            VariableDefinition value = ValueLocalOf(fieldType);
            _context.InsertBefore(store, [
                Instruction.Create(OpCodes.Stloc, value),
                Instruction.Create(OpCodes.Dup),
                .. Names(store, access),
                Instruction.Create(OpCodes.Call, hook),
                .. OldValue([Instruction.Create(OpCodes.Dup), Instruction.Create(OpCodes.Dup)], field, valueType, access),
                Instruction.Create(OpCodes.Ldloc, value)]);
            return true;
        }

        // A field of a type parameter's type: copy the object where it was pushed instead.
        Instruction? producer = StackEffects.FirstArgumentProducer(_context.Original, position, 2, _context.OriginalJoins());
        if (hook is null || producer is null || producer.OpCode.Code == Code.Dup)
        {
            return false;
        }

        VariableDefinition copy = AddLocal(Types.Object);
        Instruction next = _context.Original[_context.IndexOf(producer) + 1];
        _context.InsertBefore(next, Instruction.Create(OpCodes.Dup), Instruction.Create(OpCodes.Stloc, copy));
        _context.InsertBefore(store, [
            Instruction.Create(OpCodes.Ldloc, copy),
            .. Names(store, access),
            Instruction.Create(OpCodes.Call, hook),
            .. OldValue([Instruction.Create(OpCodes.Ldloc, copy), Instruction.Create(OpCodes.Ldloc, copy)], field, valueType, access)]);
        return true;
    }

    /// <summary>The two pushes of the object, <c>ldfld</c> (the old value) and the <c>Stored</c> call; nothing without store buffering.</summary>
    private Instruction[] OldValue(Instruction[] pushObjectTwice, FieldReference field, TypeReference valueType, MemoryAccess access)
    {
        if (_imports.MemoryBuffering is not { } buffering)
        {
            return [];
        }

        return [.. pushObjectTwice, Instruction.Create(OpCodes.Ldfld, field), .. Stored(buffering.Stored, valueType, access)];
    }

    private bool TryElement(Instruction instruction, MemoryAccess access)
    {
        MethodReference? hook = access.IsWrite ? _imports.MemoryWriteElement : _imports.MemoryReadElement;
        VariableDefinition? value = access.IsWrite ? ValueLocal(instruction) : null;
        if (hook is null || (access.IsWrite && value is null))
        {
            return false;
        }

        _index ??= AddLocal(Types.IntPtr);
        var code = new List<Instruction>();
        if (value is not null)
        {
            code.Add(Instruction.Create(OpCodes.Stloc, value));
        }

        code.AddRange([Instruction.Create(OpCodes.Stloc, _index), Instruction.Create(OpCodes.Dup), Instruction.Create(OpCodes.Ldloc, _index)]);
        code.AddRange(Names(instruction, access));
        code.AddRange([Instruction.Create(OpCodes.Call, hook), Instruction.Create(OpCodes.Ldloc, _index)]);
        if (value is not null)
        {
            code.Add(Instruction.Create(OpCodes.Ldloc, value));
        }

        _context.InsertBefore(instruction, [.. code]);
        return true;
    }

    /// <summary>A local holding what a <c>stelem</c> stores: by its stack type, or the <c>stelem</c> operand's type.</summary>
    private VariableDefinition? ValueLocal(Instruction store)
    {
        TypeReference? type = store.OpCode.Code switch
        {
            Code.Stelem_I1 or Code.Stelem_I2 or Code.Stelem_I4 => Types.Int32,
            Code.Stelem_I8 => Types.Int64,
            Code.Stelem_I => Types.IntPtr,
            Code.Stelem_R4 => Types.Single,
            Code.Stelem_R8 => Types.Double,
            Code.Stelem_Ref => Types.Object,
            Code.Stelem_Any => (TypeReference)store.Operand,
            _ => null,
        };
        return type is null ? null : ValueLocalOf(type);
    }

    private VariableDefinition ValueLocalOf(TypeReference type)
    {
        string key = type.FullName;
        if (!_values.TryGetValue(key, out VariableDefinition? local))
        {
            local = AddLocal(type);
            _values[key] = local;
        }

        return local;
    }

    private VariableDefinition AddLocal(TypeReference type)
    {
        var local = new VariableDefinition(type);
        _context.Method.Body.Variables.Add(local);
        return local;
    }

    private Instruction[] Names(Instruction instruction, MemoryAccess access) =>
        [Instruction.Create(OpCodes.Ldstr, access.Location), Instruction.Create(OpCodes.Ldstr, _context.SiteOf(instruction))];
}
