using System.Diagnostics;

namespace ScheduleExplorer.Cli.Parallel;

/// <summary>
/// The output of a serial run's child as the parent relays it when standard error is a terminal: the
/// child's iteration lines feed the <see cref="ProgressLine"/>, every other line goes to the output
/// (after the progress line is erased).
/// </summary>
internal sealed class ProgressRelay
{
    private readonly ProgressLine _line;
    private readonly TextWriter _output;
    private readonly int _total;
    private readonly Stopwatch _clock = new();
    private int _done;
    private int _bugs;

    /// <summary>A relay to <paramref name="output"/> for a run of <paramref name="total"/> iterations.</summary>
    public ProgressRelay(ProgressLine line, TextWriter output, int total)
    {
        _line = line;
        _output = output;
        _total = total;
        Writer = new LineWriter(Relay);
    }

    /// <summary>The child's output goes here.</summary>
    public TextWriter Writer { get; }

    private void Relay(string text)
    {
        if (PartProtocol.TryParseIteration(text, out var iteration))
        {
            _clock.Start();
            _done++;
            _bugs += iteration.EndsRun ? 1 : 0;
            _line.Show(_done, _total, _bugs, _clock.Elapsed);
            return;
        }

        _line.Clear();
        _output.WriteLine(text);
    }
}
