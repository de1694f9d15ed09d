using Mono.Cecil;
using Mono.Cecil.Cil;

namespace ScheduleExplorer.Rewriting.Tests;

/// <summary>
/// Interlocked and Volatile calls learn which field their <c>ref</c> points at, when the address
/// comes straight from <c>ldflda</c>/<c>ldsflda</c>/<c>ldelema</c>; otherwise they are told "unknown"
/// (null) so no earlier location can leak into them.
/// </summary>
public sealed class AtomicTargetTests
{
    private const string Counter = "ScheduleExplorer.Rewriting.Tests.Samples.AtomicOps.s_counter";
    private ModuleDefinition _module = null!;

    [OneTimeSetUp]
    public void ReadRewritten() => _module = SampleAssembly.Read(SampleAssembly.Rewritten);

    [OneTimeTearDown]
    public void Dispose() => _module.Dispose();

    private static List<object?> TargetsSetIn(MethodDefinition method) => [.. method.Body.Instructions
        .Where(i => i.Operand is MethodReference { Name: "SetTarget", DeclaringType.Name: "ControlledSite" })
        .Select(i => i.Previous.OpCode == OpCodes.Ldnull ? null : i.Previous.Operand)];

    [TestCase("Bump", Counter)]
    [TestCase("Current", Counter)]
    [TestCase("SwapName", "ScheduleExplorer.Rewriting.Tests.Samples.AtomicOps.s_name")]
    [TestCase("SetFlag", "ScheduleExplorer.Rewriting.Tests.Samples.AtomicOps.s_flag")]
    public void FieldAddress_IsNamedBeforeTheCall(string method, string location)
    {
        MethodDefinition body = SampleAssembly.Method(_module, "AtomicOps", method);
        Assert.That(TargetsSetIn(body), Is.EqualTo(new object?[] { location }));
    }

    [Test]
    public void AddressFromAParameter_IsUnknown()
    {
        MethodDefinition replace = SampleAssembly.Method(_module, "AtomicOps", "Replace");
        Assert.That(TargetsSetIn(replace), Is.EqualTo(new object?[] { null }));
    }

    [Test]
    public void TheTargetIsSetRightBeforeItsOwnCall()
    {
        MethodDefinition swap = SampleAssembly.Method(_module, "AtomicOps", "SwapName");
        Instruction setTarget = swap.Body.Instructions.Single(i => i.Operand is MethodReference { Name: "SetTarget" });
        var between = new List<Instruction>();
        for (var next = setTarget.Next; next.Operand is not MethodReference { DeclaringType.Name: "ControlledInterlocked" }; next = next.Next)
        {
            between.Add(next);
        }

        Assert.That(between.Select(i => i.Operand is MethodReference m ? m.Name : i.OpCode.Name), Is.EqualTo(new[] { "ldstr", "Set" }), "only the site is set in between");
    }

    [TestCase("Publish", "_ready")]
    [TestCase("IsReady", "_ready")]
    public void AVolatileCallOnAClassField_NotesTheObject_BeforeItsAddressIsTaken(string method, string field)
    {
        MethodDefinition body = SampleAssembly.Method(_module, "VolatileCalls", method);
        Instruction note = body.Body.Instructions.Single(i => i.Operand is MethodReference { Name: "SetTargetObject" });
        Assert.Multiple(() =>
        {
            Assert.That(note.Previous.Operand, Is.EqualTo("ScheduleExplorer.Rewriting.Tests.Samples.VolatileCalls." + field));
            Assert.That(note.Previous.Previous.OpCode, Is.EqualTo(OpCodes.Dup), "a copy of the object the ldflda takes");
            Assert.That(note.Next.OpCode, Is.EqualTo(OpCodes.Ldflda));
            Assert.That(((FieldReference)note.Next.Operand).Name, Is.EqualTo(field));
        });
    }

    [Test]
    public void AVolatileCallOnAStatic_NotesNoObject()
    {
        MethodDefinition count = SampleAssembly.Method(_module, "VolatileCalls", "Count");
        Instruction note = count.Body.Instructions.Single(i => i.Operand is MethodReference { Name: "SetTargetObject" });
        Assert.That(note.Previous.Previous.OpCode, Is.EqualTo(OpCodes.Ldnull));
    }

    [TestCase("VolatileCalls", "First")]
    [TestCase("VolatileCalls", "SetSlot")]
    [TestCase("AtomicOps", "Bump")]
    public void AStructFieldOrAnInterlockedCall_NotesNoObject(string type, string method) =>
        Assert.That(SampleAssembly.Method(_module, type, method).Body.Instructions.Where(i => i.Operand is MethodReference { Name: "SetTargetObject" }), Is.Empty);
}
