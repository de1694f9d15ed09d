using Mono.Cecil;

namespace ScheduleExplorer.Rewriting.Shims;

/// <summary>
/// The runtime's hook methods the passes insert calls to (each null when the runtime lacks it,
/// which disables the pass that needs it).
/// </summary>
/// <param name="SiteSet"><c>ControlledSite.Set(string site)</c>.</param>
/// <param name="MemoryRead"><c>ControlledMemory.Read(string location, string site)</c>.</param>
/// <param name="MemoryWrite"><c>ControlledMemory.Write(string location, string site)</c>.</param>
/// <param name="BackEdge"><c>ControlledLoop.BackEdge(string site)</c>.</param>
/// <param name="UncontrolledCheck"><c>UncontrolledCall.Check(string api)</c>.</param>
/// <param name="SiteTarget"><c>ControlledSite.SetTarget(string location)</c>.</param>
/// <param name="ThreadStaticLoad"><c>ControlledThreadStatic.Load&lt;T&gt;(RuntimeFieldHandle)</c>.</param>
/// <param name="ThreadStaticStore"><c>ControlledThreadStatic.Store&lt;T&gt;(T, RuntimeFieldHandle)</c>.</param>
/// <param name="ThreadStaticAddress"><c>ControlledThreadStatic.Address&lt;T&gt;(RuntimeFieldHandle)</c>.</param>
internal sealed record HookDefinitions(
    MethodDefinition? SiteSet,
    MethodDefinition? MemoryRead,
    MethodDefinition? MemoryWrite,
    MethodDefinition? BackEdge,
    MethodDefinition? UncontrolledCheck,
    MethodDefinition? SiteTarget,
    MethodDefinition? ThreadStaticLoad = null,
    MethodDefinition? ThreadStaticStore = null,
    MethodDefinition? ThreadStaticAddress = null)
{
    /// <summary><c>ControlledMemory.ReadField(object instance, string location, string site)</c>: a load of a class instance's field.</summary>
    public MethodDefinition? MemoryReadField { get; init; }

    /// <summary><c>ControlledMemory.WriteField(object instance, string location, string site)</c>.</summary>
    public MethodDefinition? MemoryWriteField { get; init; }

    /// <summary><c>ControlledMemory.ReadElement(object array, nint index, string location, string site)</c>.</summary>
    public MethodDefinition? MemoryReadElement { get; init; }

    /// <summary><c>ControlledMemory.WriteElement(object array, nint index, string location, string site)</c>.</summary>
    public MethodDefinition? MemoryWriteElement { get; init; }

    /// <summary><c>ControlledMemory.NoteElement(object array, nint index)</c>: the element an <c>ldelema</c> addresses.</summary>
    public MethodDefinition? MemoryNoteElement { get; init; }

    /// <summary><c>ControlledMemory.ReadNoted(string location, string site)</c>: a load of the noted element.</summary>
    public MethodDefinition? MemoryReadNoted { get; init; }

    /// <summary><c>ControlledMemory.WriteNoted(string location, string site)</c>.</summary>
    public MethodDefinition? MemoryWriteNoted { get; init; }

    /// <summary><c>ControlledMemory.ReadUntracked(string location, string site)</c>: a load the race detector does not track.</summary>
    public MethodDefinition? MemoryReadUntracked { get; init; }

    /// <summary><c>ControlledMemory.WriteUntracked(string location, string site)</c>.</summary>
    public MethodDefinition? MemoryWriteUntracked { get; init; }

    /// <summary><c>ControlledMemory.ReadIndirect(string type, string site)</c>: a load through an address that may alias anything.</summary>
    public MethodDefinition? MemoryReadIndirect { get; init; }

    /// <summary><c>ControlledMemory.WriteIndirect(string type, string site)</c>.</summary>
    public MethodDefinition? MemoryWriteIndirect { get; init; }

    /// <summary><c>ControlledMemory.ReadVolatileField(object instance, string location, string site)</c>: a load of a <c>volatile</c> field.</summary>
    public MethodDefinition? MemoryReadVolatileField { get; init; }

    /// <summary><c>ControlledMemory.WriteVolatileField(object instance, string location, string site)</c>.</summary>
    public MethodDefinition? MemoryWriteVolatileField { get; init; }

    /// <summary><c>ControlledMemory.ReadVolatile(string location, string site)</c>: a load of a <c>volatile</c> static.</summary>
    public MethodDefinition? MemoryReadVolatile { get; init; }

    /// <summary><c>ControlledMemory.WriteVolatile(string location, string site)</c>.</summary>
    public MethodDefinition? MemoryWriteVolatile { get; init; }

    /// <summary><c>ControlledMemory.Stored&lt;T&gt;(object instance, T oldValue, string location)</c>: a store about to be made, for store buffering.</summary>
    public MethodDefinition? MemoryStored { get; init; }

    /// <summary><c>ControlledMemory.Loaded&lt;T&gt;(T value)</c>: the value a field load loaded, for store buffering.</summary>
    public MethodDefinition? MemoryLoaded { get; init; }

    /// <summary><c>ControlledCollection.Read(object instance, string member, string site)</c>.</summary>
    public MethodDefinition? CollectionRead { get; init; }

    /// <summary><c>ControlledCollection.Write(object instance, string member, string site)</c>.</summary>
    public MethodDefinition? CollectionWrite { get; init; }

    /// <summary><c>ControlledCollection.Atomic(object instance, string member, string site)</c>.</summary>
    public MethodDefinition? CollectionAtomic { get; init; }

    /// <summary><c>ControlledGenericStatics.Register(RuntimeTypeHandle instantiation)</c>: a generic type's statics were initialized.</summary>
    public MethodDefinition? GenericStaticsRegister { get; init; }

    /// <summary><c>ControlledGenericStatics.Clear(RuntimeTypeHandle definition)</c>.</summary>
    public MethodDefinition? GenericStaticsClear { get; init; }

    /// <summary><c>ControlledSite.SetTargetObject(object instance, string location)</c>: the object of a <c>Volatile</c> call's field.</summary>
    public MethodDefinition? SiteTargetObject { get; init; }

    /// <summary><c>ControlledGenericStatics.Initialize(RuntimeTypeHandle definition)</c>.</summary>
    public MethodDefinition? GenericStaticsInitialize { get; init; }

    /// <summary>Finds the hooks in <paramref name="runtime"/>.</summary>
    public static HookDefinitions Find(ModuleDefinition runtime) => new(
        Find(runtime, "ControlledSite", "Set", 1),
        Find(runtime, "ControlledMemory", "Read", 2),
        Find(runtime, "ControlledMemory", "Write", 2),
        Find(runtime, "ControlledLoop", "BackEdge", 1),
        Find(runtime, "UncontrolledCall", "Check", 1),
        Find(runtime, "ControlledSite", "SetTarget", 1),
        FindGeneric(runtime, "ControlledThreadStatic", "Load"),
        FindGeneric(runtime, "ControlledThreadStatic", "Store"),
        FindGeneric(runtime, "ControlledThreadStatic", "Address"))
    {
        MemoryReadField = FindWithInstance(runtime, "ControlledMemory", "ReadField"),
        MemoryWriteField = FindWithInstance(runtime, "ControlledMemory", "WriteField"),
        MemoryReadElement = FindElement(runtime, "ReadElement"),
        MemoryWriteElement = FindElement(runtime, "WriteElement"),
        MemoryNoteElement = runtime.GetType(ShimTable.ShimNamespace, "ControlledMemory")?.Methods.FirstOrDefault(m =>
            m.IsPublic && m.IsStatic && m.Name == "NoteElement"
            && m.Parameters is [{ ParameterType.MetadataType: MetadataType.Object }, { ParameterType.MetadataType: MetadataType.IntPtr }]),
        MemoryReadNoted = Find(runtime, "ControlledMemory", "ReadNoted", 2),
        MemoryWriteNoted = Find(runtime, "ControlledMemory", "WriteNoted", 2),
        MemoryReadUntracked = Find(runtime, "ControlledMemory", "ReadUntracked", 2),
        MemoryWriteUntracked = Find(runtime, "ControlledMemory", "WriteUntracked", 2),
        MemoryReadIndirect = Find(runtime, "ControlledMemory", "ReadIndirect", 2),
        MemoryWriteIndirect = Find(runtime, "ControlledMemory", "WriteIndirect", 2),
        MemoryReadVolatileField = FindWithInstance(runtime, "ControlledMemory", "ReadVolatileField"),
        MemoryWriteVolatileField = FindWithInstance(runtime, "ControlledMemory", "WriteVolatileField"),
        MemoryReadVolatile = Find(runtime, "ControlledMemory", "ReadVolatile", 2),
        MemoryWriteVolatile = Find(runtime, "ControlledMemory", "WriteVolatile", 2),
        MemoryStored = runtime.GetType(ShimTable.ShimNamespace, "ControlledMemory")?.Methods.FirstOrDefault(m =>
            m.IsPublic && m.IsStatic && m.Name == "Stored" && m.GenericParameters.Count == 1
            && m.Parameters is [{ ParameterType.MetadataType: MetadataType.Object }, { ParameterType: GenericParameter }, { ParameterType.MetadataType: MetadataType.String }]),
        MemoryLoaded = runtime.GetType(ShimTable.ShimNamespace, "ControlledMemory")?.Methods.FirstOrDefault(m =>
            m.IsPublic && m.IsStatic && m.Name == "Loaded" && m.GenericParameters.Count == 1
            && m.Parameters is [{ ParameterType: GenericParameter }] && m.ReturnType is GenericParameter),
        SiteTargetObject = runtime.GetType(ShimTable.ShimNamespace, "ControlledSite")?.Methods.FirstOrDefault(m =>
            m.IsPublic && m.IsStatic && m.Name == "SetTargetObject" && !m.HasGenericParameters
            && m.Parameters is [{ ParameterType.MetadataType: MetadataType.Object }, { ParameterType.MetadataType: MetadataType.String }]),
        CollectionRead = FindWithInstance(runtime, "ControlledCollection", "Read"),
        CollectionWrite = FindWithInstance(runtime, "ControlledCollection", "Write"),
        CollectionAtomic = FindWithInstance(runtime, "ControlledCollection", "Atomic"),
        GenericStaticsRegister = FindWithTypeHandle(runtime, "ControlledGenericStatics", "Register"),
        GenericStaticsClear = FindWithTypeHandle(runtime, "ControlledGenericStatics", "Clear"),
        GenericStaticsInitialize = FindWithTypeHandle(runtime, "ControlledGenericStatics", "Initialize"),
    };

    /// <summary>Descriptions of the hooks the runtime lacks ("ControlledLoop.BackEdge(string)").</summary>
    public IEnumerable<string> Missing()
    {
        if (SiteSet is null)
        {
            yield return "ControlledSite.Set(string)";
        }

        if (MemoryRead is null || MemoryWrite is null)
        {
            yield return "ControlledMemory.Read/Write(string, string)";
        }

        if (BackEdge is null)
        {
            yield return "ControlledLoop.BackEdge(string)";
        }

        if (UncontrolledCheck is null)
        {
            yield return "UncontrolledCall.Check(string)";
        }

        if (SiteTarget is null)
        {
            yield return "ControlledSite.SetTarget(string)";
        }
    }

    /// <summary>A hook taking <c>(object instance, string, string)</c>.</summary>
    private static MethodDefinition? FindWithInstance(ModuleDefinition runtime, string typeName, string methodName)
    {
        TypeDefinition? type = runtime.GetType(ShimTable.ShimNamespace, typeName);
        return type?.Methods.FirstOrDefault(m =>
            m.IsPublic && m.IsStatic && m.Name == methodName && !m.HasGenericParameters
            && m.ReturnType.MetadataType == MetadataType.Void
            && m.Parameters.Count == 3
            && m.Parameters[0].ParameterType.MetadataType == MetadataType.Object
            && m.Parameters.Skip(1).All(p => p.ParameterType.MetadataType == MetadataType.String));
    }

    /// <summary>A <c>ControlledMemory</c> hook taking <c>(object array, nint index, string, string)</c>.</summary>
    private static MethodDefinition? FindElement(ModuleDefinition runtime, string methodName) =>
        runtime.GetType(ShimTable.ShimNamespace, "ControlledMemory")?.Methods.FirstOrDefault(m =>
            m.IsPublic && m.IsStatic && m.Name == methodName && !m.HasGenericParameters
            && m.ReturnType.MetadataType == MetadataType.Void
            && m.Parameters is [{ ParameterType.MetadataType: MetadataType.Object }, { ParameterType.MetadataType: MetadataType.IntPtr }, { ParameterType.MetadataType: MetadataType.String }, { ParameterType.MetadataType: MetadataType.String }]);

    /// <summary>A hook taking one <c>RuntimeTypeHandle</c>.</summary>
    private static MethodDefinition? FindWithTypeHandle(ModuleDefinition runtime, string typeName, string methodName) =>
        runtime.GetType(ShimTable.ShimNamespace, typeName)?.Methods.FirstOrDefault(m =>
            m.IsPublic && m.IsStatic && m.Name == methodName && !m.HasGenericParameters
            && m.ReturnType.MetadataType == MetadataType.Void
            && m.Parameters is [{ ParameterType.FullName: "System.RuntimeTypeHandle" }]);

    private static MethodDefinition? FindGeneric(ModuleDefinition runtime, string typeName, string methodName) =>
        runtime.GetType(ShimTable.ShimNamespace, typeName)?.Methods.FirstOrDefault(m =>
            m.IsPublic && m.IsStatic && m.Name == methodName && m.GenericParameters.Count == 1);

    private static MethodDefinition? Find(ModuleDefinition runtime, string typeName, string methodName, int stringParameters)
    {
        TypeDefinition? type = runtime.GetType(ShimTable.ShimNamespace, typeName);
        return type?.Methods.FirstOrDefault(m =>
            m.IsPublic && m.IsStatic && m.Name == methodName && !m.HasGenericParameters
            && m.ReturnType.MetadataType == MetadataType.Void
            && m.Parameters.Count == stringParameters
            && m.Parameters.All(p => p.ParameterType.MetadataType == MetadataType.String));
    }
}
