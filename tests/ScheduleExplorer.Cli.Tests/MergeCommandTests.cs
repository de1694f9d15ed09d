using System.Text.RegularExpressions;

namespace ScheduleExplorer.Cli.Tests;

/// <summary>Shards of one run, merged, equal the single machine's run with the same seed.</summary>
public sealed partial class MergeCommandTests
{
    private static (string Report, string JUnit) Run(TempDirectory folder, string name, string method, string iterations, string? shard)
    {
        string report = folder.File(name + ".json"), junit = folder.File(name + ".xml");
        string[] args = ["test", CliRun.Workloads, "-m", method, "-s", "pct", "--strategy-bound", "10", "-i", iterations, "-v", "quiet", "-o", folder.File(name), "--report", report, "--junit", junit];
        var run = CliRun.Of(shard is null ? args : [.. args, "--shard", shard]);
        Assert.That(run.ExitCode, Is.AnyOf(0, 1), run.Error);
        return (report, junit);
    }

    /// <summary>The file with what differs between machines by design taken out: times and the trace folder.</summary>
    private static string Comparable(string path, string traceFolder) =>
        Time().Replace(File.ReadAllText(path).Replace(traceFolder, "<traces>", StringComparison.Ordinal), "<time>");

    [TestCase("LostUpdate.Unsynchronized", "4", ExpectedResult = "bug")]
    [TestCase("LostUpdate.Locked", "6", ExpectedResult = "no bug")]
    public string Merge_TwoShards_EqualsTheSingleRun(string method, string iterations)
    {
        using var folder = new TempDirectory();
        var single = Run(folder, "single", method, iterations, shard: null);
        var second = Run(folder, "s2", method, iterations, "2/2");
        var first = Run(folder, "s1", method, iterations, "1/2");
        var merge = CliRun.Of("merge", second.Report, first.Report, "--report", folder.File("merged.json"), "--junit", folder.File("merged.xml"));

        string verdict = Regex.Match(File.ReadAllText(folder.File("merged.json")), "\"verdict\": \"([^\"]+)\"").Groups[1].Value;
        Assert.Multiple(() =>
        {
            Assert.That(merge.ExitCode, Is.EqualTo(verdict == "bug" ? 1 : 0), merge.Error);
            Assert.That(Comparable(folder.File("merged.json"), folder.File("s2")).Replace(folder.File("s1"), "<traces>", StringComparison.Ordinal), Is.EqualTo(Comparable(single.Report, folder.File("single"))));
            Assert.That(Comparable(folder.File("merged.xml"), folder.File("s2")), Is.EqualTo(Comparable(single.JUnit, folder.File("single"))));
        });
        return verdict;
    }

    [Test]
    public void Merge_ARaceInAnEarlierShard_IsOutrankedByALaterFailure()
    {
        var merged = Cli.Merge.ShardMerge.Merge([("s1", Shard(0, "bug", "DataRace")), ("s2", Shard(10, "no bug", null)), ("s3", Shard(20, "bug", "UnhandledException"))]);
        Assert.Multiple(() =>
        {
            Assert.That(merged.Bug?.Kind, Is.EqualTo("UnhandledException"));
            Assert.That(merged.FirstBugIteration, Is.EqualTo(21));
            Assert.That(merged.Iterations, Is.EqualTo(30), "a single run explores on after a race");
        });
    }

    [Test]
    public void Merge_ARaceWithNothingFailingLater_IsTheRunsBug()
    {
        var merged = Cli.Merge.ShardMerge.Merge([("s1", Shard(0, "no bug", null)), ("s2", Shard(10, "bug", "DataRace")), ("s3", Shard(20, "bug", "DataRace")), ("s4", Shard(30, "no bug", null))]);
        Assert.Multiple(() =>
        {
            Assert.That(merged.Verdict, Is.EqualTo("bug"));
            Assert.That(merged.Bug?.Kind, Is.EqualTo("DataRace"));
            Assert.That(merged.FirstBugIteration, Is.EqualTo(11), "the first race");
            Assert.That(merged.Text, Is.EqualTo("race at 11"));
            Assert.That(merged.Iterations, Is.EqualTo(40), "every shard was explored");
        });
    }

    private static Cli.Reports.RunSummary Shard(int first, string verdict, string? kind) => new()
    {
        Method = "M.T",
        Strategy = "random",
        Seed = 1,
        FirstIteration = first,
        PlannedIterations = 10,
        Verdict = verdict,
        BugFound = kind is not null,
        FirstBugIteration = kind is null ? null : first + 1,
        Iterations = 10,
        ElapsedSeconds = 1,
        TotalSteps = 100,
        Bug = kind is null ? null : new Cli.Reports.RunSummaryBug { Kind = kind, Message = kind },
        Text = kind is null ? null : (kind == "DataRace" ? "race" : "failure") + $" at {first + 1}",
        Trace = null,
        CouldNotTest = null,
        StepBoundHits = 0,
    };

    [Test]
    public void Merge_AMissingShard_IsBadInput()
    {
        using var folder = new TempDirectory();
        var second = Run(folder, "s2", "LostUpdate.Locked", "6", "2/3");
        var third = Run(folder, "s3", "LostUpdate.Locked", "6", "3/3");
        CliRun.Of("merge", second.Report, third.Report).AssertBadInput("a shard is missing");
    }

    [Test]
    public void Merge_ShardsOfAnotherRun_IsBadInput()
    {
        using var folder = new TempDirectory();
        var locked = Run(folder, "a", "LostUpdate.Locked", "6", "1/2");
        var other = Run(folder, "b", "LostUpdate.Interlocked", "6", "2/2");
        CliRun.Of("merge", locked.Report, other.Report).AssertBadInput("is a run of");
    }

    [Test]
    public void Merge_NotAReport_IsBadInput()
    {
        using var folder = new TempDirectory();
        CliRun.Of("merge", folder.Write("x.json", "[1, 2]")).AssertBadInput("is not a schedex report");
    }

    [GeneratedRegex("(\"elapsedSeconds\": [0-9.E-]+|time=\"[0-9.]+\")")]
    private static partial Regex Time();
}
