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
}
