using Mono.Cecil;

namespace ScheduleExplorer.Rewriting.Shims;

/// <summary>
/// References to runtime methods imported into one module being rewritten (each imported once).
/// </summary>
internal sealed class ModuleImports
{
    private readonly ModuleDefinition _module;
    private readonly HookDefinitions _hooks;
    private readonly Dictionary<MethodDefinition, MethodReference> _imported = [];

    /// <summary>Creates the imports of <paramref name="module"/>.</summary>
    public ModuleImports(ModuleDefinition module, HookDefinitions hooks)
    {
        _module = module;
        _hooks = hooks;
    }

    /// <summary><c>ControlledSite.Set(string)</c>, or null when the runtime lacks it.</summary>
    public MethodReference? SiteSet => ImportOrNull(_hooks.SiteSet);

    /// <summary><c>ControlledMemory.Read(string, string)</c>, or null.</summary>
    public MethodReference? MemoryRead => ImportOrNull(_hooks.MemoryRead);

    /// <summary><c>ControlledMemory.Write(string, string)</c>, or null.</summary>
    public MethodReference? MemoryWrite => ImportOrNull(_hooks.MemoryWrite);

    /// <summary><c>ControlledMemory.ReadField(object, string, string)</c>, or null.</summary>
    public MethodReference? MemoryReadField => ImportOrNull(_hooks.MemoryReadField);

    /// <summary><c>ControlledMemory.WriteField(object, string, string)</c>, or null.</summary>
    public MethodReference? MemoryWriteField => ImportOrNull(_hooks.MemoryWriteField);

    /// <summary><c>ControlledMemory.ReadElement(object, nint, string, string)</c>, or null.</summary>
    public MethodReference? MemoryReadElement => ImportOrNull(_hooks.MemoryReadElement);

    /// <summary><c>ControlledMemory.WriteElement(object, nint, string, string)</c>, or null.</summary>
    public MethodReference? MemoryWriteElement => ImportOrNull(_hooks.MemoryWriteElement);

    /// <summary><c>ControlledMemory.NoteElement(object, nint)</c>, or null.</summary>
    public MethodReference? MemoryNoteElement => ImportOrNull(_hooks.MemoryNoteElement);

    /// <summary><c>ControlledMemory.ReadNoted(string, string)</c>, or null.</summary>
    public MethodReference? MemoryReadNoted => ImportOrNull(_hooks.MemoryReadNoted);

    /// <summary><c>ControlledMemory.WriteNoted(string, string)</c>, or null.</summary>
    public MethodReference? MemoryWriteNoted => ImportOrNull(_hooks.MemoryWriteNoted);

    /// <summary><c>ControlledMemory.ReadUntracked(string, string)</c>, or null.</summary>
    public MethodReference? MemoryReadUntracked => ImportOrNull(_hooks.MemoryReadUntracked);

    /// <summary><c>ControlledMemory.WriteUntracked(string, string)</c>, or null.</summary>
    public MethodReference? MemoryWriteUntracked => ImportOrNull(_hooks.MemoryWriteUntracked);

    /// <summary><c>ControlledMemory.ReadVolatileField(object, string, string)</c>, or null.</summary>
    public MethodReference? MemoryReadVolatileField => ImportOrNull(_hooks.MemoryReadVolatileField);

    /// <summary><c>ControlledMemory.WriteVolatileField(object, string, string)</c>, or null.</summary>
    public MethodReference? MemoryWriteVolatileField => ImportOrNull(_hooks.MemoryWriteVolatileField);

    /// <summary><c>ControlledMemory.ReadVolatile(string, string)</c>, or null.</summary>
    public MethodReference? MemoryReadVolatile => ImportOrNull(_hooks.MemoryReadVolatile);

    /// <summary><c>ControlledMemory.WriteVolatile(string, string)</c>, or null.</summary>
    public MethodReference? MemoryWriteVolatile => ImportOrNull(_hooks.MemoryWriteVolatile);

    /// <summary><c>ControlledMemory.Stored&lt;T&gt;</c> and <c>Loaded&lt;T&gt;</c> (open), or null when the runtime lacks either.</summary>
    public (MethodReference Stored, MethodReference Loaded)? MemoryBuffering =>
        _hooks is { MemoryStored: { } stored, MemoryLoaded: { } loaded } ? (Import(stored), Import(loaded)) : null;

    /// <summary><c>ControlledMemory.ReadIndirect(string, string)</c>, or null.</summary>
    public MethodReference? MemoryReadIndirect => ImportOrNull(_hooks.MemoryReadIndirect);

    /// <summary><c>ControlledMemory.WriteIndirect(string, string)</c>, or null.</summary>
    public MethodReference? MemoryWriteIndirect => ImportOrNull(_hooks.MemoryWriteIndirect);

    /// <summary><c>ControlledCollection.Read(object, string, string)</c>, or null.</summary>
    public MethodReference? CollectionRead => ImportOrNull(_hooks.CollectionRead);

    /// <summary><c>ControlledCollection.Write(object, string, string)</c>, or null.</summary>
    public MethodReference? CollectionWrite => ImportOrNull(_hooks.CollectionWrite);

    /// <summary><c>ControlledCollection.Atomic(object, string, string)</c>, or null.</summary>
    public MethodReference? CollectionAtomic => ImportOrNull(_hooks.CollectionAtomic);

    /// <summary><c>ControlledLoop.BackEdge(string)</c>, or null.</summary>
    public MethodReference? BackEdge => ImportOrNull(_hooks.BackEdge);

    /// <summary><c>ControlledSite.SetTarget(string)</c>, or null.</summary>
    public MethodReference? SiteTarget => ImportOrNull(_hooks.SiteTarget);

    /// <summary><c>ControlledSite.SetTargetObject(object, string)</c>, or null.</summary>
    public MethodReference? SiteTargetObject => ImportOrNull(_hooks.SiteTargetObject);

    /// <summary><c>UncontrolledCall.Check(string)</c>, or null.</summary>
    public MethodReference? UncontrolledCheck => ImportOrNull(_hooks.UncontrolledCheck);

    /// <summary><c>ControlledThreadStatic.Load/Store/Address&lt;T&gt;</c>, or null when the runtime lacks them.</summary>
    public (MethodReference Load, MethodReference Store, MethodReference Address)? ThreadStatic =>
        _hooks is { ThreadStaticLoad: { } load, ThreadStaticStore: { } store, ThreadStaticAddress: { } address }
            ? (Import(load), Import(store), Import(address))
            : null;

    /// <summary><c>ControlledGenericStatics.Register/Clear/Initialize(RuntimeTypeHandle)</c>, or null when the runtime lacks them.</summary>
    public (MethodReference Register, MethodReference Clear, MethodReference Initialize)? GenericStatics =>
        _hooks is { GenericStaticsRegister: { } register, GenericStaticsClear: { } clear, GenericStaticsInitialize: { } initialize }
            ? (Import(register), Import(clear), Import(initialize))
            : null;

    /// <summary>A reference to <paramref name="method"/> usable in the module.</summary>
    public MethodReference Import(MethodDefinition method)
    {
        if (!_imported.TryGetValue(method, out MethodReference? reference))
        {
            reference = _module.ImportReference(method);
            _imported[method] = reference;
        }

        return reference;
    }

    private MethodReference? ImportOrNull(MethodDefinition? method) => method is null ? null : Import(method);
}
