using System.Diagnostics;
using Microsoft.Extensions.Logging;
using NUnit.Framework;
using NUnit.Framework.Internal;
using ScheduleExplorer.Detection;
using ScheduleExplorer.Reporting;
using ScheduleExplorer.Testing;
using ScheduleExplorer.Traces;

namespace ScheduleExplorer.NUnit;

/// <summary>
/// Explores and replays plain C# workloads from NUnit tests. The workload's assembly is rewritten in
/// memory (no post-build step); a bug's trace is written under the test's work directory and
/// attached to the test result, and its report is printed.
/// </summary>
/// <example>
/// <code>
/// var report = ControlledTest.Explore(typeof(LostUpdate), "Unsynchronized", new TestConfiguration { Iterations = 1000 });
/// ControlledTest.AssertBugFound(report, BugKind.UnhandledException);
/// </code>
/// </example>
public static class ControlledTest
{
    // The assembly each explored report came from, for the replay command of AssertNoBug's message.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<TestReport, string> s_assemblies = [];
    private const int MaxPageSteps = 20_000;
    private static readonly ILoggerFactory s_loggers = LoggerFactory.Create(builder => builder.AddProvider(new NUnitLoggerProvider(LogLevel.Warning)));

    /// <summary>The folder where traces of bugs found by tests are written.</summary>
    public static string TracesDirectory => Path.Combine(TestContext.CurrentContext.WorkDirectory, "traces");

    /// <summary>
    /// Explores <paramref name="method"/> of <paramref name="type"/> (a public parameterless method,
    /// or a sized overload named with integer arguments such as "OrderedForks(3, 1)").
    /// </summary>
    public static TestReport Explore(Type type, string method, TestConfiguration? configuration = null)
    {
        ArgumentNullException.ThrowIfNull(type);
        configuration ??= ExplorationDefaults.Configuration();
        if (configuration.TracesDirectory is null)
        {
            configuration = configuration with { TracesDirectory = TracesDirectory };
        }

        configuration = configuration with { IterationScope = configuration.IterationScope ?? IsolatedIteration };

        using var engine = TestingEngine.Create(configuration, type.Assembly.Location, $"{type.FullName}.{method}", s_loggers);
        var report = engine.Run();
        Publish(report, type);
        return report;
    }

    /// <summary>
    /// Replays the trace at <paramref name="tracePath"/> against the method and assembly it names
    /// (the assembly is looked up next to the test assembly). Under a debugger the run breaks in the
    /// workload at the last recorded step.
    /// </summary>
    /// <exception cref="TraceFormatException">The file is missing or not a trace.</exception>
    /// <exception cref="WorkloadException">The trace's assembly is not next to the test assembly, or was rebuilt.</exception>
    public static TestReport Replay(string tracePath)
    {
        var trace = TraceSerializer.ReadFile(tracePath);
        string assembly = Path.Combine(TestContext.CurrentContext.TestDirectory, trace.Assembly + ".dll");
        if (!File.Exists(assembly))
        {
            throw new WorkloadException($"{Path.GetFileName(tracePath)} was recorded against {trace.Assembly}, which is not in {TestContext.CurrentContext.TestDirectory}: reference its project from the test project.");
        }

        using var engine = TestingEngine.Create(new TestConfiguration(), assembly, trace.Method, s_loggers);
        var report = engine.Replay(trace, Debugger.IsAttached);
        TestContext.Out.WriteLine(BugReportWriter.Format(report, stepsPerOperation: 4));
        return report;
    }

    /// <summary>
    /// Replays the trace at <paramref name="tracePath"/> against its workload in
    /// <paramref name="type"/>'s assembly. Under a debugger the run breaks in the workload at the
    /// last recorded step (the step that fails); set breakpoints in the workload as usual.
    /// <paramref name="hangTimeout"/> bounds a hang in uncontrolled code (default 5 s).
    /// </summary>
    public static TestReport Replay(Type type, string tracePath, bool? breakAtBug = null, TimeSpan? hangTimeout = null)
    {
        ArgumentNullException.ThrowIfNull(type);
        var trace = TraceSerializer.ReadFile(tracePath);
        using var engine = TestingEngine.Create(new TestConfiguration { HangTimeout = hangTimeout ?? new TestConfiguration().HangTimeout, IterationScope = IsolatedIteration }, type.Assembly.Location, trace.Method, s_loggers);
        var report = engine.Replay(trace, breakAtBug ?? Debugger.IsAttached);
        TestContext.Out.WriteLine(BugReportWriter.Format(report, stepsPerOperation: 4));
        return report;
    }

    /// <summary>
    /// Each iteration records its NUnit assertions in a context of its own, discarded when it ends: a
    /// failing schedule's message is its own assertion's, never "Multiple failures" gathered from the
    /// re-runs of minimization, and the explored test's result is only the verdict.
    /// </summary>
    private static IDisposable IsolatedIteration() => new TestExecutionContext.IsolatedContext();

    /// <summary>
    /// Fails the test unless <paramref name="report"/> found a bug (of <paramref name="kind"/>, when
    /// given); ends it as inconclusive when the run could not test the code.
    /// </summary>
    /// <exception cref="InconclusiveException">The verdict is <see cref="Verdict.CouldNotTest"/>.</exception>
    public static void AssertBugFound(TestReport report, BugKind? kind = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        AssertTested(report);
        Assert.That(report.Bug, Is.Not.Null, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"expected a bug in {report.Method}, but {report.Iterations:N0} iterations found none"));
        if (kind is { } expected)
        {
            Assert.That(report.Bug!.Kind, Is.EqualTo(expected), report.Bug.Message);
        }
    }

    /// <summary>
    /// Fails the test with the full bug report if <paramref name="report"/> found a bug; ends it as
    /// inconclusive when the run could not test the code ("no bug" would not be true).
    /// </summary>
    /// <exception cref="InconclusiveException">The verdict is <see cref="Verdict.CouldNotTest"/>.</exception>
    public static void AssertNoBug(TestReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (report.Bug is not null)
        {
            Assert.Fail(BugReportWriter.Format(report, ReplayCommandOf(report)));
        }

        AssertTested(report);
    }

    /// <summary>Ends the test as inconclusive, with what could not be tested and what to do, unless the run tested the code.</summary>
    /// <exception cref="InconclusiveException">The verdict is <see cref="Verdict.CouldNotTest"/>.</exception>
    public static void AssertTested(TestReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (report.Verdict == Verdict.CouldNotTest)
        {
            Assert.Inconclusive(report.CouldNotTest!.Summary);
        }
    }

    /// <summary>The <c>schedex replay</c> line of a report's trace, for the test in <paramref name="type"/>'s assembly; null without a trace file.</summary>
    internal static string? ReplayCommand(Type type, TestReport report)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(report);
        return report.TracePath is { } path ? $"schedex replay {type.Assembly.Location} {Path.GetFullPath(path)} --break" : null;
    }

    private static string? ReplayCommandOf(TestReport report) =>
        s_assemblies.TryGetValue(report, out string? assembly) && report.TracePath is { } path ? $"schedex replay {assembly} {Path.GetFullPath(path)} --break" : null;

    private static void Publish(TestReport report, Type type)
    {
        s_assemblies.AddOrUpdate(report, type.Assembly.Location);
        if (report.TracePath is { } path && File.Exists(path))
        {
            TestContext.AddTestAttachment(path, $"ScheduleExplorer trace: {report.Bug?.Kind}");
        }

        // The page of a very long schedule would be tens of megabytes; `schedex show --steps` renders part of it.
        if (report.TracePath is { } tracePath && File.Exists(tracePath) && report.Trace is { Steps.Count: <= MaxPageSteps })
        {
            string page = Path.ChangeExtension(tracePath, ".html");
            File.WriteAllText(page, Reporting.Timeline.TraceViews.Html(report.Trace!, new Reporting.Timeline.TraceViewOptions { SourceRoots = SourceRoots() }));
            TestContext.AddTestAttachment(page, "ScheduleExplorer trace, every step (HTML)");
        }

        TestContext.Out.WriteLine(BugReportWriter.Format(report, ReplayCommand(type, report), stepsPerOperation: 4));
    }

    /// <summary>The folders the page looks source files up in: the test's folder and the repository above it (the first with a .git or a .sln).</summary>
    private static string[] SourceRoots()
    {
        for (var directory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); directory is not null; directory = directory.Parent)
        {
            if (Directory.Exists(Path.Combine(directory.FullName, ".git")) || File.Exists(Path.Combine(directory.FullName, ".git")) || directory.EnumerateFiles("*.sln*").Any())
            {
                return [directory.FullName];
            }
        }

        return [TestContext.CurrentContext.TestDirectory];
    }
}
