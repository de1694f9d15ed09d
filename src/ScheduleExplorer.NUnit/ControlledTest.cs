using System.Diagnostics;
using Microsoft.Extensions.Logging;
using NUnit.Framework;
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
        configuration ??= new TestConfiguration();
        if (configuration.TracesDirectory is null)
        {
            configuration = configuration with { TracesDirectory = TracesDirectory };
        }

        using var engine = TestingEngine.Create(configuration, type.Assembly.Location, $"{type.FullName}.{method}", s_loggers);
        var report = engine.Run();
        Publish(report);
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
        using var engine = TestingEngine.Create(new TestConfiguration { HangTimeout = hangTimeout ?? new TestConfiguration().HangTimeout }, type.Assembly.Location, trace.Method, s_loggers);
        var report = engine.Replay(trace, breakAtBug ?? Debugger.IsAttached);
        TestContext.Out.WriteLine(BugReportWriter.Format(report, stepsPerOperation: 4));
        return report;
    }

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
            Assert.Fail(BugReportWriter.Format(report));
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

    private static void Publish(TestReport report)
    {
        if (report.TracePath is { } path && File.Exists(path))
        {
            TestContext.AddTestAttachment(path, $"ScheduleExplorer trace: {report.Bug?.Kind}");
        }

        TestContext.Out.WriteLine(BugReportWriter.Format(report, stepsPerOperation: 4));
    }
}
