using Mono.Cecil;
using Mono.Cecil.Cil;

namespace ScheduleExplorer.Rewriting.Tests;

public sealed class HookTests
{
    private ModuleDefinition _module = null!;

    [OneTimeSetUp]
    public void ReadRewritten() => _module = SampleAssembly.Read(SampleAssembly.Rewritten);

    [OneTimeTearDown]
    public void Dispose() => _module.Dispose();

    [Test]
    public void UncontrolledCallsAreChecked_WithTheirSite()
    {
        MethodDefinition wait = SampleAssembly.Method(_module, "Uncontrolled", "WaitOnPool");
        Instruction call = SampleAssembly.CallsTo(wait, "System.Threading.ThreadPool", "RegisterWaitForSingleObject").Single();
        Instruction check = call.Previous;
        Assert.Multiple(() =>
        {
            Assert.That(((MethodReference)check.Operand).FullName, Is.EqualTo("System.Void ScheduleExplorer.Controlled.UncontrolledCall::Check(System.String)"));
            Assert.That(check.Previous.Operand, Is.EqualTo("ThreadPool.RegisterWaitForSingleObject"));
            Assert.That(check.Previous.Previous.OpCode, Is.EqualTo(OpCodes.Call), "the site is set for the report");
            Assert.That(check.Previous.Previous.Previous.Operand, Does.Match(@"^Uncontrolled\.cs:\d+$"));
        });
    }

    [Test]
    public void ThreadPoolAndTaskCallsAreRedirected()
    {
        MethodDefinition queue = SampleAssembly.Method(_module, "Threads", "QueueAndWait");
        MethodDefinition run = SampleAssembly.Method(_module, "Uncontrolled", "RunOnPool");
        string[] shims = [.. queue.Body.Instructions.Concat(run.Body.Instructions)
            .Where(i => i.Operand is MethodReference m && m.DeclaringType.Namespace == "ScheduleExplorer.Controlled")
            .Select(i => ((MethodReference)i.Operand).DeclaringType.Name + "." + ((MethodReference)i.Operand).Name)
            .Where(name => !name.StartsWith("ControlledSite", StringComparison.Ordinal) && !name.StartsWith("ControlledMemory", StringComparison.Ordinal))];
        Assert.That(shims, Is.SupersetOf(new[] { "ControlledThreadPool.QueueUserWorkItem", "ControlledTask.Run", "ControlledTaskOfT.get_Result" }));
    }

    [TestCase("RunOnPool", new string[0])]
    [TestCase("WaitAsync", new string[0])]
    [TestCase("StartOnTheDefaultScheduler", new string[0])]
    [TestCase("WaitOnPool", new[] { "ThreadPool.RegisterWaitForSingleObject" })]
    [TestCase("StartTimer", new string[0])]
    public void UncontrolledApisAreCheckedByName(string method, string[] apis)
    {
        MethodDefinition body = SampleAssembly.Method(_module, "Uncontrolled", method);
        var checkedApis = body.Body.Instructions.Where(i => i.Operand is MethodReference { Name: "Check" }).Select(i => (string)i.Previous.Operand);
        Assert.That(checkedApis, Is.EqualTo(apis));
    }

    [Test]
    public void AnAsyncMethodStartsThroughTheControlledBuilder()
    {
        MethodDefinition kickoff = SampleAssembly.Method(_module, "Threads", "AddAsync");
        Assert.Multiple(() =>
        {
            Assert.That(kickoff.Body.Instructions.Where(i => i.Operand is MethodReference { Name: "Check" }), Is.Empty);
            Assert.That(
                kickoff.Body.Instructions.Select(i => i.Operand).OfType<MethodReference>().Select(m => m.DeclaringType.Name + "." + m.Name),
                Does.Contain("ControlledAsyncMethodBuilder.Start"));
        });
    }

    [Test]
    public void RedirectedCallsAreNotChecked()
    {
        MethodDefinition semaphore = SampleAssembly.Method(_module, "Threads", "Semaphore");
        Assert.That(semaphore.Body.Instructions.Where(i => i.Operand is MethodReference { Name: "Check" }), Is.Empty);
    }

    [Test]
    public void EveryBackwardBranchReportsABackEdge()
    {
        MethodDefinition count = SampleAssembly.Method(_module, "Spinning", "Count");
        Instruction backEdge = SampleAssembly.CallsTo(count, "ScheduleExplorer.Controlled.ControlledLoop", "BackEdge").Single();
        Instruction branch = backEdge.Next;
        Assert.Multiple(() =>
        {
            Assert.That(backEdge.Previous.Operand, Does.Match(@"^Spinning\.cs:\d+$"));
            Assert.That(branch.OpCode.FlowControl, Is.EqualTo(FlowControl.Cond_Branch));
            Assert.That(((Instruction)branch.Operand).Offset, Is.LessThan(branch.Offset));
        });
    }

    [Test]
    public void BackEdgesCanBeTurnedOff()
    {
        RewrittenAssembly rewritten = SampleAssembly.CreateRewriter(backEdges: false).Rewrite(SampleAssembly.Path);
        using ModuleDefinition module = SampleAssembly.Read(rewritten);
        var backEdges = SampleAssembly.Bodies(module).SelectMany(m => SampleAssembly.CallsTo(m, "ScheduleExplorer.Controlled.ControlledLoop", "BackEdge"));
        Assert.Multiple(() =>
        {
            Assert.That(rewritten.Statistics.BackEdges, Is.Zero);
            Assert.That(backEdges, Is.Empty);
        });
    }

    [Test]
    public void ASequencePointAtAHookedInstructionMovesToTheHook()
    {
        using ModuleDefinition original = SampleAssembly.ReadOriginal();
        MethodDefinition before = SampleAssembly.Method(original, "Failures", "Fail");
        MethodDefinition after = SampleAssembly.Method(_module, "Failures", "Fail");
        Instruction load = after.Body.Instructions.Single(i => i.OpCode == OpCodes.Ldsfld && ((FieldReference)i.Operand).Name == "s_message");
        Instruction hookStart = load.Previous.Previous.Previous;
        SequencePoint? point = after.DebugInformation.GetSequencePoint(hookStart);
        Assert.Multiple(() =>
        {
            Assert.That(hookStart.Operand, Is.EqualTo(SampleAssembly.Namespace + ".Failures.s_message"));
            Assert.That(point, Is.Not.Null, "the statement's sequence point is at the first hook instruction");
            Assert.That(after.DebugInformation.GetSequencePoint(load), Is.Null);
            Assert.That(after.DebugInformation.SequencePoints.Select(p => p.StartLine), Is.EqualTo(before.DebugInformation.SequencePoints.Select(p => p.StartLine)));
        });
    }
}
