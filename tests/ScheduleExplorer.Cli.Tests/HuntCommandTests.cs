using ScheduleExplorer.Cli.Hunt;

namespace ScheduleExplorer.Cli.Tests;

/// <summary><c>schedex hunt</c> on a small budget: every bug found and replayed, every fix clean.</summary>
[TestFixture]
public sealed class HuntCommandTests
{
    [Test]
    public void Hunt_SmallBudget_EveryRowAsExpected()
    {
        using var temp = new TempDirectory();
        string outdir = Path.Combine(temp.Path, "traces");

        // Seed 0 finds the philosophers' deadlock under PCT(10) in 829 iterations; 1,000 is the default budget.
        var run = CliRun.Of("hunt", "--iterations", "1000", "--outdir", outdir);
        string[] lines = run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        string[] rows = [.. lines.Skip(1).TakeWhile(l => l.StartsWith("ok", StringComparison.Ordinal) || l.StartsWith("FAIL", StringComparison.Ordinal))];
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.Zero, run.Out);
            Assert.That(lines[0], Does.Contain("workload").And.Contain("strategy").And.Contain("expected").And.Contain("result").And.Contain("iterations").And.Contain("time").And.Contain("trace"));
            foreach (HuntCase huntCase in HuntPlan.Cases)
            {
                Assert.That(rows.Count(r => r.Contains($" {huntCase.Workload} ", StringComparison.Ordinal)), Is.EqualTo(huntCase.ExpectBug ? 4 : 2), huntCase.Workload);
            }

            Assert.That(rows, Has.Length.EqualTo(158));
            Assert.That(rows, Has.All.StartWith("ok "));
            Assert.That(rows.Count(r => r.Contains(" replay ", StringComparison.Ordinal) && r.Contains("reproduced", StringComparison.Ordinal)), Is.EqualTo(48));
            Assert.That(Directory.GetFiles(outdir, "*.json"), Has.Length.EqualTo(48), "one trace per bug and strategy");
            Assert.That(run.Out, Does.Contain("All 158 checks as expected"));
            Assert.That(rows.Select(r => r.IndexOf(" s  ", StringComparison.Ordinal)).Distinct().Count(), Is.EqualTo(1), "time column aligned");
        });
    }

    [Test]
    public void Hunt_AssemblyNotFound_ExitsTwo()
    {
        using var temp = new TempDirectory();
        CliRun.Of("hunt", "--assembly", temp.File("none.dll"), "--outdir", temp.Path).AssertBadInput("assembly not found");
    }

    [Test]
    public void Hunt_TextFileNamedDll_ExitsTwo()
    {
        using var temp = new TempDirectory();
        string fake = temp.Write("x.dll", "not an assembly");
        CliRun.Of("hunt", "--assembly", fake, "--outdir", temp.Path).AssertBadInput("not a .NET assembly");
    }
}
