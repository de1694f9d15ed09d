using Mono.Cecil;
using Mono.Cecil.Cil;
using ScheduleExplorer.Controlled;

namespace ScheduleExplorer.Rewriting.Tests;

/// <summary>The samples assembly, its rewrite (made once) and Cecil views of both.</summary>
internal static class SampleAssembly
{
    public const string Namespace = "ScheduleExplorer.Rewriting.Tests.Samples";

    private static readonly Lazy<RewrittenAssembly> s_rewritten = new(() => CreateRewriter().Rewrite(Path));

    /// <summary>The runtime assembly holding the shims.</summary>
    public static string RuntimePath => typeof(ControlledMonitor).Assembly.Location;

    /// <summary>The samples assembly next to the tests.</summary>
    public static string Path => System.IO.Path.Combine(AppContext.BaseDirectory, Namespace + ".dll");

    /// <summary>The samples rewritten with default options.</summary>
    public static RewrittenAssembly Rewritten => s_rewritten.Value;

    public static AssemblyRewriter CreateRewriter(bool memory = true, bool backEdges = true) =>
        new(new RewritingOptions { RuntimeAssemblyPath = RuntimePath, InstrumentMemoryAccesses = memory, InstrumentBackEdges = backEdges });

    /// <summary>Reads a rewritten image (and its PDB) back with Cecil.</summary>
    public static ModuleDefinition Read(RewrittenAssembly rewritten)
    {
        var parameters = new ReaderParameters { ReadingMode = ReadingMode.Immediate, InMemory = true };
        if (rewritten.Symbols is { } symbols)
        {
            parameters.ReadSymbols = true;
            parameters.SymbolReaderProvider = new PortablePdbReaderProvider();
            parameters.SymbolStream = new MemoryStream(symbols);
        }

        return ModuleDefinition.ReadModule(new MemoryStream(rewritten.Image), parameters);
    }

    /// <summary>Reads the original samples with Cecil.</summary>
    public static ModuleDefinition ReadOriginal() =>
        ModuleDefinition.ReadModule(Path, new ReaderParameters { ReadSymbols = true, InMemory = true });

    /// <summary>A method of a samples type ("FieldShapes", or a nested "Closures/&lt;&gt;c__DisplayClass0_0").</summary>
    public static MethodDefinition Method(ModuleDefinition module, string typeName, string methodName)
    {
        TypeDefinition type = module.GetType(Namespace + "." + typeName)
            ?? throw new InvalidOperationException("no type " + typeName);
        return type.Methods.Single(m => m.Name == methodName);
    }

    /// <summary>Every method body of the module, with its type.</summary>
    public static IEnumerable<MethodDefinition> Bodies(ModuleDefinition module) =>
        module.GetTypes().SelectMany(t => t.Methods).Where(m => m.HasBody);

    /// <summary>The call instructions of <paramref name="method"/> to <paramref name="declaringType"/>::<paramref name="name"/>.</summary>
    public static IEnumerable<Instruction> CallsTo(MethodDefinition method, string declaringType, string name) =>
        method.Body.Instructions.Where(i =>
            i.OpCode.Code is Code.Call or Code.Callvirt or Code.Newobj
            && i.Operand is MethodReference callee
            && (callee.DeclaringType is GenericInstanceType g ? g.ElementType : callee.DeclaringType).FullName == declaringType
            && callee.Name == name);

    /// <summary>The memory hooks of <paramref name="method"/>: (location, site, hook name) per hook call.</summary>
    public static IEnumerable<(string Location, string Site, string Hook, Instruction Call)> MemoryHooks(MethodDefinition method) =>
        s_namedHooks.SelectMany(name => CallsTo(method, "ScheduleExplorer.Controlled.ControlledMemory", name))
            .Select(call => ((string)call.Previous.Previous.Operand, (string)call.Previous.Operand, AccessOf(call), call));

    // Every hook that ends "ldstr location; ldstr site; call": a static's, a field's (with its object), an element's, a noted element's, an untracked one.
    private static readonly string[] s_namedHooks = ["Read", "Write", "ReadField", "WriteField", "ReadElement", "WriteElement", "ReadNoted", "WriteNoted", "ReadUntracked", "WriteUntracked"];

    /// <summary>"Read" or "Write", whichever hook of the family the call is.</summary>
    private static string AccessOf(Instruction call) => ((MethodReference)call.Operand).Name.StartsWith("Read", StringComparison.Ordinal) ? "Read" : "Write";
}
