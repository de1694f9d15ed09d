using ScheduleExplorer.Cli.Parallel;

namespace ScheduleExplorer.Cli.Tests;

/// <summary>The live progress line: its text, and how it is rewritten in place and erased.</summary>
[TestFixture]
public sealed class ProgressLineTests
{
    [Test]
    public void Format_GivesIterationsRateBugsAndEta() => Assert.Multiple(() =>
    {
        Assert.That(ProgressLine.Format(1_500, 4_000, 0, TimeSpan.FromSeconds(1)), Is.EqualTo("1,500/4,000 iterations, 1,500 it/s, 0 bugs, ETA 0:00:02"));
        Assert.That(ProgressLine.Format(100, 10_000_000, 1, TimeSpan.FromSeconds(1)), Is.EqualTo("100/10,000,000 iterations, 100 it/s, 1 bug, ETA 27:46:39"));
        Assert.That(ProgressLine.Format(0, 10, 0, TimeSpan.Zero), Is.EqualTo("0/10 iterations, 0 it/s, 0 bugs, ETA ?"));
    });

    [Test]
    public void Show_RewritesTheLineInPlace_AndClearErasesIt()
    {
        using var terminal = new StringWriter();
        var line = new ProgressLine(terminal);
        line.Show(1_000, 2_000, 0, TimeSpan.FromSeconds(1));
        line.Show(1_001, 2_000, 0, TimeSpan.FromSeconds(1.1)); // within 200 ms: not redrawn
        line.Show(2, 2_000, 0, TimeSpan.FromSeconds(2));
        line.Clear();
        string first = "1,000/2,000 iterations, 1,000 it/s, 0 bugs, ETA 0:00:01";
        string second = "2/2,000 iterations, 1 it/s, 0 bugs, ETA 0:33:18";
        Assert.That(terminal.ToString(), Is.EqualTo($"\r{first}\r{second.PadRight(first.Length)}\r{new string(' ', second.Length)}\r"));
    }
}
