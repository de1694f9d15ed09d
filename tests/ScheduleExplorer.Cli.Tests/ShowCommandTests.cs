using ScheduleExplorer.Traces;

namespace ScheduleExplorer.Cli.Tests;

public sealed class ShowCommandTests
{
    private const string LostUpdate = "LostUpdate.Unsynchronized.pct10.seed0.json";
    private const string Philosophers = "DiningPhilosophers.LeftThenRight.pct10.seed0.json";

    private static CliRun Show(string trace, params string[] more) =>
        CliRun.Of(["show", Repository.Trace(trace), "--source", Path.Combine(Repository.Root, "src"), .. more]);

    private static string[] StepRows(CliRun run) =>
        [.. run.Out.Split('\n').Where(line => line.Length > 6 && line[..6].Trim().All(char.IsAsciiDigit) && line[..6].Trim().Length > 0)];

    /// <summary>The two-character mark column of a step row ("!↯", "✖ ", "  ").</summary>
    private static string Marks(string row) => System.Text.RegularExpressions.Regex.Match(row, " (?<m>[!✖ ][↯· ])  [A-Z][A-Za-z]+").Groups["m"].Value;

    [Test]
    public void Show_LostUpdate_FitsTheWidthAndMarksTheRacingAccessesWithTheirSource()
    {
        var run = Show(LostUpdate);
        var trace = TraceSerializer.ReadFile(Repository.Trace(LostUpdate));
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
            Assert.That(run.Out.Split('\n').Select(l => l.TrimEnd('\r').Length), Has.All.LessThanOrEqualTo(120));
            Assert.That(StepRows(run), Has.Length.EqualTo(trace.Steps.Count), "every step, one row each");
            Assert.That(run.Out, Does.Contain("#1 worker 0").And.Contain("#2 worker 1").And.Contain("#0 main"));
            Assert.That(StepRows(run).Where(r => Marks(r).StartsWith('!')).ToList(), Has.Count.GreaterThanOrEqualTo(3).And.All.Contain("_count").And.All.Contain("_count += 1;"), "the racing accesses, with the source text of their line");
            Assert.That(StepRows(run).Where(r => r.Contains("Complete → wakes #0", StringComparison.Ordinal)).ToList(), Has.Count.EqualTo(2).And.All.Contain("◄"), "each worker's end wakes main's join");
            Assert.That(StepRows(run).Count(r => Marks(r).EndsWith('↯')), Is.EqualTo(trace.Preemptions));
            Assert.That(Marks(StepRows(run)[^1]), Does.StartWith("✖"), "the failing step");
            Assert.That(run.Out, Does.Contain("RacyCounter.cs:17 in Increment"), "the site with its enclosing method");
            Assert.That(run.Out, Does.Not.Contain("<>c__"), "no compiler names");
        });
    }

    [Test]
    public void Show_Philosophers_MarksTheDeadlockCycle()
    {
        var rows = StepRows(Show(Philosophers));
        var stuck = rows.Where(r => Marks(r).StartsWith('✖')).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(stuck.Count(r => r.Contains("Acquire", StringComparison.Ordinal) && r.Contains("Philosopher.cs:81", StringComparison.Ordinal)), Is.EqualTo(5), "each philosopher, stuck on its second fork");
            Assert.That(stuck.Where(r => r.Contains("Acquire", StringComparison.Ordinal)).ToList(), Has.All.Contain("lock (second)"));
            Assert.That(rows.Where(r => Marks(r).StartsWith('!')), Is.Empty, "a deadlock's story is its cycle");
        });
    }

    [Test]
    public void Show_StepsAndOperation_ShowOnlyThoseRows()
    {
        var rows = StepRows(Show(LostUpdate, "--steps", "15..22", "--operation", "worker 1"));
        Assert.That(rows.Select(r => int.Parse(r[..6].Trim(), System.Globalization.CultureInfo.InvariantCulture)), Is.EqualTo(new[] { 15, 16, 17, 18 }));
    }

    [Test]
    public void Show_AToken_RendersLikeTheFile()
    {
        string token = TraceSerializer.ToToken(TraceSerializer.ReadFile(Repository.Trace(LostUpdate)));
        var fromToken = CliRun.Of("show", token, "--source", Path.Combine(Repository.Root, "src"));
        Assert.That(fromToken.Out, Is.EqualTo(Show(LostUpdate).Out));
    }

    [Test]
    public void Show_WithoutTheSource_StillShowsEverySite()
    {
        using var empty = new TempDirectory();
        var run = CliRun.Of("show", Repository.Trace(LostUpdate), "--source", empty.Path);
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(0));
            Assert.That(run.Out, Does.Contain("RacyCounter.cs:17").And.Not.Contain("_count += 1;"));
        });
    }

    [TestCase("--steps", "9..3", "--steps")]
    [TestCase("--steps", "x", "--steps")]
    [TestCase("--operation", "nobody", "no operation 'nobody'")]
    [TestCase("--steps", "500..", "the trace has 28 steps")]
    public void Show_BadOption_IsOneLineOnStderr(string option, string value, string fragment) =>
        CliRun.Of("show", Repository.Trace(LostUpdate), option, value).AssertBadInput(fragment);

    [Test]
    public void Show_MissingTrace_IsBadInput() =>
        CliRun.Of("show", "no-such-trace.json").AssertBadInput("trace file not found");

    [Test]
    public void Show_Html_IsSelfContained()
    {
        using var folder = new TempDirectory();
        string page = folder.File("page.html");
        var run = Show(Philosophers, "--html", page);
        string html = File.ReadAllText(page);
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
            Assert.That(html, Does.Not.Contain("http://").And.Not.Contain("https://").And.Not.Contain("src="), "no network resources (the SVG namespace aside)");
            Assert.That(html, Does.Contain("lock (second)"));
        });
    }
}
