using Mono.Cecil;
using Mono.Cecil.Cil;
using ScheduleExplorer.Rewriting.Tests.Samples;

namespace ScheduleExplorer.Rewriting.Tests;

/// <summary>Loads and stores through addresses get scheduling points named so reduction stays sound.</summary>
public sealed class IndirectAccessTests
{
    private ModuleDefinition _module = null!;

    [OneTimeSetUp]
    public void ReadRewritten() => _module = SampleAssembly.Read(SampleAssembly.Rewritten);

    [OneTimeTearDown]
    public void Dispose() => _module.Dispose();

    [Test]
    public void AnElementCompoundAssignment_ReadsAndWritesTheElementLocation()
    {
        // The ldelema notes the array and index; the load and the store through the address use the note.
        var hooks = Hooks("BumpElement");
        Assert.That(hooks.Select(h => h.Hook), Does.Contain("NoteElement"));
        Assert.That(hooks, Does.Contain(("ReadNoted", "Int32[]")).And.Contains(("WriteNoted", "Int32[]")));
    }

    [Test]
    public void AByRefParameter_MayAliasAnything()
    {
        var hooks = Hooks("Bump");
        Assert.That(hooks, Is.EqualTo(new[] { ("ReadIndirect", "*Int32"), ("WriteIndirect", "*Int32") }));
    }

    [Test]
    public void TheFramesOwnLocal_IsNotInstrumented()
    {
        Assert.That(Hooks("BumpLocal"), Is.Empty);
    }

    [Test]
    public void RewrittenCode_StillComputesTheSame()
    {
        var context = new RewritingAssemblyLoadContext(SampleAssembly.Path, SampleAssembly.CreateRewriter(), _ => true);
        try
        {
            Check(context);
        }
        finally
        {
            context.Unload();
        }
    }

    private static void Check(RewritingAssemblyLoadContext context)
    {
        Type type = context.LoadMain().GetType(SampleAssembly.Namespace + ".AddressAccess")!;
        object instance = Activator.CreateInstance(type)!;
        Assert.Multiple(() =>
        {
            Assert.That(type.GetMethod("BumpElement")!.Invoke(null, [new[] { 4 }]), Is.EqualTo(AddressAccess.BumpElement([4])));
            Assert.That(type.GetMethod("BumpField")!.Invoke(instance, null), Is.EqualTo(new AddressAccess().BumpField()));
            Assert.That(type.GetMethod("BumpLocal")!.Invoke(null, null), Is.EqualTo(AddressAccess.BumpLocal()));
        });
    }

    private List<(string Hook, string Location)> Hooks(string method) =>
        [.. SampleAssembly.Method(_module, "AddressAccess", method).Body.Instructions
            .Where(i => i.Operand is MethodReference { DeclaringType.Name: "ControlledMemory" })
            .Select(i => (((MethodReference)i.Operand).Name, (string)i.Previous.Previous.Operand))];
}
