using System.Text.RegularExpressions;

namespace ScheduleExplorer.Cli.Tests;

/// <summary>The page <c>schedex show --html</c> writes, as headless Chromium renders it.</summary>
public sealed partial class ShowPageBrowserTests
{
    [Test]
    public void Page_Philosophers_HasEveryLaneAndTheDeadlockCycleOnceRendered()
    {
        string browser = Chromium.Require();
        using var folder = new TempDirectory();
        string page = folder.File("philosophers.html");
        var run = CliRun.Of("show", Repository.Trace("DiningPhilosophers.LeftThenRight.pct10.seed0.json"), "--source", Path.Combine(Repository.Root, "src"), "--html", page);
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);

        string dom = Chromium.DumpDom(browser, page);
        int last = ScheduleExplorer.Traces.TraceSerializer.ReadFile(Repository.Trace("DiningPhilosophers.LeftThenRight.pct10.seed0.json")).Steps.Count;
        var labels = LaneLabel().Matches(dom).Select(m => m.Groups[1].Value).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(dom, Does.Contain("data-ready=\"true\""), "the page's script ran to its end");
            Assert.That(labels, Has.Count.EqualTo(6).And.Some.StartsWith("#0 main").And.Some.StartsWith("#5 philosopher 4"));
            Assert.That(DeadlockedStep().Matches(dom), Has.Count.EqualTo(6), "five philosophers and main, stuck");
            Assert.That(dom, Does.Contain($"<tr id=\"step-{last}\" class=\"deadlock\""), "the table row of the last stuck philosopher is highlighted");
        });
    }

    [Test]
    public void Page_LostUpdate_HighlightsTheRacingAccessesAndDrawsTheWakeUps()
    {
        string browser = Chromium.Require();
        using var folder = new TempDirectory();
        string page = folder.File("lost-update.html");
        CliRun.Of("show", Repository.Trace("LostUpdate.Unsynchronized.pct10.seed0.json"), "--source", Path.Combine(Repository.Root, "src"), "--html", page);

        string dom = Chromium.DumpDom(browser, page);
        Assert.Multiple(() =>
        {
            Assert.That(dom, Does.Contain("data-ready=\"true\""));
            Assert.That(RacingStep().Matches(dom), Has.Count.GreaterThanOrEqualTo(3));
            Assert.That(Regex.Matches(dom, "<line class=\"wake\""), Has.Count.EqualTo(2));
            Assert.That(dom, Does.Contain("_count += 1;"));
        });

        string png = folder.File("lost-update.png");
        Chromium.Screenshot(browser, page, png);
        Assert.That(new FileInfo(png).Length, Is.GreaterThan(10_000), "a screenshot with something on it");
    }

    [GeneratedRegex("<div class=\"lane-label\" data-lane=\"\\d+\">([^<]*)</div>")]
    private static partial Regex LaneLabel();

    [GeneratedRegex("<rect class=\"step k-\\w+ deadlock[^\"]*\"")]
    private static partial Regex DeadlockedStep();

    [GeneratedRegex("<rect class=\"step k-\\w+ race[^\"]*\"")]
    private static partial Regex RacingStep();
}
