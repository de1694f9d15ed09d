using ScheduleExplorer.Detection;
using ScheduleExplorer.Reporting;
using ScheduleExplorer.Runtime;
using ScheduleExplorer.Testing;
using ScheduleExplorer.Traces;

namespace ScheduleExplorer.Cli.Tests;

/// <summary>A bug in a schedule of a thousand threads gives a report of kilobytes, not megabytes.</summary>
[TestFixture]
public sealed class ReportSizeTests
{
    [Test]
    public void Format_ThousandOperations_SummarizesTheLanesAndOmitsTheToken()
    {
        string report = BugReportWriter.Format(Report(operations: 1_000, steps: 20_000), "schedex replay A.dll t.json");
        Assert.Multiple(() =>
        {
            Assert.That(report.Length, Is.LessThan(4_000));
            Assert.That(report, Does.Contain("(1,000 operations and 20,000 steps: too many lanes to show here"));
            Assert.That(report, Does.Contain("Token: none for a trace of 20,000 steps"));
            Assert.That(report, Does.Contain("Trace: traces/T.M.random.seed0.json"));
            Assert.That(report, Does.Contain("Replay: schedex replay A.dll t.json"));
        });
    }

    [Test]
    public void Format_SmallSchedule_DrawsLanesAndToken()
    {
        string report = BugReportWriter.Format(Report(operations: 3, steps: 30));
        Assert.That(report, Does.Contain("Token: schedex1:"));
        Assert.That(report, Does.Not.Contain("too many lanes"));
    }

    private static TestReport Report(int operations, int steps)
    {
        var trace = new ScheduleTrace
        {
            Harness = "ScheduleExplorer 0.1.0",
            Assembly = "A",
            Mvid = Guid.Empty,
            Method = "N.T.M",
            Strategy = "random",
            Seed = 0,
            Iteration = 0,
            Options = new TraceSettings { MaxSteps = 1_000_000 },
            Bug = new TraceBug { Kind = "UnhandledException", Message = "boom" },
            Operations = [.. Enumerable.Range(0, operations).Select(i => $"thread {i}")],
            Steps = [.. Enumerable.Range(0, steps).Select(i => new TraceStep { Kind = SchedulingPointKind.Write, By = i % operations, Next = (i + 1) % operations, Site = "W.cs:1", Target = "W.counter" })],
        };
        return new TestReport
        {
            Method = "N.T.M",
            Strategy = "random",
            Seed = 0,
            Iterations = 1,
            FirstBugIteration = 1,
            Bug = new BugReport(BugKind.UnhandledException, "boom", "details", "thread 0"),
            Trace = trace,
            TracePath = "traces/T.M.random.seed0.json",
        };
    }
}
