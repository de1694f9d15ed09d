using System.Reflection;
using Mono.Cecil;

namespace ScheduleExplorer.Rewriting.Tests;

/// <summary>The registry the rewriter adds puts static state back to what a fresh process has.</summary>
[NonParallelizable]
public sealed class StaticStateTests
{
    private const string Type = SampleAssembly.Namespace + ".ResettableStatics";

    [Test]
    public void Reset_RestoresInitializedReadonlyNestedAndDependentStatics_ButNotThreadStatic()
    {
        var context = new RewritingAssemblyLoadContext(SampleAssembly.Path, SampleAssembly.CreateRewriter(), _ => true);
        try
        {
            Assembly assembly = context.LoadMain();
            Type type = assembly.GetType(Type)!;
            Action reset = assembly.GetType("<ScheduleExplorer>StaticState")!.GetMethod("Reset")!.CreateDelegate<Action>();
            int Get(string name) => (int)(type.GetProperty(name)?.GetValue(null) ?? type.GetField(name)!.GetValue(null)!);

            type.GetMethod("Mutate")!.Invoke(null, null);
            Assert.That((Get("Counter"), Get("Items"), Get("Derived"), Get("Hidden"), Get("PerThreadValue"), Get("GenericValue")), Is.EqualTo((6, 3, -1, 0, 9, 4)));
            reset();
            Assert.That((Get("Counter"), Get("Items"), Get("Derived"), Get("Hidden")), Is.EqualTo((5, 2, 42, 42)), "fresh values, the dependency initialized first");
            Assert.That(Get("PerThreadValue"), Is.EqualTo(9), "thread-static fields are not reset");
            Assert.That(Get("GenericValue"), Is.EqualTo(1), "a generic type's statics are reset");
        }
        finally
        {
            context.Unload();
        }
    }

    [Test]
    public void Reset_RestoresEveryInitializedInstantiationOfAGenericType()
    {
        var context = new RewritingAssemblyLoadContext(SampleAssembly.Path, SampleAssembly.CreateRewriter(), _ => true);
        try
        {
            Assembly assembly = context.LoadMain();
            Type type = assembly.GetType(Type)!;
            Action reset = assembly.GetType("<ScheduleExplorer>StaticState")!.GetMethod("Reset")!.CreateDelegate<Action>();
            int Get(string name) => (int)type.GetProperty(name)!.GetValue(null)!;
            string[] names = ["GenericValue", "OtherGenericValue", "NestedPointX", "NestedItems", "UninitializedValue"];
            int[] Values() => [.. names.Select(Get)];

            reset();
            type.GetMethod("Mutate")!.Invoke(null, null);
            Assert.That(Values(), Is.EqualTo(new[] { 4, 7, 8, 2, 6 }));
            reset();
            Assert.That(Values(), Is.EqualTo(new[] { 1, 1, 2, 1, 0 }), "each instantiation fresh: over int and string, nested in a generic type over a type of the assembly, a struct field, a readonly list, a type with no initializer");
            type.GetMethod("Mutate")!.Invoke(null, null);
            reset();
            reset();
            Assert.That(Values(), Is.EqualTo(new[] { 1, 1, 2, 1, 0 }), "a reset repeated stays fresh");
        }
        finally
        {
            context.Unload();
        }
    }

    [Test]
    public void StaticFields_LoseInitOnly_SoTheResetMayAssignThem()
    {
        using ModuleDefinition module = SampleAssembly.Read(SampleAssembly.Rewritten);
        TypeDefinition type = module.GetType(Type);
        Assert.Multiple(() =>
        {
            Assert.That(type.Fields.Single(f => f.Name == "s_items").IsInitOnly, Is.False);
            Assert.That(type.Methods.Select(m => m.Name), Does.Contain("<ScheduleExplorer>ClearStatics").And.Contains("<ScheduleExplorer>InitializeStatics"));
            Assert.That(type.NestedTypes.Single(t => t.Name == "Secret").IsNestedAssembly, Is.True);
            TypeDefinition inner = type.NestedTypes.Single(t => t.Name == "Outer`1").NestedTypes.Single(t => t.Name == "Inner`1");
            Assert.That(inner.Fields.Single(f => f.Name == "Items").IsInitOnly, Is.False);
            Assert.That(inner.Methods.Select(m => m.Name), Does.Contain("<ScheduleExplorer>ClearStatics").And.Contains("<ScheduleExplorer>InitializeStatics"));
        });
    }
}
