using ScheduleExplorer.Testing;

namespace ScheduleExplorer.Cli.Parallel;

/// <summary>
/// The part's side of a <c>--parallel</c> run: reports every iteration to the parent, and when its
/// exploration ended waits for the parent's verdict: discard its result, or print the run's.
/// </summary>
internal sealed class PartChild
{
    private readonly TaskCompletionSource<string> _verdict = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TextWriter _output;

    /// <summary>A part that writes its lines to <paramref name="output"/> (its standard output).</summary>
    public PartChild(TextWriter output) => _output = output;

    /// <summary>The configuration's iteration callback.</summary>
    public void IterationEnded(ExploredIteration iteration) => WriteLine(PartProtocol.Iteration(iteration));

    /// <summary>A line from the parent other than "stop".</summary>
    public void ParentLine(string line)
    {
        if (line == PartProtocol.Discard || line.StartsWith(PartProtocol.FinishPrefix, StringComparison.Ordinal))
        {
            _verdict.TrySetResult(line);
        }
    }

    /// <summary>Says the exploration ended and waits for the verdict: null to discard, else the run's totals.</summary>
    public PartTotals? AwaitVerdict()
    {
        WriteLine(PartProtocol.Ended);
        string line = _verdict.Task.GetAwaiter().GetResult();
        return line == PartProtocol.Discard ? null : PartTotals.Parse(line);
    }

    /// <summary>Writes the bug's trace into <paramref name="directory"/> as a serial run names it, and returns the report with its path.</summary>
    public static TestReport WriteTrace(TestReport report, string? directory)
    {
        if (report.Trace is not { } trace || directory is null)
        {
            return report;
        }

        return report with { TracePath = TestingEngine.WriteTraceFile(trace, directory) };
    }

    private void WriteLine(string line)
    {
        lock (_output)
        {
            _output.WriteLine(line);
            _output.Flush();
        }
    }
}
