using NUnit.Framework;
using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;
using NUnit.Framework.Internal.Commands;
using ScheduleExplorer.Detection;
using ScheduleExplorer.Reporting;
using ScheduleExplorer.Testing;

namespace ScheduleExplorer.NUnit;

/// <summary>
/// Replays one recorded trace instead of running the test body: the method the trace names, in the
/// assembly it names (found next to the test assembly), step for step. Under a debugger the run
/// breaks in the workload at the failing step; set breakpoints in the workload as usual. The test
/// fails with the bug report when the schedule reproduces its bug (or passes, with
/// <see cref="ExpectedBug"/> of that kind), and fails when the replay diverges.
/// </summary>
/// <example>
/// <code>
/// [Test, ReplayTrace("traces/LostUpdate.Unsynchronized.pct10.seed0.json")]
/// public void Replay_LostUpdate() { }   // debug this test to step through the failing schedule
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class ReplayTraceAttribute : NUnitAttribute, IWrapTestMethod, IApplyToTest
{
    /// <summary>
    /// The NUnit category every test with this attribute is in, so CI selects (or skips) trace replays:
    /// <c>dotnet test --filter TestCategory=ScheduleReplay</c>.
    /// </summary>
    public const string Category = "ScheduleReplay";

    /// <summary>Replays the trace at <paramref name="path"/>: absolute, or relative to the test folder or any folder above it (such as the repository root).</summary>
    public ReplayTraceAttribute(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Path = path;
    }

    /// <summary>The trace file as given.</summary>
    public string Path { get; }

    /// <summary>When set, the test passes only if the replay reproduces a bug of this kind.</summary>
    public BugKind ExpectedBug { get; set; } = (BugKind)(-1);

    /// <inheritdoc/>
    public void ApplyToTest(Test test)
    {
        ArgumentNullException.ThrowIfNull(test);
        if (!test.Properties[PropertyNames.Category].Contains(Category))
        {
            test.Properties.Add(PropertyNames.Category, Category);
        }
    }

    /// <inheritdoc/>
    public TestCommand Wrap(TestCommand command) => new ReplayCommand(command.Test, this);

    /// <summary>The trace file: <paramref name="path"/> if rooted, else the first match from <paramref name="testDirectory"/> upwards.</summary>
    /// <exception cref="FileNotFoundException">No folder holds it.</exception>
    public static string Resolve(string path, string testDirectory)
    {
        if (System.IO.Path.IsPathRooted(path))
        {
            return path;
        }

        for (var directory = new DirectoryInfo(testDirectory); directory is not null; directory = directory.Parent)
        {
            string candidate = System.IO.Path.Combine(directory.FullName, path);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"[ReplayTrace] trace not found: '{path}' is in neither {testDirectory} nor a folder above it.");
    }

    /// <summary>Replaces running the test method with replaying the trace.</summary>
    private sealed class ReplayCommand(Test test, ReplayTraceAttribute settings) : TestCommand(test)
    {
        public override TestResult Execute(TestExecutionContext context)
        {
            var result = context.CurrentResult;
            TestReport report;
            try
            {
                string trace = Resolve(settings.Path, TestContext.CurrentContext.TestDirectory);
                report = ControlledTest.Replay(trace);
            }
            catch (Exception e) when (e is IOException or Traces.TraceFormatException or WorkloadException)
            {
                result.SetResult(ResultState.Error, e.Message);
                return result;
            }

            bool expectsBug = Enum.IsDefined(settings.ExpectedBug);
            if (report.Divergence is { } divergence)
            {
                result.SetResult(ResultState.Failure, divergence);
            }
            else if (report.Bug is null && report.CouldNotTest is { } couldNotTest)
            {
                result.SetResult(ResultState.Inconclusive, couldNotTest.Summary);
            }
            else if (expectsBug ? report.Bug?.Kind == settings.ExpectedBug : report.Bug is null)
            {
                result.SetResult(ResultState.Success);
            }
            else
            {
                string text = report.Bug is null ? $"Expected a {settings.ExpectedBug} bug, but the replay ended without one." : BugReportWriter.Format(report);
                result.SetResult(ResultState.Failure, text);
            }

            return result;
        }
    }
}
