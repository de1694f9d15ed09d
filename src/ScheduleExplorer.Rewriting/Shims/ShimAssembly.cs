using Mono.Cecil;

namespace ScheduleExplorer.Rewriting.Shims;

/// <summary>
/// The runtime assembly read with Mono.Cecil (never loaded): shim types are found by name and
/// their methods imported from this module, so rewritten code references <c>System.Runtime</c>
/// like the workload does rather than <c>System.Private.CoreLib</c>.
/// </summary>
internal sealed class ShimAssembly
{
    private readonly Dictionary<string, TypeDefinition?> _shimTypes = new(StringComparer.Ordinal);

    private ShimAssembly(ModuleDefinition module)
    {
        Module = module;
        Hooks = HookDefinitions.Find(module);
    }

    /// <summary>The runtime module.</summary>
    public ModuleDefinition Module { get; }

    /// <summary>The runtime's simple assembly name ("ScheduleExplorer").</summary>
    public string Name => Module.Assembly.Name.Name;

    /// <summary>The hook methods.</summary>
    public HookDefinitions Hooks { get; }

    /// <summary>Reads the runtime at <paramref name="path"/>; a one-line <see cref="RewritingException"/> when it is not one.</summary>
    public static ShimAssembly Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new RewritingException($"runtime assembly not found: {path}");
        }

        ModuleDefinition module;
        try
        {
            var parameters = new ReaderParameters { ReadingMode = ReadingMode.Immediate, InMemory = true };
            module = ModuleDefinition.ReadModule(new MemoryStream(File.ReadAllBytes(path)), parameters);
        }
        catch (Exception e) when (e is BadImageFormatException or EndOfStreamException)
        {
            throw new RewritingException($"runtime assembly is not a .NET assembly: {path}", e);
        }

        if (module.Assembly is null || !module.Types.Any(t => t.Namespace == ShimTable.ShimNamespace))
        {
            throw new RewritingException($"not the ScheduleExplorer runtime (no {ShimTable.ShimNamespace} types): {path}");
        }

        return new ShimAssembly(module);
    }

    /// <summary>The public static shim type <paramref name="simpleName"/>, or null when the runtime lacks it.</summary>
    public TypeDefinition? ShimType(string simpleName)
    {
        if (!_shimTypes.TryGetValue(simpleName, out TypeDefinition? type))
        {
            type = Module.GetType(ShimTable.ShimNamespace, simpleName);
            if (type is { IsPublic: false })
            {
                type = null;
            }

            _shimTypes[simpleName] = type;
        }

        return type;
    }
}
