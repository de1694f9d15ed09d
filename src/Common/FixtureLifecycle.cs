using System.Reflection;
using System.Runtime.ExceptionServices;
using ScheduleExplorer.Testing;

namespace ScheduleExplorer.Common;

/// <summary>
/// NUnit's fixture methods around a test entry: <c>[OneTimeSetUp]</c> and <c>[SetUp]</c> before it
/// (base class first), <c>[TearDown]</c> and <c>[OneTimeTearDown]</c> after it (derived class first),
/// the tear-downs of a level only when its set-ups ran, even when the test failed. Attributes are
/// matched by name, so any NUnit version works and NUnit need not be loaded in the host.
/// Every iteration is a fresh fixture that runs all four: an iteration must replay on its own, so
/// no state may flow from one iteration into the next (the statics are reset too).
/// </summary>
internal sealed class FixtureLifecycle
{
    private const string Framework = "NUnit.Framework.";
    private readonly List<Level> _levels;

    private FixtureLifecycle(List<Level> levels) => _levels = levels;

    /// <summary>Whether the fixture declares no set-up or tear-down at all.</summary>
    public bool IsEmpty => _levels.Count == 0;

    /// <summary>The fixture methods of <paramref name="type"/> and its base classes.</summary>
    public static FixtureLifecycle Of(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        var chain = new List<Type>();
        for (Type? t = type; t is not null && t != typeof(object); t = t.BaseType)
        {
            chain.Insert(0, t);
        }

        var levels = new List<Level>();
        foreach (Type t in chain)
        {
            var methods = t.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly);
            var level = new Level(
                [.. methods.Where(m => Has(m, "OneTimeSetUpAttribute"))],
                [.. methods.Where(m => Has(m, "SetUpAttribute"))],
                [.. methods.Where(m => Has(m, "TearDownAttribute"))],
                [.. methods.Where(m => Has(m, "OneTimeTearDownAttribute"))]);
            if (!level.IsEmpty)
            {
                levels.Add(level);
            }
        }

        return new FixtureLifecycle(levels);
    }

    /// <summary>Runs the set-ups, <paramref name="test"/> and the tear-downs of the levels set up; the first failure wins.</summary>
    public void Run(object? instance, Action test, Action<object?, string> awaitResult)
    {
        ArgumentNullException.ThrowIfNull(test);
        ArgumentNullException.ThrowIfNull(awaitResult);
        int setUp = 0;
        ExceptionDispatchInfo? failure = null;
        try
        {
            foreach (Level level in _levels)
            {
                // A level counts as set up once it has started: NUnit tears down what it began.
                setUp++;
                Call(level.OneTimeSetUp, instance, awaitResult);
                Call(level.SetUp, instance, awaitResult);
            }

            test();
        }
        catch (Exception e)
        {
            failure = ExceptionDispatchInfo.Capture(e);
        }

        for (int i = setUp - 1; i >= 0; i--)
        {
            try
            {
                Call(_levels[i].TearDown, instance, awaitResult);
                Call(_levels[i].OneTimeTearDown, instance, awaitResult);
            }
            catch (Exception e)
            {
                // Later tear-downs still run; the first failure is the one reported.
                failure ??= ExceptionDispatchInfo.Capture(e);
            }
        }

        failure?.Throw();
    }

    private static void Call(IReadOnlyList<MethodInfo> methods, object? instance, Action<object?, string> awaitResult)
    {
        foreach (MethodInfo method in methods)
        {
            object? result = EntryPoints.Invoke(method, method.IsStatic ? null : instance, []);
            awaitResult(result, method.Name);
        }
    }

    private static bool Has(MethodInfo method, string attribute) =>
        method.GetParameters().Length == 0
        && method.CustomAttributes.Any(a => a.AttributeType.FullName == Framework + attribute);

    private sealed record Level(
        IReadOnlyList<MethodInfo> OneTimeSetUp,
        IReadOnlyList<MethodInfo> SetUp,
        IReadOnlyList<MethodInfo> TearDown,
        IReadOnlyList<MethodInfo> OneTimeTearDown)
    {
        public bool IsEmpty => OneTimeSetUp.Count + SetUp.Count + TearDown.Count + OneTimeTearDown.Count == 0;
    }
}
