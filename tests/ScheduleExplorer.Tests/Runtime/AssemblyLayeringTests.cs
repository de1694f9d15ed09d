using Mono.Cecil;
using NUnit.Framework;
using ScheduleExplorer.Controlled;
using ScheduleExplorer.Runtime;
using ScheduleExplorer.Testing;

namespace ScheduleExplorer.Tests.Runtime;

/// <summary>
/// The runtime assembly (scheduler, shims, strategies, traces, detection) is what rewritten code calls; it carries
/// no IL rewriter: the engine and the rewriter build on it, never the other way round.
/// </summary>
[TestFixture]
public sealed class AssemblyLayeringTests
{
    [Test]
    public void TheRuntimeAssembly_ReferencesNeitherMonoCecilNorTheRewriterNorTheEngine()
    {
        var references = typeof(ControlledScheduler).Assembly.GetReferencedAssemblies().Select(r => r.Name).ToList();

        Assert.That(references, Has.None.StartsWith("Mono.Cecil"));
        Assert.That(references, Has.None.EqualTo("ScheduleExplorer.Rewriting").And.None.EqualTo("ScheduleExplorer.Testing"));
        Assert.That(typeof(ControlledMonitor).Assembly, Is.SameAs(typeof(ControlledScheduler).Assembly), "the shims live in the runtime");
    }

    [Test]
    public void TheEngine_SitsAboveTheRuntimeAndTheRewriter()
    {
        var references = typeof(TestingEngine).Assembly.GetReferencedAssemblies().Select(r => r.Name).ToList();

        Assert.That(typeof(TestingEngine).Assembly, Is.Not.SameAs(typeof(ControlledScheduler).Assembly));
        Assert.That(references, Does.Contain("ScheduleExplorer").And.Contain("ScheduleExplorer.Rewriting"));
    }

    [Test]
    public void Detection_UsesNoTypeOfTheRuntimeOrTheShims()
    {
        // The runtime calls detection with plain data (BlockedOperation, AccessWitness), never the other way round.
        using var module = ModuleDefinition.ReadModule(typeof(ControlledScheduler).Assembly.Location);
        var detection = module.Types.Where(t => t.Namespace == "ScheduleExplorer.Detection").SelectMany(WithNested).ToList();
        var offenders = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var type in detection)
        {
            Check(type.BaseType, type.FullName);
            foreach (var field in type.Fields)
            {
                Check(field.FieldType, field.FullName);
            }

            foreach (var method in type.Methods)
            {
                Check(method.ReturnType, method.FullName);
                foreach (var parameter in method.Parameters)
                {
                    Check(parameter.ParameterType, method.FullName);
                }

                foreach (var instruction in method.HasBody ? method.Body.Instructions : [])
                {
                    switch (instruction.Operand)
                    {
                        case TypeReference t:
                            Check(t, method.FullName);
                            break;
                        case MemberReference m:
                            Check(m.DeclaringType, method.FullName);
                            break;
                    }
                }
            }
        }

        Assert.That(detection, Has.Count.GreaterThan(10), "the detection types were found");
        Assert.That(offenders, Is.Empty);

        void Check(TypeReference? type, string user)
        {
            if (type is null)
            {
                return;
            }

            if (type is GenericInstanceType generic)
            {
                generic.GenericArguments.ToList().ForEach(a => Check(a, user));
            }

            var element = type.GetElementType();
            while (element.DeclaringType is { } outer)
            {
                element = outer;
            }

            if (element.Namespace is "ScheduleExplorer.Runtime" or "ScheduleExplorer.Controlled")
            {
                offenders.Add($"{user} uses {type.FullName}");
            }
        }
    }

    private static IEnumerable<TypeDefinition> WithNested(TypeDefinition type) => [type, .. type.NestedTypes.SelectMany(WithNested)];
}
