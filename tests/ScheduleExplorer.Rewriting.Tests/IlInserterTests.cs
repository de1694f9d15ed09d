using System.Reflection;
using System.Runtime.Loader;
using Mono.Cecil;
using Mono.Cecil.Cil;
using Mono.Cecil.Rocks;
using ScheduleExplorer.Rewriting.Cil;

namespace ScheduleExplorer.Rewriting.Tests;

/// <summary>
/// The insert-before helper on hand-built bodies, where branch targets, handler bounds and
/// sequence points sit exactly on the instrumented instructions (the compiler puts nops there in
/// Debug builds). Each rewritten body is then executed: a wrong retarget is invalid IL.
/// </summary>
public sealed class IlInserterTests
{
    [Test]
    public void BranchesSwitchTargetsAndPrefixesAreRetargeted()
    {
        using var assembly = CreateAssembly(out TypeDefinition type, out FieldDefinition field);
        MethodDefinition method = AddMethod(type, "Switch");
        ILProcessor il = method.Body.GetILProcessor();
        Instruction volatileLoad = Instruction.Create(OpCodes.Ldsfld, field);
        Instruction prefix = Instruction.Create(OpCodes.Volatile);
        Instruction plainLoad = Instruction.Create(OpCodes.Ldsfld, field);
        il.Append(Instruction.Create(OpCodes.Ldarg_0));
        il.Append(Instruction.Create(OpCodes.Switch, new[] { prefix, plainLoad }));
        il.Append(Instruction.Create(OpCodes.Br, plainLoad));
        il.Append(prefix);
        il.Append(volatileLoad);
        il.Append(Instruction.Create(OpCodes.Ret));
        il.Append(plainLoad);
        il.Append(Instruction.Create(OpCodes.Ret));

        var inserter = new IlInserter(method.Body);
        Instruction first = inserter.InsertBefore(volatileLoad, Hook());
        Instruction second = inserter.InsertBefore(plainLoad, Hook());

        var targets = (Instruction[])method.Body.Instructions[1].Operand;
        Assert.Multiple(() =>
        {
            Assert.That(first.Next.Next, Is.SameAs(prefix), "inserted before the volatile. prefix");
            Assert.That(targets, Is.EqualTo(new[] { first, second }));
            Assert.That(method.Body.Instructions[2].Operand, Is.SameAs(second));
            Assert.That(Run(assembly, "Switch", 0), Is.EqualTo(7));
            Assert.That(Run(assembly, "Switch", 1), Is.EqualTo(7));
            Assert.That(Run(assembly, "Switch", 2), Is.EqualTo(7));
        });
    }

    [Test]
    public void ExceptionHandlerBoundsAreRetargeted()
    {
        using var assembly = CreateAssembly(out TypeDefinition type, out FieldDefinition field);
        MethodDefinition method = AddMethod(type, "Guarded");
        ILProcessor il = method.Body.GetILProcessor();
        Instruction tryStart = Instruction.Create(OpCodes.Ldsfld, field);
        Instruction handlerStart = Instruction.Create(OpCodes.Ldsfld, field);
        Instruction end = Instruction.Create(OpCodes.Ldsfld, field);
        il.Append(tryStart);
        il.Append(Instruction.Create(OpCodes.Starg, method.Parameters[0]));
        il.Append(Instruction.Create(OpCodes.Leave, end));
        il.Append(handlerStart);
        il.Append(Instruction.Create(OpCodes.Pop));
        il.Append(Instruction.Create(OpCodes.Endfinally));
        il.Append(end);
        il.Append(Instruction.Create(OpCodes.Ret));
        method.Body.ExceptionHandlers.Add(new ExceptionHandler(ExceptionHandlerType.Finally)
        {
            TryStart = tryStart,
            TryEnd = handlerStart,
            HandlerStart = handlerStart,
            HandlerEnd = end,
        });

        var inserter = new IlInserter(method.Body);
        Instruction atTry = inserter.InsertBefore(tryStart, Hook());
        Instruction atHandler = inserter.InsertBefore(handlerStart, Hook());
        Instruction atEnd = inserter.InsertBefore(end, Hook());

        ExceptionHandler handler = method.Body.ExceptionHandlers.Single();
        Assert.Multiple(() =>
        {
            Assert.That(handler.TryStart, Is.SameAs(atTry));
            Assert.That(handler.TryEnd, Is.SameAs(atHandler));
            Assert.That(handler.HandlerStart, Is.SameAs(atHandler));
            Assert.That(handler.HandlerEnd, Is.SameAs(atEnd));
            Assert.That(method.Body.Instructions.Single(i => i.OpCode == OpCodes.Leave).Operand, Is.SameAs(atEnd));
            Assert.That(Run(assembly, "Guarded", 0), Is.EqualTo(7));
        });
    }

    [Test]
    public void TheSequencePointMovesToTheFirstInsertedInstruction()
    {
        using var assembly = CreateAssembly(out TypeDefinition type, out FieldDefinition field);
        MethodDefinition method = AddMethod(type, "Lines");
        ILProcessor il = method.Body.GetILProcessor();
        Instruction load = Instruction.Create(OpCodes.Ldsfld, field);
        il.Append(Instruction.Create(OpCodes.Nop));
        il.Append(load);
        il.Append(Instruction.Create(OpCodes.Ret));
        var document = new Document("/src/Lines.cs");
        method.DebugInformation.SequencePoints.Add(new SequencePoint(method.Body.Instructions[0], document) { StartLine = 3, EndLine = 3, StartColumn = 1, EndColumn = 2 });
        method.DebugInformation.SequencePoints.Add(new SequencePoint(load, document) { StartLine = 4, EndLine = 4, StartColumn = 1, EndColumn = 9 });

        Instruction first = new IlInserter(method.Body).InsertBefore(load, Hook());

        MethodDefinition reread = WriteAndRead(assembly, out ModuleDefinition module);
        using var _ = module;
        var points = reread.DebugInformation.SequencePoints;
        Assert.Multiple(() =>
        {
            Assert.That(first.Operand, Is.EqualTo("hook"));
            Assert.That(points.Select(p => p.StartLine), Is.EqualTo(new[] { 3, 4 }));
            Assert.That(points[1].Offset, Is.EqualTo(reread.Body.Instructions.Single(i => i.OpCode == OpCodes.Ldstr).Offset));
        });
    }

    private static Instruction[] Hook() => [Instruction.Create(OpCodes.Ldstr, "hook"), Instruction.Create(OpCodes.Pop)];

    private static AssemblyDefinition CreateAssembly(out TypeDefinition type, out FieldDefinition field)
    {
        var assembly = AssemblyDefinition.CreateAssembly(new AssemblyNameDefinition("Synthetic" + Guid.NewGuid().ToString("N"), new Version(1, 0)), "Synthetic", ModuleKind.Dll);
        ModuleDefinition module = assembly.MainModule;
        type = new TypeDefinition("Synthetic", "Body", Mono.Cecil.TypeAttributes.Public | Mono.Cecil.TypeAttributes.Abstract | Mono.Cecil.TypeAttributes.Sealed, module.TypeSystem.Object);
        field = new FieldDefinition("Value", Mono.Cecil.FieldAttributes.Public | Mono.Cecil.FieldAttributes.Static, module.TypeSystem.Int32);
        type.Fields.Add(field);
        module.Types.Add(type);
        var initializer = new MethodDefinition(".cctor", Mono.Cecil.MethodAttributes.Private | Mono.Cecil.MethodAttributes.Static | Mono.Cecil.MethodAttributes.SpecialName | Mono.Cecil.MethodAttributes.RTSpecialName, module.TypeSystem.Void);
        ILProcessor il = initializer.Body.GetILProcessor();
        il.Append(Instruction.Create(OpCodes.Ldc_I4_7));
        il.Append(Instruction.Create(OpCodes.Stsfld, field));
        il.Append(Instruction.Create(OpCodes.Ret));
        type.Methods.Add(initializer);
        return assembly;
    }

    private static MethodDefinition AddMethod(TypeDefinition type, string name)
    {
        var method = new MethodDefinition(name, Mono.Cecil.MethodAttributes.Public | Mono.Cecil.MethodAttributes.Static, type.Module.TypeSystem.Int32);
        method.Parameters.Add(new ParameterDefinition("x", Mono.Cecil.ParameterAttributes.None, type.Module.TypeSystem.Int32));
        type.Methods.Add(method);
        return method;
    }

    private static int Run(AssemblyDefinition assembly, string method, int argument)
    {
        foreach (MethodDefinition m in assembly.MainModule.Types.SelectMany(t => t.Methods).Where(m => m.HasBody))
        {
            m.Body.OptimizeMacros();
        }

        using var image = new MemoryStream();
        assembly.Write(image);
        image.Position = 0;
        var context = new AssemblyLoadContext("synthetic", isCollectible: true);
        try
        {
            Type type = context.LoadFromStream(image).GetType("Synthetic.Body", throwOnError: true)!;
            return (int)type.GetMethod(method, BindingFlags.Public | BindingFlags.Static)!.Invoke(null, [argument])!;
        }
        finally
        {
            context.Unload();
        }
    }

    private static MethodDefinition WriteAndRead(AssemblyDefinition assembly, out ModuleDefinition module)
    {
        using var image = new MemoryStream();
        using var symbols = new MemoryStream();
        assembly.Write(image, new WriterParameters { WriteSymbols = true, SymbolWriterProvider = new PortablePdbWriterProvider(), SymbolStream = symbols });
        module = ModuleDefinition.ReadModule(new MemoryStream(image.ToArray()), new ReaderParameters
        {
            ReadSymbols = true,
            SymbolReaderProvider = new PortablePdbReaderProvider(),
            SymbolStream = new MemoryStream(symbols.ToArray()),
        });
        return module.GetType("Synthetic.Body").Methods.Single(m => m.Name == "Lines");
    }
}
