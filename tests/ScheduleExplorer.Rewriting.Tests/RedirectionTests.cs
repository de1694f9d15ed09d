using Mono.Cecil;
using Mono.Cecil.Cil;

namespace ScheduleExplorer.Rewriting.Tests;

public sealed class RedirectionTests
{
    private ModuleDefinition _module = null!;

    [OneTimeSetUp]
    public void ReadRewritten() => _module = SampleAssembly.Read(SampleAssembly.Rewritten);

    [OneTimeTearDown]
    public void Dispose() => _module.Dispose();

    [Test]
    public void StatisticsCountEveryConcern()
    {
        RewriteStatistics statistics = SampleAssembly.Rewritten.Statistics;
        Assert.Multiple(() =>
        {
            Assert.That(statistics.MethodsRewritten, Is.GreaterThan(10));
            Assert.That(statistics.CallsRedirected, Is.GreaterThan(10));
            Assert.That(statistics.MemoryPoints, Is.GreaterThan(10));
            Assert.That(statistics.UncontrolledCalls, Is.GreaterThan(0));
            Assert.That(statistics.BackEdges, Is.GreaterThan(3));
            Assert.That(SampleAssembly.Rewritten.AssemblyName, Is.EqualTo(SampleAssembly.Namespace));
        });
    }

    [TestCase("System.Threading.Monitor", "Enter")]
    [TestCase("System.Threading.Monitor", "Exit")]
    [TestCase("System.Threading.Lock", "EnterScope")]
    [TestCase("System.Threading.Lock/Scope", "Dispose")]
    [TestCase("System.Threading.Lock", "get_IsHeldByCurrentThread")]
    [TestCase("System.Threading.Interlocked", "Increment")]
    [TestCase("System.Threading.Interlocked", "CompareExchange")]
    [TestCase("System.Threading.Volatile", "Read")]
    [TestCase("System.Threading.Volatile", "Write")]
    [TestCase("System.Threading.Thread", ".ctor")]
    [TestCase("System.Threading.Thread", "Start")]
    [TestCase("System.Threading.Thread", "Join")]
    [TestCase("System.Threading.ManualResetEventSlim", "Wait")]
    [TestCase("System.Threading.SemaphoreSlim", ".ctor")]
    [TestCase("System.Threading.SemaphoreSlim", "Release")]
    [TestCase("System.Diagnostics.Debug", "Assert")]
    public void NoCallToTheBclMethodRemains(string type, string method)
    {
        var remaining = SampleAssembly.Bodies(_module)
            .SelectMany(m => SampleAssembly.CallsTo(m, type, method).Select(i => $"{m.FullName}: {i}"))
            .ToList();
        Assert.That(remaining, Is.Empty);
    }

    [Test]
    public void LockBecomesControlledMonitorWithSitesRightBeforeEachCall()
    {
        MethodDefinition increment = SampleAssembly.Method(_module, "LockedCounter", "Increment");
        var enter = SampleAssembly.CallsTo(increment, "ScheduleExplorer.Controlled.ControlledMonitor", "Enter").Single();
        var exit = SampleAssembly.CallsTo(increment, "ScheduleExplorer.Controlled.ControlledMonitor", "Exit").Single();
        Assert.Multiple(() =>
        {
            Assert.That(enter.OpCode, Is.EqualTo(OpCodes.Call));
            Assert.That(((MethodReference)enter.Operand).Parameters.Select(p => p.ParameterType.FullName), Is.EqualTo(new[] { "System.Object", "System.Boolean&" }));
            foreach (Instruction call in new[] { enter, exit })
            {
                Assert.That(call.Previous.Operand, Is.InstanceOf<MethodReference>().And.Property("Name").EqualTo("Set"));
                Assert.That(((MethodReference)call.Previous.Operand).DeclaringType.Name, Is.EqualTo("ControlledSite"));
                Assert.That(call.Previous.Previous.Operand, Does.Match(@"^LockedCounter\.cs:\d+$"));
            }
        });
    }

    [Test]
    public void LockScopeIsRedirectedByReference()
    {
        MethodDefinition increment = SampleAssembly.Method(_module, "ScopedCounter", "Increment");
        var enter = SampleAssembly.CallsTo(increment, "ScheduleExplorer.Controlled.ControlledLock", "EnterScope").Single();
        var dispose = SampleAssembly.CallsTo(increment, "ScheduleExplorer.Controlled.ControlledLockScope", "Dispose").Single();
        Assert.Multiple(() =>
        {
            Assert.That(((MethodReference)enter.Operand).ReturnType.FullName, Is.EqualTo("System.Threading.Lock/Scope"));
            Assert.That(((MethodReference)dispose.Operand).Parameters[0].ParameterType, Is.InstanceOf<ByReferenceType>());
        });
    }

    [Test]
    public void GenericCallsKeepTheirTypeArguments()
    {
        var swap = SampleAssembly.CallsTo(SampleAssembly.Method(_module, "AtomicOps", "SwapName"), "ScheduleExplorer.Controlled.ControlledInterlocked", "CompareExchange").Single();
        var replace = SampleAssembly.CallsTo(SampleAssembly.Method(_module, "AtomicOps", "Replace"), "ScheduleExplorer.Controlled.ControlledInterlocked", "CompareExchange").Single();
        var read = SampleAssembly.CallsTo(SampleAssembly.Method(_module, "AtomicOps", "ReadName"), "ScheduleExplorer.Controlled.ControlledVolatile", "Read").Single();
        Assert.Multiple(() =>
        {
            Assert.That(((GenericInstanceMethod)swap.Operand).GenericArguments.Single().FullName, Is.EqualTo("System.String"));
            Assert.That(((GenericInstanceMethod)replace.Operand).GenericArguments.Single(), Is.InstanceOf<GenericParameter>());
            Assert.That(((GenericInstanceMethod)read.Operand).GenericArguments.Single().FullName, Is.EqualTo("System.String"));
        });
    }

    [Test]
    public void NonGenericOverloadsMatchExactly()
    {
        var bump = SampleAssembly.CallsTo(SampleAssembly.Method(_module, "AtomicOps", "Bump"), "ScheduleExplorer.Controlled.ControlledInterlocked", "Increment").Single();
        var current = SampleAssembly.CallsTo(SampleAssembly.Method(_module, "AtomicOps", "Current"), "ScheduleExplorer.Controlled.ControlledVolatile", "Read").Single();
        Assert.Multiple(() =>
        {
            Assert.That(((MethodReference)bump.Operand).ReturnType.FullName, Is.EqualTo("System.Int32"));
            Assert.That(current.Operand, Is.Not.InstanceOf<GenericInstanceMethod>());
        });
    }

    [Test]
    public void ConstructorsBecomeCreate()
    {
        MethodDefinition run = _module.GetType(SampleAssembly.Namespace + ".Threads").Methods.Single(m => m.Name == "RunThreads");
        var create = SampleAssembly.CallsTo(run, "ScheduleExplorer.Controlled.ControlledThread", "Create").Single();
        Assert.Multiple(() =>
        {
            Assert.That(create.OpCode, Is.EqualTo(OpCodes.Call));
            Assert.That(((MethodReference)create.Operand).Parameters.Single().ParameterType.FullName, Is.EqualTo("System.Threading.ThreadStart"));
        });
    }

    [Test]
    public void BaseCallFromAnOverrideIsLeftAlone()
    {
        MethodDefinition next = SampleAssembly.Method(_module, "SeededRandom", "Next");
        Assert.That(SampleAssembly.CallsTo(next, "System.Random", "Next").Single().OpCode, Is.EqualTo(OpCodes.Call));
    }

    [Test]
    public void ShimsAreReferencedThroughSystemRuntimeNotCoreLib()
    {
        var references = _module.AssemblyReferences.Select(r => r.Name).ToList();
        Assert.That(references, Does.Contain("ScheduleExplorer").And.Contain("System.Runtime").And.No.EqualTo("System.Private.CoreLib"));
    }

    [Test]
    public void TheMarkerNamesTheHarnessVersion()
    {
        TypeDefinition marker = _module.GetType("<ScheduleExplorer>Rewritten");
        Assert.That(marker, Is.Not.Null);
        Assert.That(marker.Fields.Single().Constant, Is.EqualTo(typeof(AssemblyRewriter).Assembly.GetName().Version!.ToString(3)));
    }
}
