using System.Globalization;
using ScheduleExplorer.Testing;

namespace ScheduleExplorer.Cli.Parallel;

/// <summary>
/// The whole <c>--parallel</c> run's figures, sent to the part that prints the result: what one
/// process exploring the same iterations in order would have counted up to where it stopped.
/// </summary>
/// <param name="Iterations">Iterations explored, up to and including the one that ended the run.</param>
/// <param name="TotalSteps">Their scheduling steps.</param>
/// <param name="MaxSteps">The most steps of one of them.</param>
/// <param name="StepBoundHits">How many of them the step bound cut off.</param>
/// <param name="FirstStepBoundIteration">The 1-based number of the first one cut off, or null.</param>
/// <param name="Elapsed">The run's wall-clock time.</param>
/// <param name="Interrupted">Whether a signal stopped the run before its last iteration.</param>
/// <param name="KeepResult">Whether the part's bug or "could not test" is the run's (false: the run ended before it).</param>
internal sealed record PartTotals(int Iterations, long TotalSteps, int MaxSteps, int StepBoundHits, int? FirstStepBoundIteration, TimeSpan Elapsed, bool Interrupted, bool KeepResult)
{
    /// <summary>The verdict line for the part.</summary>
    public string Format() => string.Create(
        CultureInfo.InvariantCulture,
        $"{PartProtocol.FinishPrefix}{Iterations} {TotalSteps} {MaxSteps} {StepBoundHits} {FirstStepBoundIteration ?? 0} {Elapsed.Ticks} {(Interrupted ? 1 : 0)} {(KeepResult ? 1 : 0)}");

    /// <summary>Reads a verdict line written by <see cref="Format"/>.</summary>
    /// <exception cref="FormatException">The line is not a verdict.</exception>
    public static PartTotals Parse(string line)
    {
        if (!line.StartsWith(PartProtocol.FinishPrefix, StringComparison.Ordinal))
        {
            throw new FormatException($"not a verdict line: '{line}'");
        }

        string[] f = line[PartProtocol.FinishPrefix.Length..].Split(' ');
        if (f.Length != 8)
        {
            throw new FormatException($"not a verdict line: '{line}'");
        }

        var c = CultureInfo.InvariantCulture;
        int firstHit = int.Parse(f[4], c);
        return new PartTotals(int.Parse(f[0], c), long.Parse(f[1], c), int.Parse(f[2], c), int.Parse(f[3], c), firstHit == 0 ? null : firstHit, TimeSpan.FromTicks(long.Parse(f[5], c)), f[6] == "1", f[7] == "1");
    }

    /// <summary>
    /// <paramref name="report"/>, the part's own, with the run's figures: its bug or its reason it could
    /// not test only when <see cref="KeepResult"/>, and the step-bound verdict recomputed over the whole run.
    /// </summary>
    public TestReport Apply(TestReport report, int maxSteps)
    {
        ArgumentNullException.ThrowIfNull(report);
        var ownResult = KeepResult && report.CouldNotTest is { Cause: not Detection.CouldNotTestCause.StepBound } ? report.CouldNotTest : null;
        var bug = KeepResult ? report.Bug : null;
        var couldNotTest = ownResult ?? (bug is null && StepBoundHits > 0 ? TestReport.StepBoundVerdict(StepBoundHits, Iterations, maxSteps, FirstStepBoundIteration) : null);
        return report with
        {
            Iterations = Iterations,
            TotalSteps = TotalSteps,
            MaxStepsInIteration = MaxSteps,
            StepBoundHits = StepBoundHits,
            Elapsed = Elapsed,
            Interrupted = Interrupted,
            Bug = bug,
            BugsFound = bug is null ? 0 : report.BugsFound,
            FirstBugIteration = bug is null ? null : report.FirstBugIteration,
            Trace = bug is null ? null : report.Trace,
            TracePath = null,
            BugPreemptions = bug is null ? 0 : report.BugPreemptions,
            BugPreemptionsFound = bug is null ? 0 : report.BugPreemptionsFound,
            CouldNotTest = couldNotTest,
        };
    }
}
