using System.Reflection;
using System.Runtime.CompilerServices;
using Mono.Cecil;
using Mono.Cecil.Cil;

namespace ScheduleExplorer.Rewriting.Tests;

/// <summary>
/// Dependencies found next to the main assembly load into the context, rewritten or not as
/// <c>shouldRewrite</c> says. The two assemblies are generated with Cecil: Main calls Dep.
/// </summary>
public sealed class LoadContextTests
{
    private const BindingFlags All = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private string _directory = null!;

    [SetUp]
    public void Generate()
    {
        _directory = Directory.CreateTempSubdirectory("schedex-alc-").FullName;
        MethodDefinition bump = WriteDependency(Path.Combine(_directory, "Dep.dll"));
        WriteMain(Path.Combine(_directory, "Main.dll"), bump);
    }

    [TearDown]
    public void Delete() => Directory.Delete(_directory, recursive: true);

    [TestCase(true)]
    [TestCase(false)]
    public void ADependencyNextToTheMainAssemblyIsRewrittenWhenAsked(bool rewriteDependency)
    {
        var asked = new List<string?>();
        var context = new RewritingAssemblyLoadContext(Path.Combine(_directory, "Main.dll"), SampleAssembly.CreateRewriter(), name =>
        {
            asked.Add(name.Name);
            return rewriteDependency;
        });
        try
        {
            Assembly main = context.LoadMain();
            object? result = main.GetType("Main.Entry", throwOnError: true)!.GetMethod("Run")!.Invoke(null, null);
            Assembly dependency = context.Assemblies.Single(a => a.GetName().Name == "Dep");
            Assert.Multiple(() =>
            {
                Assert.That(result, Is.EqualTo(1));
                Assert.That(asked, Is.EqualTo(new[] { "Dep" }), "asked once, only for the dependency");
                Assert.That(main.GetType("<ScheduleExplorer>Rewritten"), Is.Not.Null);
                Assert.That(dependency.GetType("<ScheduleExplorer>Rewritten") is not null, Is.EqualTo(rewriteDependency));
                Assert.That(context.Assemblies.Select(a => a.GetName().Name), Is.EquivalentTo(new[] { "Main", "Dep" }));
            });
        }
        finally
        {
            context.Unload();
        }
    }

    [Test]
    public void AnAssemblyAlreadyRewrittenOnDiskIsLoadedAsIs()
    {
        string rewritten = Path.Combine(_directory, "rewritten");
        AssemblyRewriter rewriter = SampleAssembly.CreateRewriter();
        rewriter.RewriteToDirectory(Path.Combine(_directory, "Main.dll"), rewritten);
        rewriter.RewriteToDirectory(Path.Combine(_directory, "Dep.dll"), rewritten);
        var context = new RewritingAssemblyLoadContext(Path.Combine(rewritten, "Main.dll"), rewriter, _ => true);
        try
        {
            object? result = context.LoadMain().GetType("Main.Entry", throwOnError: true)!.GetMethod("Run")!.Invoke(null, null);
            Assert.That(result, Is.EqualTo(1));
        }
        finally
        {
            context.Unload();
        }
    }

    [Test]
    public void EveryRewrittenSampleMethodCompiles()
    {
        var context = new RewritingAssemblyLoadContext(SampleAssembly.Path, SampleAssembly.CreateRewriter(), _ => true);
        try
        {
            var methods = context.LoadMain().GetTypes()
                .Where(t => !t.ContainsGenericParameters)
                .SelectMany(t => t.GetMethods(All).Cast<MethodBase>().Concat(t.GetConstructors(All)))
                .Where(m => !m.IsAbstract && !m.ContainsGenericParameters && m.GetMethodBody() is not null)
                .ToList();
            Assert.That(methods, Has.Count.GreaterThan(40));
            Assert.That(() => methods.ForEach(m => RuntimeHelpers.PrepareMethod(m.MethodHandle)), Throws.Nothing);
        }
        finally
        {
            context.Unload();
        }
    }

    private static MethodDefinition WriteDependency(string path)
    {
        var assembly = AssemblyDefinition.CreateAssembly(new AssemblyNameDefinition("Dep", new Version(1, 0)), "Dep", ModuleKind.Dll);
        ModuleDefinition module = assembly.MainModule;
        var store = new TypeDefinition("Dep", "Store", Mono.Cecil.TypeAttributes.Public | Mono.Cecil.TypeAttributes.Abstract | Mono.Cecil.TypeAttributes.Sealed, module.TypeSystem.Object);
        var value = new FieldDefinition("Value", Mono.Cecil.FieldAttributes.Public | Mono.Cecil.FieldAttributes.Static, module.TypeSystem.Int32);
        store.Fields.Add(value);
        var bump = new MethodDefinition("Bump", Mono.Cecil.MethodAttributes.Public | Mono.Cecil.MethodAttributes.Static, module.TypeSystem.Int32);
        ILProcessor il = bump.Body.GetILProcessor();
        il.Append(Instruction.Create(OpCodes.Ldsfld, value));
        il.Append(Instruction.Create(OpCodes.Ldc_I4_1));
        il.Append(Instruction.Create(OpCodes.Add));
        il.Append(Instruction.Create(OpCodes.Stsfld, value));
        il.Append(Instruction.Create(OpCodes.Ldsfld, value));
        il.Append(Instruction.Create(OpCodes.Ret));
        store.Methods.Add(bump);
        module.Types.Add(store);
        assembly.Write(path);
        return bump;
    }

    private static void WriteMain(string path, MethodDefinition bump)
    {
        var assembly = AssemblyDefinition.CreateAssembly(new AssemblyNameDefinition("Main", new Version(1, 0)), "Main", ModuleKind.Dll);
        ModuleDefinition module = assembly.MainModule;
        var entry = new TypeDefinition("Main", "Entry", Mono.Cecil.TypeAttributes.Public | Mono.Cecil.TypeAttributes.Abstract | Mono.Cecil.TypeAttributes.Sealed, module.TypeSystem.Object);
        var run = new MethodDefinition("Run", Mono.Cecil.MethodAttributes.Public | Mono.Cecil.MethodAttributes.Static, module.TypeSystem.Int32);
        ILProcessor il = run.Body.GetILProcessor();
        il.Append(Instruction.Create(OpCodes.Call, module.ImportReference(bump)));
        il.Append(Instruction.Create(OpCodes.Ret));
        entry.Methods.Add(run);
        module.Types.Add(entry);
        assembly.Write(path);
    }
}
