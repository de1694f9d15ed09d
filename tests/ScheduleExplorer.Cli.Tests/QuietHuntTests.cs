using ScheduleExplorer.Traces;

namespace ScheduleExplorer.Cli.Tests;

/// <summary><c>schedex hunt</c> leaves a committed trace byte for byte unless its schedule or bug changed.</summary>
[TestFixture]
public sealed class QuietHuntTests
{
    [Test]
    public void Hunt_AgainOnAnotherBuild_LeavesTracesUntouched_ButRewritesAChangedOne()
    {
        using var temp = new TempDirectory();
        string outdir = Path.Combine(temp.Path, "traces");
        string[] hunt = ["hunt", "--shard", "1/8", "--outdir", outdir];
        Assert.That(CliRun.Of(hunt).ExitCode, Is.Zero);
        string[] traces = Directory.GetFiles(outdir, "*.json");
        Assume.That(traces, Has.Length.GreaterThanOrEqualTo(2), "the shard finds bugs");

        // As on a fresh clone: the traces were recorded against another build (another MVID).
        foreach (string path in traces)
        {
            TraceSerializer.WriteFile(TraceSerializer.ReadFile(path) with { Mvid = Guid.NewGuid() }, path);
        }

        string changed = traces[0];
        var original = TraceSerializer.ReadFile(changed);
        TraceSerializer.WriteFile(original with { Bug = original.Bug! with { Message = "an older message" } }, changed);
        var before = traces.ToDictionary(p => p, File.ReadAllBytes);

        Assert.That(CliRun.Of(hunt).ExitCode, Is.Zero);
        Assert.Multiple(() =>
        {
            foreach (string path in traces.Skip(1))
            {
                Assert.That(File.ReadAllBytes(path), Is.EqualTo(before[path]), $"{Path.GetFileName(path)} untouched");
            }

            Assert.That(TraceSerializer.ReadFile(changed).Bug!.Message, Is.EqualTo(original.Bug!.Message), "the changed trace is re-recorded");
            Assert.That(Directory.GetFiles(outdir, "*.tmp"), Is.Empty);
        });
    }
}
