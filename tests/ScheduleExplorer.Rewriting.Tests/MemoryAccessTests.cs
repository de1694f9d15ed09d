using Mono.Cecil;
using Mono.Cecil.Cil;

namespace ScheduleExplorer.Rewriting.Tests;

public sealed class MemoryAccessTests
{
    private const string Shapes = SampleAssembly.Namespace + ".FieldShapes";

    private ModuleDefinition _module = null!;

    [OneTimeSetUp]
    public void ReadRewritten() => _module = SampleAssembly.Read(SampleAssembly.Rewritten);

    [OneTimeTearDown]
    public void Dispose() => _module.Dispose();

    [Test]
    public void AStoreReachedByBranchesIsHookedOnEveryPath()
    {
        MethodDefinition ternary = SampleAssembly.Method(_module, "FieldShapes", "Ternary");
        var store = ternary.Body.Instructions.Single(i => i.OpCode == OpCodes.Stfld && ((FieldReference)i.Operand).Name == "_last");
        // stloc value; dup; ldstr location; ldstr site; call WriteField; dup; dup; ldfld (old value); ldstr location; call Stored; ldloc value; stfld
        Instruction stored = store.Previous.Previous;
        Instruction hook = stored.Previous.Previous.Previous.Previous.Previous;
        Instruction firstHookInstruction = hook.Previous.Previous;
        Assert.Multiple(() =>
        {
            Assert.That(((MethodReference)hook.Operand).Name, Is.EqualTo("WriteField"));
            Assert.That(((MethodReference)stored.Operand).Name, Is.EqualTo("Stored"), "the old value goes to the store buffer");
            Assert.That(stored.Previous.Previous.Operand, Is.InstanceOf<FieldReference>().And.Property("Name").EqualTo("_last"));
            Assert.That(hook.Previous.Operand, Does.Match(@"^FieldShapes\.cs:\d+$"));
            Assert.That(firstHookInstruction.Operand, Is.EqualTo(Shapes + "._last"));
            Assert.That(ternary.Body.Instructions.Where(i => i.Operand == store), Is.Empty, "no branch may skip the hook");
            Assert.That(firstHookInstruction.Previous.Previous.OpCode.Code, Is.AnyOf(Code.Stloc, Code.Stloc_S, Code.Stloc_0, Code.Stloc_1, Code.Stloc_2, Code.Stloc_3), "the value is set aside first");
            Assert.That(ternary.Body.Instructions.Where(i => i.Operand == firstHookInstruction.Previous.Previous), Is.Not.Empty, "the join branch lands on the hook");
        });
    }

    [Test]
    public void AVolatileAccessIsHookedBeforeItsPrefix()
    {
        MethodDefinition publish = SampleAssembly.Method(_module, "FieldShapes", "Publish");
        var accesses = publish.Body.Instructions.Where(i => i.Operand is FieldReference { Name: "_ready" } && i.Previous.OpCode == OpCodes.Volatile).ToList();
        Assert.That(accesses, Has.Count.EqualTo(2), "both accesses keep their volatile. prefix right before them");
        Assert.That(accesses[1].Previous.Previous.Operand, Is.InstanceOf<MethodReference>().And.Property("Name").EqualTo("ReadVolatileField"));

        var calls = publish.Body.Instructions.Where(i => i.Operand is MethodReference { DeclaringType.Name: "ControlledMemory" }).Select(i => ((MethodReference)i.Operand).Name).ToList();
        Assert.That(calls, Is.EqualTo(new[] { "WriteVolatileField", "Stored", "ReadVolatileField", "Loaded" }), "volatile accesses take the volatile hooks and feed the store buffer");
    }

    [Test]
    public void SwitchTargetsLandOnTheHooks()
    {
        MethodDefinition classify = SampleAssembly.Method(_module, "FieldShapes", "Classify");
        var targets = (Instruction[])classify.Body.Instructions.Single(i => i.OpCode == OpCodes.Switch).Operand;
        Assert.Multiple(() =>
        {
            Assert.That(targets[0].Operand, Is.EqualTo(Shapes + ".s_zero"));
            Assert.That(targets[1].Operand, Is.EqualTo(Shapes + ".s_one"));
            Assert.That(targets.Where(t => t.OpCode == OpCodes.Ldsfld), Is.Empty);
        });
    }

    [Test]
    public void HooksStayInsideTheirTryAndFinallyBlocks()
    {
        MethodDefinition guarded = SampleAssembly.Method(_module, "FieldShapes", "GuardedStatic");
        ExceptionHandler handler = guarded.Body.ExceptionHandlers.Single();
        var hooks = SampleAssembly.MemoryHooks(guarded).ToList();
        int tryStart = handler.TryStart.Offset, tryEnd = handler.TryEnd.Offset, handlerEnd = handler.HandlerEnd.Offset;
        Assert.Multiple(() =>
        {
            Assert.That(FirstTwo(hooks, ".s_zero"), Has.All.InRange(tryStart, tryEnd - 1));
            Assert.That(FirstTwo(hooks, ".s_one"), Has.All.InRange(tryEnd, handlerEnd - 1));
        });
    }

    private static IEnumerable<int> FirstTwo(IEnumerable<(string Location, string Site, string Hook, Instruction Call)> hooks, string field) =>
        hooks.Where(h => h.Location.EndsWith(field, StringComparison.Ordinal)).Select(h => h.Call.Offset).Order().Take(2);

    [Test]
    public void ATryFinallyAroundFieldWritesIsHooked()
    {
        var locations = SampleAssembly.MemoryHooks(SampleAssembly.Method(_module, "FieldShapes", "Guarded")).Select(h => (h.Location, h.Hook)).ToList();
        Assert.That(locations, Does.Contain((Shapes + "._a", "Write")).And.Contain((Shapes + "._b", "Write")).And.Contain((Shapes + "._a", "Read")));
    }

    [Test]
    public void TypeInitializersAreNeverInstrumented()
    {
        MethodDefinition cctor = SampleAssembly.Method(_module, "StaticInit", ".cctor");
        MethodDefinition get = SampleAssembly.Method(_module, "StaticInit", "Get");
        Assert.Multiple(() =>
        {
            Assert.That(SampleAssembly.MemoryHooks(cctor), Is.Empty);
            Assert.That(SampleAssembly.CallsTo(cctor, "ScheduleExplorer.Controlled.ControlledLoop", "BackEdge"), Is.Empty);
            Assert.That(SampleAssembly.MemoryHooks(get).Select(h => h.Location), Is.EquivalentTo(new[] { SampleAssembly.Namespace + ".StaticInit.Limit", "Int32[]" }));
        });
    }

    [Test]
    public void ReadonlyFieldsAreNeverInstrumented()
    {
        var everyLocation = SampleAssembly.Bodies(_module).SelectMany(SampleAssembly.MemoryHooks).Select(h => h.Location).ToHashSet();
        Assert.That(everyLocation, Has.None.EndsWith("._gate").And.None.EndsWith("._limit").And.None.EndsWith("._lock").And.None.EndsWith(".s_table"));
    }

    [Test]
    public void ConstructorsDoNotHookTheirOwnInstanceFields()
    {
        MethodDefinition constructor = SampleAssembly.Method(_module, "FieldShapes", ".ctor");
        Assert.That(SampleAssembly.MemoryHooks(constructor), Is.Empty);
    }

    [Test]
    public void CapturedVariablesAndBackingFieldsAreInstrumented()
    {
        var everyLocation = SampleAssembly.Bodies(_module).SelectMany(SampleAssembly.MemoryHooks).Select(h => h.Location).ToHashSet();
        Assert.Multiple(() =>
        {
            Assert.That(everyLocation, Has.Some.Match(@"Closures\+<>c__DisplayClass\d+_\d+\.counter$"));
            Assert.That(everyLocation, Does.Contain(Shapes + ".<Hits>k__BackingField"));
        });
    }

    [Test]
    public void CompilerInfrastructureIsNeverInstrumented()
    {
        var hooks = SampleAssembly.Bodies(_module).SelectMany(SampleAssembly.MemoryHooks).ToList();
        var fieldNames = hooks.Select(h => h.Location[(h.Location.LastIndexOf('.') + 1)..]).ToList();
        var stateMachineHooks = hooks.Where(h => h.Call.Previous.Previous.Operand is string location && location.Contains(">d__", StringComparison.Ordinal));
        Assert.Multiple(() =>
        {
            Assert.That(fieldNames, Has.None.StartsWith("<>").And.None.Contains(">5__"));
            Assert.That(stateMachineHooks, Is.Empty);
        });
    }

    [Test]
    public void ArrayElementsAreInstrumentedButAddressesAreNot()
    {
        var sum = SampleAssembly.MemoryHooks(SampleAssembly.Method(_module, "Closures", "SumArray")).Select(h => (h.Location, h.Hook)).ToList();
        var bump = SampleAssembly.MemoryHooks(SampleAssembly.Method(_module, "AtomicOps", "Bump"));
        Assert.Multiple(() =>
        {
            Assert.That(sum, Does.Contain(("Int32[]", "Write")).And.Contain(("Int32[]", "Read")));
            Assert.That(bump, Is.Empty, "Interlocked takes the address (ldsflda): the redirected call is the scheduling point");
        });
    }

    [Test]
    public void MemoryAccessesCanBeTurnedOff()
    {
        RewrittenAssembly rewritten = SampleAssembly.CreateRewriter(memory: false).Rewrite(SampleAssembly.Path);
        using ModuleDefinition module = SampleAssembly.Read(rewritten);
        Assert.Multiple(() =>
        {
            Assert.That(rewritten.Statistics.MemoryPoints, Is.Zero);
            Assert.That(SampleAssembly.Bodies(module).SelectMany(SampleAssembly.MemoryHooks), Is.Empty);
            Assert.That(rewritten.Statistics.CallsRedirected, Is.EqualTo(SampleAssembly.Rewritten.Statistics.CallsRedirected));
        });
    }
}
