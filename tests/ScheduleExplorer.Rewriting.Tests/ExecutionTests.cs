using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using ScheduleExplorer.Controlled;
using ScheduleExplorer.Rewriting.Tests.Samples;

namespace ScheduleExplorer.Rewriting.Tests;

/// <summary>Rewritten code loads in a <see cref="RewritingAssemblyLoadContext"/> and runs like the original outside a controlled run.</summary>
[NonParallelizable]
public sealed partial class ExecutionTests
{
    private RewritingAssemblyLoadContext _context = null!;
    private Assembly _rewritten = null!;

    [OneTimeSetUp]
    public void Load()
    {
        _context = new RewritingAssemblyLoadContext(SampleAssembly.Path, SampleAssembly.CreateRewriter(), _ => true);
        _rewritten = _context.LoadMain();
    }

    [OneTimeTearDown]
    public void Unload() => _context.Unload();

    [Test]
    public void TheMainAssemblyIsTheRewrittenOneAndTheRuntimeIsShared()
    {
        Assert.Multiple(() =>
        {
            Assert.That(AssemblyLoadContext(_rewritten), Is.SameAs(_context));
            Assert.That(_rewritten.GetType("<ScheduleExplorer>Rewritten"), Is.Not.Null);
            Assert.That(_context.LoadMain(), Is.SameAs(_rewritten));
            Assert.That(_context.Assemblies.Select(a => a.GetName().Name), Is.EqualTo(new[] { SampleAssembly.Namespace }));
        });

        Call(Create("LockedCounter"), "Increment");

        // The hook ran in the engine's copy of the runtime: its statics are shared.
        Assert.That(ControlledSite.Current, Does.Match(@"^LockedCounter\.cs:\d+$"));
        Assert.That(_context.Assemblies.Count(), Is.EqualTo(1), "ScheduleExplorer comes from the default context");
    }

    [Test]
    public void LocksCountersAndAtomicsGiveTheSameResults()
    {
        var locked = new LockedCounter();
        var scoped = new ScopedCounter();
        object rewrittenLocked = Create("LockedCounter");
        object rewrittenScoped = Create("ScopedCounter");
        for (int i = 0; i < 3; i++)
        {
            Assert.That(Call(rewrittenLocked, "Increment"), Is.EqualTo(locked.Increment()));
            Assert.That(Call(rewrittenScoped, "Increment"), Is.EqualTo(scoped.Increment()));
        }

        AtomicOps.Reset();
        Invoke("AtomicOps", "Reset");
        Assert.Multiple(() =>
        {
            Assert.That(Call(rewrittenScoped, "IsHeld"), Is.EqualTo(scoped.IsHeld()));
            Assert.That(Invoke("AtomicOps", "Bump"), Is.EqualTo(AtomicOps.Bump()));
            Assert.That(Invoke("AtomicOps", "Current"), Is.EqualTo(AtomicOps.Current()));
            Assert.That(Invoke("AtomicOps", "SwapName", "x"), Is.EqualTo(AtomicOps.SwapName("x")));
            Assert.That(Invoke("AtomicOps", "ReadName"), Is.EqualTo(AtomicOps.ReadName()));
            Assert.That(Invoke("AtomicOps", "SetFlag"), Is.EqualTo(AtomicOps.SetFlag()));
        });
    }

    [Test]
    public void FieldShapesGiveTheSameResults()
    {
        var shapes = new FieldShapes(5);
        object rewritten = Create("FieldShapes", 5);
        Assert.Multiple(() =>
        {
            Assert.That(Call(rewritten, "Ternary", true, 3), Is.EqualTo(shapes.Ternary(true, 3)));
            Assert.That(Call(rewritten, "Ternary", false, 3), Is.EqualTo(shapes.Ternary(false, 3)));
            Assert.That(Call(rewritten, "Guarded", 4), Is.EqualTo(shapes.Guarded(4)));
            Assert.That(Call(rewritten, "Publish", 7), Is.EqualTo(shapes.Publish(7)));
            Assert.That(Call(rewritten, "Clamp", 9), Is.EqualTo(shapes.Clamp(9)));
            Assert.That(Call(rewritten, "CountHit"), Is.EqualTo(shapes.CountHit()));
            Assert.That(Invoke("FieldShapes", "SumClassified", 23), Is.EqualTo(FieldShapes.SumClassified(23)));
            Assert.That(Invoke("FieldShapes", "GuardedStatic"), Is.EqualTo(FieldShapes.GuardedStatic()));
        });
        var thrown = Assert.Throws<TargetInvocationException>(() => Call(rewritten, "Guarded", -1));
        Assert.That(thrown!.InnerException, Is.TypeOf<ArgumentOutOfRangeException>());
    }

    [Test]
    public void ClosuresLoopsThreadsAndStaticsGiveTheSameResults()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Invoke("Closures", "CountWithClosure", 17), Is.EqualTo(Closures.CountWithClosure(17)));
            Assert.That(Invoke("Closures", "SumArray", 10), Is.EqualTo(Closures.SumArray(10)));
            Assert.That(Invoke("Spinning", "Count", 1000), Is.EqualTo(Spinning.Count(1000)));
            Assert.That(Invoke("Spinning", "Roll", 42), Is.EqualTo(Spinning.Roll(42)));
            Assert.That(Invoke("StaticInit", "Get"), Is.EqualTo(StaticInit.Get()));
            Assert.That(Invoke("Threads", "RunThreads", 4, 250), Is.EqualTo(1000));
            Assert.That(Invoke("Threads", "QueueAndWait"), Is.EqualTo(42));
            Assert.That(Invoke("Threads", "Semaphore", 5), Is.EqualTo(5));
            Assert.That(((Task<int>)Invoke("Threads", "AddAsync", 2, 3)!).Result, Is.EqualTo(5));
        });
        Invoke("Spinning", "Check", true);
    }

    [Test]
    public void AnExceptionFromRewrittenCodeKeepsItsFileAndLine()
    {
        string originalTrace = Assert.Throws<InvalidOperationException>(() => new Failures().Fail(1))!.StackTrace!;
        var thrown = Assert.Throws<TargetInvocationException>(() => Call(Create("Failures"), "Fail", 1));
        string rewrittenTrace = thrown!.InnerException!.StackTrace!;
        string expected = FileAndLine().Match(originalTrace).Value;
        Assert.Multiple(() =>
        {
            Assert.That(expected, Does.Match(@"^Failures\.cs:line \d+$"));
            Assert.That(FileAndLine().Match(rewrittenTrace).Value, Is.EqualTo(expected));
        });
    }

    [Test]
    public void TheContextUnloads()
    {
        WeakReference context = LoadRunAndUnload();
        for (int i = 0; i < 20 && context.IsAlive; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }

        Assert.That(context.IsAlive, Is.False);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference LoadRunAndUnload()
    {
        var context = new RewritingAssemblyLoadContext(SampleAssembly.Path, SampleAssembly.CreateRewriter(), _ => true);
        Type counter = context.LoadMain().GetType(SampleAssembly.Namespace + ".LockedCounter", throwOnError: true)!;
        object instance = Activator.CreateInstance(counter)!;
        Assert.That(counter.GetMethod("Increment")!.Invoke(instance, null), Is.EqualTo(1));
        context.Unload();
        return new WeakReference(context);
    }

    private static System.Runtime.Loader.AssemblyLoadContext? AssemblyLoadContext(Assembly assembly) =>
        System.Runtime.Loader.AssemblyLoadContext.GetLoadContext(assembly);

    private Type TypeOf(string name) => _rewritten.GetType(SampleAssembly.Namespace + "." + name, throwOnError: true)!;

    private object Create(string type, params object[] arguments) => Activator.CreateInstance(TypeOf(type), arguments)!;

    private object? Invoke(string type, string method, params object?[] arguments) =>
        TypeOf(type).GetMethod(method, BindingFlags.Public | BindingFlags.Static)!.Invoke(null, arguments);

    private static object? Call(object instance, string method, params object?[] arguments) =>
        instance.GetType().GetMethod(method, BindingFlags.Public | BindingFlags.Instance)!.Invoke(instance, arguments);

    [GeneratedRegex(@"Failures\.cs:line \d+")]
    private static partial Regex FileAndLine();
}
